// BillingSetupHelp: what a server administrator sets to turn on paid plans (shown while Stripe is not configured).
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HANDLED_STRIPE_EVENTS } from "@/lib/billing/stripe";

const VARIABLES: Array<{ name: string; description: string }> = [
  { name: "STRIPE_SECRET_KEY", description: "Your Stripe secret API key (sk_live_… or sk_test_…)." },
  { name: "STRIPE_WEBHOOK_SECRET", description: "The signing secret (whsec_…) of the webhook endpoint below." },
  { name: "STRIPE_PRICE_TEAM", description: "The recurring monthly Price id (price_…) of the Team plan, charged per editor seat." },
  { name: "STRIPE_PRICE_BUSINESS", description: "The same for the Business plan. Leave unset to offer Team only." },
  { name: "BILLING_GRACE_DAYS", description: "Optional: days a team keeps working after a failed payment before it turns read-only (default 7)." },
];

export function BillingSetupHelp({ missing, webhookUrl }: { missing: string[]; webhookUrl: string }) {
  return (
    <Card data-testid="billing-setup-help">
      <CardHeader>
        <CardTitle as="h2">Paid plans are not set up on this server</CardTitle>
        <CardDescription>
          Until they are, every team uses the Free plan: up to 3 editors, 1 scorecard and unlimited viewers. Nothing else is limited.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <p>To offer the Team and Business plans, the server administrator sets these environment variables and restarts Cairn:</p>
        <dl className="flex flex-col gap-3">
          {VARIABLES.map((v) => (
            <div key={v.name}>
              <dt className="flex flex-wrap items-center gap-2">
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{v.name}</code>
                {missing.includes(v.name) ? <span className="text-xs font-medium text-status-amber">not set</span> : null}
              </dt>
              <dd className="mt-1 text-muted-foreground">{v.description}</dd>
            </div>
          ))}
        </dl>
        <p>
          In the Stripe dashboard, add a webhook endpoint at <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs break-all">{webhookUrl}</code>{" "}
          sending these events: {HANDLED_STRIPE_EVENTS.map((e, i) => (
            <span key={e}>
              {i > 0 ? ", " : null}
              <code className="font-mono text-xs">{e}</code>
            </span>
          ))}
          . Turn on the customer portal so admins can update payment methods and download invoices.
        </p>
      </CardContent>
    </Card>
  );
}
