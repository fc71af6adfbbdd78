// Hand-offs to Stripe's hosted pages: Checkout to start a subscription, the Customer Portal
// for payment methods, invoices and plan switches. Both return a URL for the browser.
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { getTeamBillingForUpdate, updateTeamBilling } from "@/db/queries/billing";
import type { Team } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { editorSeatsUsed } from "@/lib/teams/seats";
import { PAID_STATUSES, PLANS, stripePriceFor, type PaidPlanId } from "./plans";
import { requireStripe } from "./stripe";

interface BillingActor {
  ctx: { teamId: string; teamSlug: string };
  user: { id: string; email: string };
}

export function billingPageUrl(slug: string, query = ""): string {
  return `${env().APP_URL}/t/${slug}/settings/billing${query}`;
}

/** The team's Stripe customer, created on first use and stored on the team. */
async function ensureCustomer(stripe: Stripe, tx: Tx, ctx: { teamId: string }, team: Team, user: { email: string }): Promise<string> {
  if (team.stripeCustomerId) return team.stripeCustomerId;
  const customer = await stripe.customers.create(
    { name: team.name, email: user.email, metadata: { team_id: team.id } },
    // Should this transaction roll back after Stripe answered, a retry gets the same customer.
    { idempotencyKey: `cairn-customer-${team.id}-${createHash("sha256").update(`${user.email}\n${team.name}`).digest("hex").slice(0, 16)}` },
  );
  await updateTeamBilling(tx, ctx, { stripeCustomerId: customer.id });
  return customer.id;
}

/**
 * A Checkout session for `plan`. The quantity is the team's editor seats in use, counted
 * here on the server (members who can write plus pending invitations that would); the
 * team id travels as `client_reference_id` and in the subscription's metadata.
 */
export async function startCheckout(tx: Tx, { ctx, user }: BillingActor, plan: PaidPlanId): Promise<{ url: string; sessionId: string; seats: number }> {
  const stripe = requireStripe();
  const price = stripePriceFor(plan);
  if (!price) {
    throw new AppError("bad_request", `The ${PLANS[plan].name} plan is not available on this server (STRIPE_PRICE_${plan.toUpperCase()} is not set).`);
  }
  const team = await getTeamBillingForUpdate(tx, ctx);
  if (team.plan !== "free" && (PAID_STATUSES as readonly string[]).includes(team.subscriptionStatus)) {
    throw new AppError("conflict", "This team already has a subscription. Change its seats here, or switch plans in the Stripe customer portal.");
  }
  const seats = Math.max(await editorSeatsUsed(tx, ctx), 1);
  const customer = await ensureCustomer(stripe, tx, ctx, team, user);
  const metadata = { team_id: team.id, plan };
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: team.id,
    line_items: [{ price, quantity: seats }],
    subscription_data: { metadata },
    metadata,
    success_url: billingPageUrl(ctx.teamSlug, "?checkout=success"),
    cancel_url: billingPageUrl(ctx.teamSlug, "?checkout=canceled"),
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { url: session.url, sessionId: session.id, seats };
}

/** A Customer Portal session for the team's Stripe customer. */
export async function openCustomerPortal(tx: Tx, { ctx }: BillingActor): Promise<{ url: string }> {
  const stripe = requireStripe();
  const team = await getTeamBillingForUpdate(tx, ctx);
  if (!team.stripeCustomerId) {
    throw new AppError("bad_request", "This team has no billing account yet. Upgrade to a paid plan first.");
  }
  const session = await stripe.billingPortal.sessions.create({ customer: team.stripeCustomerId, return_url: billingPageUrl(ctx.teamSlug) });
  return { url: session.url };
}
