// BillingBanner: a failed payment, said once at the top of every team page. Owners and admins
// see it during the grace period with the way to fix it; once the team is read-only, everyone does.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Team } from "@/db/schema";
import { can, type Role } from "@/lib/auth/permissions";
import { billingAccess } from "@/lib/billing/access";
import { formatBillingDate } from "@/lib/billing/format";
import { isBillingEnabled } from "@/lib/billing/stripe";
import { clock } from "@/lib/clock";

export type BillingBannerProps = {
  team: Pick<Team, "slug" | "plan" | "subscriptionStatus" | "pastDueSince" | "timeZone">;
  /** The viewer's role in the team. */
  role: Role;
  now?: Date;
};

export function BillingBanner({ team, role, now = clock.now() }: BillingBannerProps) {
  if (!isBillingEnabled()) return null;
  const access = billingAccess(team, now);
  if (!access.pastDue) return null;
  const manager = can(role, "billing.manage");
  if (!access.readOnly && !manager) return null;

  const billing = `/t/${team.slug}/settings/billing`;
  if (access.readOnly) {
    return (
      <Alert variant="error" title="This team is read-only until payment is fixed" data-testid="billing-banner" className="mb-4">
        Everything stays readable and nothing has been deleted, but changes are paused.{" "}
        {manager ? <Link href={billing}>Update the payment method in Billing</Link> : "An owner or admin can fix the payment in Billing."}
      </Alert>
    );
  }
  return (
    <Alert variant="warning" title="The last payment failed" data-testid="billing-banner" className="mb-4">
      Stripe is retrying. Everything keeps working until {formatBillingDate(access.graceEndsAt!, team.timeZone)}; after that the team
      becomes read-only until payment is fixed. <Link href={billing}>Update the payment method in Billing</Link>
    </Alert>
  );
}
