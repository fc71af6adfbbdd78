// What a team's payment state allows: a failed payment leaves a grace period, then the team
// turns read-only until payment is fixed. Nothing is ever deleted for non-payment.
import type { Team } from "@/db/schema";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { PAST_DUE_STATUSES, effectivePlanId, type PlanId } from "./plans";
import { isBillingEnabled } from "./stripe";

type BillingFields = Pick<Team, "slug" | "plan" | "subscriptionStatus" | "pastDueSince">;

export interface BillingAccess {
  /** The plan whose limits apply now (Free once a subscription has ended). */
  plan: PlanId;
  /** Stripe is retrying a failed payment. */
  pastDue: boolean;
  /** When writing stops if payment is not fixed (null unless past due). */
  graceEndsAt: Date | null;
  /** Past the grace period: reads work, writes are refused with 402. */
  readOnly: boolean;
}

export function graceDays(): number {
  return env().BILLING_GRACE_DAYS;
}

/** Pure: the access a team's billing fields give at `now`. */
export function billingAccess(team: Omit<BillingFields, "slug">, now: Date = clock.now(), days: number = graceDays()): BillingAccess {
  const pastDue = (PAST_DUE_STATUSES as readonly string[]).includes(team.subscriptionStatus);
  // A past-due team always has pastDueSince (the webhook sets it); if not, the clock starts now.
  const since = pastDue ? (team.pastDueSince ?? now) : null;
  const graceEndsAt = since ? new Date(since.getTime() + days * 24 * 3600 * 1000) : null;
  return { plan: effectivePlanId(team), pastDue, graceEndsAt, readOnly: Boolean(graceEndsAt && now >= graceEndsAt) };
}

/**
 * Throws 402 when the team is read-only for non-payment. Call it before every write of
 * tenant data (teamAction does for write permissions); reads never call it. Without Stripe
 * configured nobody could fix a payment, so nothing is ever locked.
 */
export function assertTeamWritable(team: BillingFields, now: Date = clock.now()): void {
  if (!isBillingEnabled()) return;
  const access = billingAccess(team, now);
  if (!access.readOnly) return;
  throw new AppError(
    "payment_required",
    `This team is read-only until payment is fixed: the last payment failed and the ${graceDays()}-day grace period has ended. ` +
      `Nothing has been deleted. An owner or admin can update the payment method in Billing (/t/${team.slug}/settings/billing).`,
  );
}
