// Stripe subscription → the billing fields on the team. Pure: the webhook and the seat
// change both call it with the subscription as Stripe reports it *now*, so the order in
// which events arrive never matters.
import type Stripe from "stripe";
import type { BillingPatch } from "@/db/queries/billing";
import type { Team } from "@/db/schema";
import { clock } from "@/lib/clock";
import { PAID_STATUSES, PAST_DUE_STATUSES, isPaidPlanId, planForStripePrice, type PaidPlanId } from "./plans";
import { stripeId } from "./stripe";

const KNOWN_STATUSES = ["trialing", "active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "paused"] as const;
type SubscriptionStatus = Team["subscriptionStatus"];

/** Statuses after which a subscription will never be paid again. */
const ENDED = ["canceled", "incomplete_expired"];

export function subscriptionStatusOf(subscription: Pick<Stripe.Subscription, "status">): SubscriptionStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(subscription.status) ? (subscription.status as SubscriptionStatus) : "none";
}

/** The plan a subscription pays for: from its Price, else the plan we wrote into its metadata. */
export function planOfSubscription(subscription: Stripe.Subscription): PaidPlanId {
  const item = subscription.items.data[0];
  return planForStripePrice(item?.price?.id) ?? (isPaidPlanId(subscription.metadata?.plan) ? subscription.metadata.plan : "team");
}

/**
 * Whether an event about `subscription` should change `team`. A team has one current
 * subscription; a late event about an older, ended one must not overwrite a live one.
 */
export function concernsCurrentSubscription(team: Pick<Team, "stripeSubscriptionId" | "subscriptionStatus">, subscription: Stripe.Subscription): boolean {
  if (!team.stripeSubscriptionId || team.stripeSubscriptionId === subscription.id) return true;
  const teamLive = (PAID_STATUSES as readonly string[]).includes(team.subscriptionStatus);
  const incomingLive = (PAID_STATUSES as readonly string[]).includes(subscription.status);
  return incomingLive || !teamLive;
}

export function billingPatchFromSubscription(
  team: Pick<Team, "pastDueSince">,
  subscription: Stripe.Subscription,
  now: Date = clock.now(),
): Required<BillingPatch> {
  const status = subscriptionStatusOf(subscription);
  const item = subscription.items.data[0];
  const ended = ENDED.includes(status);
  const pastDue = (PAST_DUE_STATUSES as readonly string[]).includes(status);
  return {
    // An ended subscription leaves the team on Free; its data stays as it is.
    plan: ended ? "free" : planOfSubscription(subscription),
    stripeCustomerId: stripeId(subscription.customer),
    stripeSubscriptionId: subscription.id,
    subscriptionStatus: status,
    paidSeats: ended ? 0 : (item?.quantity ?? 0),
    currentPeriodEnd: !ended && item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    // The grace period runs from the first time we learn of the failure, never restarts while
    // it lasts, and clears once Stripe reports the subscription paid again.
    pastDueSince: pastDue ? (team.pastDueSince ?? now) : null,
  };
}

/** The fields of `patch` that differ from `team`, as before → after pairs for the activity log. */
export function changedBillingFields(team: Team, patch: BillingPatch): Array<{ field: keyof BillingPatch; before: unknown; after: unknown }> {
  const changes: Array<{ field: keyof BillingPatch; before: unknown; after: unknown }> = [];
  for (const field of ["plan", "subscriptionStatus", "paidSeats"] as const) {
    if (patch[field] !== undefined && patch[field] !== team[field]) changes.push({ field, before: team[field], after: patch[field] });
  }
  return changes;
}
