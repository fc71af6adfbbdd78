// Changing how many editor seats a subscription pays for, from the app, with proration.
import type { Tx } from "@/db/client";
import { getTeamBillingForUpdate, updateTeamBilling } from "@/db/queries/billing";
import { recordChange } from "@/db/queries/changes";
import { AppError } from "@/lib/errors";
import { editorSeatsUsed } from "@/lib/teams/seats";
import { effectivePlanId } from "./plans";
import { requireStripe } from "./stripe";
import { billingPatchFromSubscription } from "./subscription-state";

export const MAX_PAID_SEATS = 1000;

export async function changePaidSeats(
  tx: Tx,
  { ctx, user }: { ctx: { teamId: string; teamSlug: string }; user: { id: string } },
  seats: number,
): Promise<{ paidSeats: number; message: string }> {
  const stripe = requireStripe();
  const team = await getTeamBillingForUpdate(tx, ctx);
  if (effectivePlanId(team) === "free" || !team.stripeSubscriptionId) {
    throw new AppError("bad_request", "This team has no paid subscription: upgrade first, then choose its seats.");
  }
  if (team.subscriptionStatus !== "active" && team.subscriptionStatus !== "trialing") {
    throw new AppError("conflict", "The last payment failed: update the payment method in the customer portal first, then change seats.");
  }
  const used = await editorSeatsUsed(tx, ctx);
  if (seats < used) {
    const message = `${used} editor seats are in use (owners, admins, editors and pending invitations to those roles). Remove editors, make them viewers or revoke invitations on the Members page (/t/${ctx.teamSlug}/settings/members) first, then lower the seats.`;
    throw new AppError("validation", message, { fieldErrors: { seats: [`At least ${used}: that many editor seats are in use.`] } });
  }
  if (seats === team.paidSeats) return { paidSeats: seats, message: `The team already pays for ${seats} seats.` };

  const subscription = await stripe.subscriptions.retrieve(team.stripeSubscriptionId);
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${subscription.id} has no item`);
  // Stripe prorates the difference onto the next invoice; the webhook that follows confirms the same state.
  const updated = await stripe.subscriptions.update(subscription.id, {
    items: [{ id: item.id, quantity: seats }],
    proration_behavior: "create_prorations",
  });
  const patch = billingPatchFromSubscription(team, updated);
  await updateTeamBilling(tx, ctx, patch);
  await recordChange(tx, ctx, {
    actorId: user.id, entityType: "team", entityId: ctx.teamId, action: "update", field: "paidSeats", before: team.paidSeats, after: patch.paidSeats,
  });
  const direction = patch.paidSeats > team.paidSeats ? "added to" : "credited on";
  return { paidSeats: patch.paidSeats, message: `The team now pays for ${patch.paidSeats} editor seats. The prorated difference is ${direction} the next invoice.` };
}
