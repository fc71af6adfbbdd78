// The Stripe client and what of Stripe this server is configured for. Without keys the
// whole app runs on the Free plan: every caller asks `stripeClient()` and copes with null.
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { PAID_PLANS, stripePriceFor, type PaidPlanId } from "./plans";

/** The API version this code is written against (the SDK's own, pinned so an upgrade is deliberate). */
export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

/** The events the webhook handles; Stripe should be set to send these (the billing page lists them). */
export const HANDLED_STRIPE_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;
export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];

export interface BillingConfig {
  /** Secret key and webhook secret are both set. */
  enabled: boolean;
  /** Paid plans that have a Stripe Price id, i.e. can be bought. */
  purchasablePlans: PaidPlanId[];
  /** Environment variables still to set for billing to work fully, for the billing page. */
  missing: string[];
}

export function billingConfig(): BillingConfig {
  const e = env();
  const missing: string[] = [];
  if (!e.STRIPE_SECRET_KEY) missing.push("STRIPE_SECRET_KEY");
  if (!e.STRIPE_WEBHOOK_SECRET) missing.push("STRIPE_WEBHOOK_SECRET");
  const purchasablePlans = PAID_PLANS.filter((plan) => Boolean(stripePriceFor(plan)));
  if (purchasablePlans.length === 0) missing.push("STRIPE_PRICE_TEAM", "STRIPE_PRICE_BUSINESS");
  return { enabled: Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET), purchasablePlans, missing };
}

export function isBillingEnabled(): boolean {
  return billingConfig().enabled;
}

// One client per configuration. The environment is read on every call, so a test that
// points STRIPE_API_BASE at its own fake server gets a client for that server.
const clients = new Map<string, Stripe>();

/** The Stripe client, or null when this server has no Stripe keys. */
export function stripeClient(): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: base } = env();
  if (!key || !webhookSecret) return null;
  const cacheKey = `${key}\n${base ?? ""}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const config: Stripe.StripeConfig = {
      apiVersion: STRIPE_API_VERSION,
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
      appInfo: { name: "Cairn" },
    };
    if (base) {
      // A local stand-in (tests, e2e): plain HTTP, and no retries so a failure shows at once.
      const url = new URL(base);
      config.host = url.hostname;
      config.port = url.port || (url.protocol === "https:" ? "443" : "80");
      config.protocol = url.protocol === "https:" ? "https" : "http";
      config.maxNetworkRetries = 0;
    }
    client = new Stripe(key, config);
    clients.set(cacheKey, client);
  }
  return client;
}

/** Like `stripeClient()`, for code paths that cannot run without Stripe. */
export function requireStripe(): Stripe {
  const client = stripeClient();
  if (!client) {
    throw new AppError("bad_request", "Billing is not configured on this server: every team uses the Free plan. An administrator can set the Stripe keys to enable paid plans.");
  }
  return client;
}

/** The id behind a field Stripe returns either as an id or as an expanded object. */
export function stripeId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
