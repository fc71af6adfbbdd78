// Everything the billing page shows, gathered once: plan, seats, payment state, next invoice.
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { editorSeatsUsed } from "@/lib/teams/seats";
import { billingAccess, graceDays, type BillingAccess } from "./access";
import { PAID_STATUSES, PLANS, editorSeatLimit, type Plan } from "./plans";
import { billingConfig, stripeClient, type BillingConfig } from "./stripe";

export interface NextInvoice {
  date: Date | null;
  /** In the currency's smallest unit (cents), as Stripe reports it. */
  amountDue: number;
  currency: string;
}

export interface BillingOverview {
  config: BillingConfig;
  team: Team;
  /** The plan whose limits apply now. */
  plan: Plan;
  access: BillingAccess;
  graceDays: number;
  seatsUsed: number;
  seatLimit: number;
  /** The subscription is live (active, trialing or past due): seats can be managed, not bought again. */
  subscribed: boolean;
  nextInvoice: NextInvoice | null;
  /** Set when Stripe could not be asked for the next invoice; the page still renders. */
  stripeError: string | null;
}

export async function getBillingOverview({ ctx, team }: { ctx: { teamId: string }; team: Team }): Promise<BillingOverview> {
  const config = billingConfig();
  const seatsUsed = await inTeam(ctx.teamId, (tx) => editorSeatsUsed(tx, ctx));
  const access = billingAccess(team);
  const subscribed = team.plan !== "free" && (PAID_STATUSES as readonly string[]).includes(team.subscriptionStatus) && Boolean(team.stripeSubscriptionId);

  let nextInvoice: NextInvoice | null = null;
  let stripeError: string | null = null;
  const stripe = stripeClient();
  if (stripe && subscribed && team.stripeCustomerId) {
    try {
      // The upcoming invoice (API 2025-03-31 and later: a preview created on demand).
      const preview = await stripe.invoices.createPreview({ customer: team.stripeCustomerId, subscription: team.stripeSubscriptionId! });
      const at = preview.next_payment_attempt ?? null;
      nextInvoice = { date: at ? new Date(at * 1000) : team.currentPeriodEnd, amountDue: preview.amount_due, currency: preview.currency };
    } catch (error) {
      console.error("[billing] next invoice preview failed", error);
      stripeError = "Stripe could not be reached, so the next invoice is not shown. Try again in a moment.";
    }
  }

  return {
    config,
    team,
    plan: PLANS[access.plan],
    access,
    graceDays: graceDays(),
    seatsUsed,
    seatLimit: editorSeatLimit(team),
    subscribed,
    nextInvoice,
    stripeError,
  };
}
