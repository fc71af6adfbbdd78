// Deleting a team ends its Stripe subscription first: the rows go, and without this the card
// would go on being charged for a team that no longer exists.
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { getTeamBillingForUpdate } from "@/db/queries/billing";
import { AppError } from "@/lib/errors";
import { stripeClient } from "./stripe";

const ENDED = new Set(["none", "canceled", "incomplete_expired"]);

/**
 * Cancels the team's live subscription at once, inside the deleting transaction (its team row
 * locked, so no webhook or seat change interleaves). When Stripe cannot be reached the delete
 * is refused and nothing changes; a subscription Stripe no longer knows counts as cancelled.
 */
export async function cancelSubscriptionBeforeDelete(tx: Tx, ctx: { teamId: string }): Promise<{ canceled: string | null }> {
  const team = await getTeamBillingForUpdate(tx, ctx);
  if (!team.stripeSubscriptionId || ENDED.has(team.subscriptionStatus)) return { canceled: null };
  const stripe = stripeClient();
  if (!stripe) {
    throw new AppError("conflict", "This team still has a Stripe subscription, but this server has no Stripe keys to cancel it. Set them, or cancel the subscription in Stripe, then delete the team.");
  }
  try {
    await stripe.subscriptions.cancel(team.stripeSubscriptionId);
  } catch (error) {
    if ((error as Stripe.errors.StripeError)?.code === "resource_missing") return { canceled: team.stripeSubscriptionId };
    console.error(`[billing] could not cancel ${team.stripeSubscriptionId} before deleting team ${team.id}`, error);
    throw new AppError("internal", "Stripe could not cancel this team's subscription just now, so nothing was deleted. Try again in a minute.");
  }
  return { canceled: team.stripeSubscriptionId };
}
