// Applying Stripe webhook events. Each event only tells us *which* subscription changed; its
// state is read back from Stripe, so a late or reordered event can only ever write the
// current truth. The event id is recorded in the same transaction as the change: a
// redelivery finds it and changes nothing, and a failure records nothing (Stripe retries).
import Stripe from "stripe";
import {
  claimStripeEvent, findTeamForStripe, getTeamBillingForUpdate, isStripeEventProcessed, recordUnmatchedStripeEvent, updateTeamBilling,
} from "@/db/queries/billing";
import { recordChange } from "@/db/queries/changes";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { HANDLED_STRIPE_EVENTS, requireStripe, stripeId, type HandledStripeEvent } from "./stripe";
import { billingPatchFromSubscription, changedBillingFields, concernsCurrentSubscription } from "./subscription-state";

export type WebhookOutcome =
  | { result: "applied"; teamId: string; changed: string[] }
  | { result: "duplicate" | "ignored" | "unmatched"; teamId?: string };

/** The raw body and its `Stripe-Signature` header → a verified event, or a 400. */
export function verifyStripeEvent(payload: string, signature: string | null): Stripe.Event {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("bad_request", "Stripe webhooks are not configured on this server.");
  if (!signature) throw new AppError("bad_request", "Missing Stripe-Signature header.");
  try {
    return Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    throw new AppError("bad_request", "Invalid Stripe signature.");
  }
}

interface Reference {
  subscriptionId: string | null;
  teamId: string | null;
  customerId: string | null;
}

// One small function per handled event type: where its object keeps the subscription and the team.
const REFERENCES: Record<HandledStripeEvent, (object: never) => Reference> = {
  "checkout.session.completed": (session: Stripe.Checkout.Session) => ({
    subscriptionId: session.mode === "subscription" ? stripeId(session.subscription) : null,
    teamId: session.client_reference_id ?? session.metadata?.team_id ?? null,
    customerId: stripeId(session.customer),
  }),
  "customer.subscription.created": subscriptionReference,
  "customer.subscription.updated": subscriptionReference,
  "customer.subscription.deleted": subscriptionReference,
  "invoice.paid": invoiceReference,
  "invoice.payment_failed": invoiceReference,
};

function subscriptionReference(subscription: Stripe.Subscription): Reference {
  return { subscriptionId: subscription.id, teamId: subscription.metadata?.team_id ?? null, customerId: stripeId(subscription.customer) };
}

function invoiceReference(invoice: Stripe.Invoice): Reference {
  const details = invoice.parent?.subscription_details;
  return { subscriptionId: stripeId(details?.subscription), teamId: details?.metadata?.team_id ?? null, customerId: stripeId(invoice.customer) };
}

function isHandled(type: string): type is HandledStripeEvent {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);
}

/** The subscription as Stripe has it now; for a deletion Stripe may no longer serve it, so the event's copy stands. */
async function currentSubscription(event: Stripe.Event, subscriptionId: string): Promise<Stripe.Subscription> {
  try {
    return await requireStripe().subscriptions.retrieve(subscriptionId);
  } catch (error) {
    const missing = error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
    if (missing && event.type === "customer.subscription.deleted") return event.data.object as Stripe.Subscription;
    throw error;
  }
}

export async function processStripeEvent(event: Stripe.Event, now: Date = clock.now()): Promise<WebhookOutcome> {
  if (!isHandled(event.type)) return { result: "ignored" };
  // Cheap early exit for redeliveries; the claim below is what makes it safe under races.
  if (await isStripeEventProcessed(event.id)) return { result: "duplicate" };

  const reference = REFERENCES[event.type](event.data.object as never);
  if (!reference.subscriptionId) {
    await recordUnmatchedStripeEvent(event);
    return { result: "ignored" };
  }
  const subscription = await currentSubscription(event, reference.subscriptionId);
  const team = await findTeamForStripe({
    teamId: reference.teamId ?? subscription.metadata?.team_id,
    customerId: reference.customerId ?? stripeId(subscription.customer),
  });
  if (!team) {
    console.warn(`[stripe] ${event.type} ${event.id}: no team for subscription ${subscription.id}`);
    await recordUnmatchedStripeEvent(event);
    return { result: "unmatched" };
  }

  const ctx = { teamId: team.id };
  return inTeam(team.id, async (tx): Promise<WebhookOutcome> => {
    if (!(await claimStripeEvent(tx, event))) return { result: "duplicate", teamId: team.id };
    const current = await getTeamBillingForUpdate(tx, ctx);
    if (!concernsCurrentSubscription(current, subscription)) return { result: "ignored", teamId: team.id };
    const patch = billingPatchFromSubscription(current, subscription, now);
    const changes = changedBillingFields(current, patch);
    await updateTeamBilling(tx, ctx, patch);
    if (changes.length > 0) {
      await recordChange(
        tx,
        ctx,
        changes.map((c) => ({ actorId: null, entityType: "team" as const, entityId: team.id, action: "update" as const, field: c.field, before: c.before, after: c.after, reason: `Stripe: ${event.type}` })),
      );
    }
    return { result: "applied", teamId: team.id, changed: changes.map((c) => c.field) };
  });
}
