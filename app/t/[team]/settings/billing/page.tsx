// GET /t/[team]/settings/billing — plan, editor seats, payment state and next invoice; upgrade, seats, portal (owners and admins).
import type { Metadata } from "next";
import Link from "next/link";
import { BillingSetupHelp } from "@/components/billing/billing-setup-help";
import { PlanCard } from "@/components/billing/plan-card";
import { SeatsForm } from "@/components/billing/seats-form";
import { StripeRedirectButton } from "@/components/billing/stripe-redirect-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { formatBillingDate, formatMoney, formatSeatPrice } from "@/lib/billing/format";
import { getBillingOverview, type BillingOverview } from "@/lib/billing/overview";
import { PLANS, SUBSCRIPTION_STATUS_LABELS } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { openPortalAction, startCheckoutAction, updateSeatsAction } from "./actions";

export const metadata: Metadata = { title: "Billing" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BillingPage({ params, searchParams }: Props) {
  const { team: slug } = await params;
  const { checkout } = await searchParams;
  const session = await requireTeamPermission(slug, "billing.manage");
  const overview = await getBillingOverview(session);
  const { config, team, plan, access, subscribed } = overview;
  const subscribedPlan = PLANS[team.plan];

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader title="Billing" description={`Plan, editor seats and payment for ${team.name}. Viewers are always free.`} />

      <CheckoutOutcome checkout={checkout} paid={subscribed} planName={subscribedPlan.name} />

      {access.pastDue ? (
        <Alert variant={access.readOnly ? "error" : "warning"} title={access.readOnly ? "Read-only until payment is fixed" : "The last payment failed"}>
          {access.readOnly
            ? "The grace period has ended: everything stays readable and nothing is deleted, but changes are paused until the payment method is updated."
            : `Stripe is retrying. Everything keeps working until ${formatBillingDate(access.graceEndsAt!, team.timeZone)}; after that the team becomes read-only until payment is fixed.`}{" "}
          Update the payment method in the customer portal below.
        </Alert>
      ) : null}

      <Card data-testid="billing-current-plan">
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle as="h2">Current plan: {plan.name}</CardTitle>
            {team.subscriptionStatus !== "none" ? (
              <Badge variant={access.pastDue ? "destructive" : "secondary"}>{SUBSCRIPTION_STATUS_LABELS[team.subscriptionStatus] ?? team.subscriptionStatus}</Badge>
            ) : null}
          </div>
          <CardDescription>
            {plan.id === "free"
              ? team.subscriptionStatus === "canceled"
                ? "The subscription has ended, so Free limits apply again. All your journeys, scorecards and history are still here."
                : "Up to 3 editors and 1 scorecard, with unlimited viewers."
              : `${formatSeatPrice(plan.pricePerSeat)} per editor seat per month.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <Progress value={overview.seatsUsed} max={Math.max(overview.seatLimit, overview.seatsUsed, 1)} label={`Editor seats: ${overview.seatsUsed} of ${overview.seatLimit} used`} />
          {overview.seatsUsed > overview.seatLimit ? (
            <p className="text-sm text-status-amber">
              More editors than the plan allows: they keep their access, but no one else can become an editor until seats are added or editors become viewers.
            </p>
          ) : null}
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <Fact label="Editor seats in use" value={String(overview.seatsUsed)} hint="Owners, admins, editors and pending invitations to those roles" />
            <Fact label={subscribed ? "Paid seats" : "Seat limit"} value={String(overview.seatLimit)} />
            <Fact label="Status" value={SUBSCRIPTION_STATUS_LABELS[team.subscriptionStatus] ?? team.subscriptionStatus} />
            <NextInvoiceFact overview={overview} />
          </dl>
          {overview.stripeError ? <Alert variant="warning">{overview.stripeError}</Alert> : null}
        </CardContent>
        {config.enabled && team.stripeCustomerId ? (
          <CardFooter>
            <div className="flex flex-col items-start gap-2">
              <StripeRedirectButton action={openPortalAction} team={team.slug} variant="outline" pendingLabel="Opening the customer portal…">
                Payment methods, invoices and plan
              </StripeRedirectButton>
              <p className="text-sm text-muted-foreground">
                {subscribed
                  ? "Opens the Stripe customer portal: update the card, download invoices, switch between Team and Business, or cancel."
                  : "Opens the Stripe customer portal: payment methods and past invoices."}
              </p>
            </div>
          </CardFooter>
        ) : null}
      </Card>

      {config.enabled && subscribed ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Editor seats</CardTitle>
            <CardDescription>
              Add seats before inviting more editors. To go below the seats in use, first remove editors, make them viewers or revoke invitations on the{" "}
              <Link className="underline" href={`/t/${team.slug}/settings/members`}>
                Members page
              </Link>
              .
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SeatsForm
              action={updateSeatsAction}
              team={team.slug}
              paidSeats={team.paidSeats}
              seatsUsed={overview.seatsUsed}
              pricePerSeat={formatSeatPrice(subscribedPlan.pricePerSeat)}
              disabled={access.pastDue}
            />
          </CardContent>
        </Card>
      ) : null}

      {config.enabled && !subscribed ? (
        config.purchasablePlans.length > 0 ? (
          <section aria-labelledby="upgrade-heading" className="flex flex-col gap-4">
            <div>
              <h2 id="upgrade-heading" className="text-lg font-semibold tracking-tight">
                Upgrade
              </h2>
              <p className="text-sm text-muted-foreground">
                Checkout starts with {Math.max(overview.seatsUsed, 1)} editor {Math.max(overview.seatsUsed, 1) === 1 ? "seat" : "seats"}: the editors and pending
                editor invitations you have now. You can change seats here at any time.
              </p>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {config.purchasablePlans.map((id) => (
                <PlanCard key={id} plan={PLANS[id]} headingAs="h3" highlighted={id === "team"}>
                  <StripeRedirectButton action={startCheckoutAction} team={team.slug} fields={{ plan: id }} pendingLabel="Opening Stripe Checkout…">
                    Upgrade to {PLANS[id].name}
                  </StripeRedirectButton>
                </PlanCard>
              ))}
            </div>
          </section>
        ) : (
          <BillingSetupHelp missing={config.missing} webhookUrl={`${env().APP_URL}/api/stripe/webhook`} />
        )
      ) : null}

      {!config.enabled ? <BillingSetupHelp missing={config.missing} webhookUrl={`${env().APP_URL}/api/stripe/webhook`} /> : null}

      <p className="text-sm text-muted-foreground">
        Compare plans on the{" "}
        <Link className="underline" href="/pricing">
          pricing page
        </Link>
        .
      </p>
    </div>
  );
}

function CheckoutOutcome({ checkout, paid, planName }: { checkout: string | string[] | undefined; paid: boolean; planName: string }) {
  if (checkout === "success") {
    return paid ? (
      <Alert variant="success" title={`Welcome to ${planName}`}>
        Your subscription is active. Thank you!
      </Alert>
    ) : (
      <Alert variant="info" title="Payment received">
        Stripe is confirming the subscription; this takes a few seconds. <Link href="?checkout=success">Refresh</Link> to see your new plan.
      </Alert>
    );
  }
  if (checkout === "canceled") return <Alert variant="info">Checkout was canceled. Nothing was charged.</Alert>;
  return null;
}

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 font-medium">{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

function NextInvoiceFact({ overview }: { overview: BillingOverview }) {
  const { nextInvoice, team, subscribed } = overview;
  if (!subscribed) return <Fact label="Next invoice" value="None: the Free plan costs nothing" />;
  if (!nextInvoice) {
    return <Fact label="Next invoice" value={team.currentPeriodEnd ? formatBillingDate(team.currentPeriodEnd, team.timeZone) : "Not available"} />;
  }
  const when = nextInvoice.date ? formatBillingDate(nextInvoice.date, team.timeZone) : "at the end of the period";
  return <Fact label="Next invoice" value={`${formatMoney(nextInvoice.amountDue, nextInvoice.currency)} on ${when}`} />;
}
