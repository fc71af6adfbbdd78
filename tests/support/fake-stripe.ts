// A small stand-in for the Stripe API, on a free local port: just the endpoints Cairn calls,
// answering Stripe-shaped JSON to the real `stripe` SDK (pointed here with STRIPE_API_BASE).
// It records every request, lets a test drive subscription state, and builds and signs the
// webhook events Stripe would send. A hosted "checkout" and "portal" page stand in for
// Stripe's, so an e2e test can walk a browser through them.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { clock } from "@/lib/clock";

export const FAKE_STRIPE_API_VERSION = "2026-10-28.endive";

export interface FakePrice {
  /** In cents. */
  unitAmount: number;
  currency?: string;
}

export interface FakeStripeOptions {
  secretKey?: string;
  webhookSecret?: string;
  /** Price id → amount per seat. Unknown prices are refused like Stripe does. */
  prices?: Record<string, FakePrice>;
  /** Where the hosted checkout page delivers the events of a completed checkout (e2e). */
  webhookUrl?: string;
  port?: number;
  host?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  stripeVersion: string | undefined;
  idempotencyKey: string | undefined;
}

type Json = Record<string, unknown>;

export interface FakeSubscription extends Json {
  id: string;
  object: "subscription";
  customer: string;
  status: string;
  metadata: Record<string, string>;
  items: { object: "list"; data: FakeSubscriptionItem[]; has_more: false; url: string };
}

export interface FakeSubscriptionItem extends Json {
  id: string;
  price: { id: string; object: "price"; unit_amount: number; currency: string; recurring: { interval: "month"; interval_count: 1 } };
  quantity: number;
  current_period_start: number;
  current_period_end: number;
}

export interface FakeCheckoutSession extends Json {
  id: string;
  object: "checkout.session";
  mode: string;
  customer: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  subscription: string | null;
  success_url: string;
  cancel_url: string;
  url: string | null;
}

export interface StripeEventJson extends Json {
  id: string;
  object: "event";
  type: string;
  created: number;
  data: { object: Json; previous_attributes?: Json };
}

const DAY = 24 * 3600;
const nowSeconds = () => Math.floor(clock.nowMs() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString("hex")}`;
const clone = <T>(value: T): T => structuredClone(value);

/** Stripe's form encoding (`a[b][0][c]=v`) → nested objects and arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = result;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const slot = part === "" && Array.isArray(node) ? node.length : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot as string] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1]!);
      container[slot as string] ??= nextIsIndex ? [] : {};
      node = container[slot as string] as Record<string, unknown> | unknown[];
    });
  }
  return result;
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string },
  ) {
    super(body.message);
  }
}

const missing = (kind: string, id: string) =>
  new StripeHttpError(404, { type: "invalid_request_error", code: "resource_missing", param: "id", message: `No such ${kind}: '${id}'` });

export class FakeStripe {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly prices: Record<string, FakePrice>;
  webhookUrl: string | undefined;
  url = "";

  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly checkoutSessions = new Map<string, FakeCheckoutSession>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly portalSessions = new Map<string, Json>();
  /** Webhook deliveries made by the hosted checkout page, with the app's answers. */
  readonly deliveries: Array<{ type: string; id: string; status: number }> = [];

  /** What a checkout session will subscribe to; Stripe keeps it beside the session, not in it. */
  private readonly checkoutDetails = new Map<string, { lineItems: Array<{ price: string; quantity: number }>; subscriptionMetadata: Record<string, string> }>();
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private readonly failures: Array<{ method: string; path: string; status: number }> = [];
  private server: http.Server | undefined;

  constructor(options: FakeStripeOptions = {}) {
    this.secretKey = options.secretKey ?? "sk_test_fake_cairn";
    this.webhookSecret = options.webhookSecret ?? "whsec_fake_cairn";
    this.prices = options.prices ?? { price_team: { unitAmount: 1200 }, price_business: { unitAmount: 2400 } };
    this.webhookUrl = options.webhookUrl;
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The environment that points Cairn at this fake. */
  env(prices: { team?: string; business?: string } = { team: "price_team", business: "price_business" }): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: this.secretKey,
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_BASE: this.url,
      ...(prices.team ? { STRIPE_PRICE_TEAM: prices.team } : {}),
      ...(prices.business ? { STRIPE_PRICE_BUSINESS: prices.business } : {}),
    };
  }

  /** Forget all state and recorded requests. */
  reset(): void {
    this.requests.length = 0;
    this.deliveries.length = 0;
    this.failures.length = 0;
    for (const map of [this.customers, this.checkoutSessions, this.subscriptions, this.portalSessions, this.checkoutDetails, this.idempotent]) map.clear();
  }

  /** The next request matching `method` and starting with `path` fails with `status` (Stripe unreachable, 5xx…). */
  failNext(method: string, path: string, status = 500): void {
    this.failures.push({ method: method.toUpperCase(), path, status });
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  // ---- Driving state as Stripe would ----

  /** Completes a checkout session: creates its customer's subscription, marks the session paid. */
  completeCheckout(sessionId: string, options: { status?: string } = {}): { session: FakeCheckoutSession; subscription: FakeSubscription } {
    const session = this.checkoutSessions.get(sessionId);
    if (!session) throw new Error(`no checkout session ${sessionId}`);
    if (session.subscription) return { session: clone(session), subscription: clone(this.subscriptions.get(session.subscription)!) };
    const customer = session.customer ?? String(this.createCustomer({}).id);
    const details = this.checkoutDetails.get(sessionId)!;
    const subscription = this.createSubscription({
      customer,
      items: details.lineItems,
      metadata: details.subscriptionMetadata,
      status: options.status ?? "active",
    });
    Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id, customer });
    return { session: clone(session), subscription: clone(subscription) };
  }

  /** Changes a subscription as if it happened in Stripe (payment failed, seats changed in the portal…). */
  updateSubscription(id: string, patch: { status?: string; quantity?: number; price?: string; currentPeriodEnd?: number }): FakeSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    const item = subscription.items.data[0]!;
    if (patch.status) subscription.status = patch.status;
    if (patch.quantity !== undefined) item.quantity = patch.quantity;
    if (patch.price) item.price = this.priceObject(patch.price);
    if (patch.currentPeriodEnd) item.current_period_end = patch.currentPeriodEnd;
    if (patch.status === "canceled") Object.assign(subscription, { canceled_at: nowSeconds(), ended_at: nowSeconds() });
    return clone(subscription);
  }

  /** An invoice of `subscriptionId`, shaped as invoice.paid / invoice.payment_failed carry it. */
  invoiceFor(subscriptionId: string, paid: boolean): Json {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`no subscription ${subscriptionId}`);
    const item = subscription.items.data[0]!;
    const amount = item.price.unit_amount * item.quantity;
    return {
      id: newId("in"),
      object: "invoice",
      customer: subscription.customer,
      currency: item.price.currency,
      amount_due: amount,
      amount_paid: paid ? amount : 0,
      amount_remaining: paid ? 0 : amount,
      attempt_count: 1,
      status: paid ? "paid" : "open",
      billing_reason: "subscription_cycle",
      period_start: item.current_period_start,
      period_end: item.current_period_end,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
      livemode: false,
      created: nowSeconds(),
    };
  }

  /** A Stripe event wrapping (a copy of) `object`. */
  event(type: string, object: Json, previousAttributes?: Json): StripeEventJson {
    return {
      id: newId("evt"),
      object: "event",
      api_version: FAKE_STRIPE_API_VERSION,
      created: nowSeconds(),
      data: { object: clone(object), ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
  }

  /** The raw body and `Stripe-Signature` header Stripe would send for `event`. */
  signed(event: StripeEventJson, secret = this.webhookSecret): { payload: string; signature: string } {
    const payload = JSON.stringify(event, null, 2);
    return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  /** The webhook request Stripe would make, ready for a route handler or `fetch`. */
  webhookRequest(event: StripeEventJson, url = this.webhookUrl ?? "http://localhost/api/stripe/webhook", secret = this.webhookSecret): Request {
    const { payload, signature } = this.signed(event, secret);
    return new Request(url, { method: "POST", body: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });
  }

  /** Sends `event` to the configured webhook URL and returns the app's status code. */
  async deliver(event: StripeEventJson): Promise<number> {
    if (!this.webhookUrl) throw new Error("FakeStripe: no webhookUrl to deliver to");
    const response = await fetch(this.webhookRequest(event, this.webhookUrl));
    await response.text();
    this.deliveries.push({ type: event.type, id: event.id, status: response.status });
    return response.status;
  }

  /** The events Stripe sends when a checkout completes, in an order Stripe does not promise. */
  checkoutEvents(sessionId: string): StripeEventJson[] {
    const session = this.checkoutSessions.get(sessionId)!;
    const subscription = this.subscriptions.get(session.subscription!)!;
    return [
      this.event("customer.subscription.created", subscription),
      this.event("checkout.session.completed", session),
      this.event("invoice.paid", this.invoiceFor(subscription.id, true)),
    ];
  }

  // ---- Resources ----

  private priceObject(priceId: string): FakeSubscriptionItem["price"] {
    const price = this.prices[priceId];
    if (!price) throw new StripeHttpError(400, { type: "invalid_request_error", code: "resource_missing", param: "price", message: `No such price: '${priceId}'` });
    return { id: priceId, object: "price", unit_amount: price.unitAmount, currency: price.currency ?? "usd", recurring: { interval: "month", interval_count: 1 } };
  }

  private createCustomer(body: Json): Json {
    const customer = { id: newId("cus"), object: "customer", name: body.name ?? null, email: body.email ?? null, metadata: body.metadata ?? {}, created: nowSeconds(), livemode: false };
    this.customers.set(customer.id, customer);
    return customer;
  }

  private createSubscription(input: { customer: string; items: Array<{ price: string; quantity: number }>; metadata: Record<string, string>; status: string }): FakeSubscription {
    const id = newId("sub");
    const start = nowSeconds();
    const subscription: FakeSubscription = {
      id,
      object: "subscription",
      customer: input.customer,
      status: input.status,
      metadata: input.metadata,
      created: start,
      start_date: start,
      billing_cycle_anchor: start,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      collection_method: "charge_automatically",
      currency: "usd",
      latest_invoice: null,
      livemode: false,
      items: {
        object: "list",
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
        data: input.items.map((item) => ({
          id: newId("si"),
          object: "subscription_item",
          subscription: id,
          price: this.priceObject(item.price),
          quantity: item.quantity,
          current_period_start: start,
          current_period_end: start + 30 * DAY,
          metadata: {},
        })),
      },
    };
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  private createCheckoutSession(body: Json): FakeCheckoutSession {
    if (body.mode !== "subscription") throw new StripeHttpError(400, { type: "invalid_request_error", param: "mode", message: "This fake supports mode=subscription only." });
    const lineItems = ((body.line_items as Json[] | undefined) ?? []).map((item) => ({ price: String(item.price), quantity: Number(item.quantity ?? 1) }));
    if (lineItems.length === 0) throw new StripeHttpError(400, { type: "invalid_request_error", param: "line_items", message: "line_items is required" });
    for (const item of lineItems) this.priceObject(item.price);
    if (body.customer && !this.customers.has(String(body.customer))) throw missing("customer", String(body.customer));
    const id = newId("cs_test");
    const session: FakeCheckoutSession = {
      id,
      object: "checkout.session",
      mode: "subscription",
      customer: (body.customer as string | undefined) ?? null,
      client_reference_id: (body.client_reference_id as string | undefined) ?? null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      status: "open",
      payment_status: "unpaid",
      subscription: null,
      success_url: String(body.success_url).replace("{CHECKOUT_SESSION_ID}", id),
      cancel_url: String(body.cancel_url),
      url: `${this.url}/checkout/${id}`,
      created: nowSeconds(),
      livemode: false,
    };
    const subscriptionMetadata = ((body.subscription_data as Json | undefined)?.metadata as Record<string, string> | undefined) ?? {};
    this.checkoutDetails.set(id, { lineItems, subscriptionMetadata });
    this.checkoutSessions.set(id, session);
    return session;
  }

  private updateSubscriptionFromApi(id: string, body: Json): FakeSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing("subscription", id);
    for (const change of (body.items as Json[] | undefined) ?? []) {
      const item = subscription.items.data.find((i) => i.id === change.id);
      if (!item) throw new StripeHttpError(400, { type: "invalid_request_error", param: "items", message: `No such subscription item: '${String(change.id)}'` });
      if (change.quantity !== undefined) item.quantity = Number(change.quantity);
      if (change.price) item.price = this.priceObject(String(change.price));
    }
    if (body.metadata) subscription.metadata = { ...subscription.metadata, ...(body.metadata as Record<string, string>) };
    if (body.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = body.cancel_at_period_end === "true";
    return subscription;
  }

  private previewInvoice(body: Json): Json {
    const id = String(body.subscription ?? "");
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing("subscription", id);
    const item = subscription.items.data[0]!;
    const amount = item.price.unit_amount * item.quantity;
    return {
      id: null,
      object: "invoice",
      customer: subscription.customer,
      currency: item.price.currency,
      amount_due: amount,
      subtotal: amount,
      total: amount,
      status: "draft",
      next_payment_attempt: item.current_period_end,
      period_start: item.current_period_end,
      period_end: item.current_period_end + 30 * DAY,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: id, metadata: subscription.metadata } },
      livemode: false,
    };
  }

  private route(method: string, path: string, body: Json): unknown {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/customers") return this.createCustomer(body);
    if (method === "GET" && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) return this.customers.get(m[1]!) ?? raise(missing("customer", m[1]!));
    if (method === "POST" && path === "/v1/checkout/sessions") return this.createCheckoutSession(body);
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) return this.checkoutSessions.get(m[1]!) ?? raise(missing("checkout.session", m[1]!));
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      const customer = String(body.customer ?? "");
      if (!this.customers.has(customer)) throw missing("customer", customer);
      const id = newId("bps");
      const session = { id, object: "billing_portal.session", customer, return_url: body.return_url ?? null, url: `${this.url}/portal/${id}`, created: nowSeconds(), livemode: false };
      this.portalSessions.set(id, session);
      return session;
    }
    if (method === "GET" && (m = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) return this.subscriptions.get(m[1]!) ?? raise(missing("subscription", m[1]!));
    if (method === "POST" && (m = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) return this.updateSubscriptionFromApi(m[1]!, body);
    if (method === "DELETE" && (m = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) {
      if (!this.subscriptions.has(m[1]!)) throw missing("subscription", m[1]!);
      return this.updateSubscription(m[1]!, { status: "canceled" });
    }
    if (method === "POST" && path === "/v1/invoices/create_preview") return this.previewInvoice(body);
    throw new StripeHttpError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}). The fake Stripe does not implement it.` });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const method = (req.method ?? "GET").toUpperCase();
    const raw = await new Promise<string>((resolve, reject) => {
      let data = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (data += chunk));
      req.on("end", () => resolve(data));
      req.on("error", reject);
    });

    if (!url.pathname.startsWith("/v1/")) return this.handlePage(method, url, raw, res);

    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), "stripe-version": FAKE_STRIPE_API_VERSION });
      res.end(JSON.stringify(body));
    };
    const body = parseStripeForm(raw);
    const header = (name: string) => (Array.isArray(req.headers[name]) ? req.headers[name]![0] : (req.headers[name] as string | undefined));
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      body,
      query: parseStripeForm(url.search.slice(1)),
      stripeVersion: header("stripe-version"),
      idempotencyKey: header("idempotency-key"),
    };
    this.requests.push(record);

    if (header("authorization") !== `Bearer ${this.secretKey}`) {
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
    }
    const failure = this.failures.findIndex((f) => f.method === method && url.pathname.startsWith(f.path));
    if (failure >= 0) {
      const { status } = this.failures.splice(failure, 1)[0]!;
      return send(status, { error: { type: "api_error", message: "The fake Stripe was told to fail this request." } });
    }
    const key = method === "POST" && record.idempotencyKey ? `${url.pathname}\n${record.idempotencyKey}` : undefined;
    if (key && this.idempotent.has(key)) {
      const replay = this.idempotent.get(key)!;
      return send(replay.status, replay.body);
    }
    try {
      const result = clone(this.route(method, url.pathname, body));
      if (key) this.idempotent.set(key, { status: 200, body: result });
      send(200, result);
    } catch (error) {
      if (error instanceof StripeHttpError) return send(error.status, { error: error.body });
      throw error;
    }
  }

  /** Stand-ins for Stripe's hosted pages, and a view and control of the state for e2e tests in another process. */
  private async handlePage(method: string, url: URL, body: string, res: http.ServerResponse): Promise<void> {
    const html = (status: number, title: string, inner: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${inner}</main></body></html>`);
    };
    let m: RegExpMatchArray | null;
    if (method === "GET" && url.pathname === "/_fake/state") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          requests: this.requests,
          checkoutSessions: [...this.checkoutSessions.values()].map((s) => ({ ...s, line_items: this.checkoutDetails.get(s.id)?.lineItems })),
          subscriptions: [...this.subscriptions.values()],
          deliveries: this.deliveries,
        }),
      );
      return;
    }
    if (method === "POST" && (m = url.pathname.match(/^\/_fake\/subscriptions\/([^/]+)$/))) {
      // e2e control: change a subscription as Stripe would (payment failed, canceled…) and send the event.
      if (!this.subscriptions.has(m[1]!)) return html(404, "Subscription not found", "");
      const patch = JSON.parse(body || "{}") as { status?: string; quantity?: number };
      const subscription = this.updateSubscription(m[1]!, patch);
      const type = patch.status === "canceled" ? "customer.subscription.deleted" : "customer.subscription.updated";
      const status = this.webhookUrl ? await this.deliver(this.event(type, subscription)) : null;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ subscription, delivered: status }));
      return;
    }
    if (method === "GET" && (m = url.pathname.match(/^\/checkout\/([^/]+)$/))) {
      const session = this.checkoutSessions.get(m[1]!);
      if (!session) return html(404, "Checkout session not found", "");
      const lines = (this.checkoutDetails.get(session.id)?.lineItems ?? []).map((l) => `<li>${escapeHtml(l.price)} × ${l.quantity} seats</li>`).join("");
      return html(
        200,
        "Fake Stripe Checkout",
        `<ul>${lines}</ul><form method="post" action="/checkout/${session.id}/pay"><button type="submit">Pay and subscribe</button></form>` +
          `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>`,
      );
    }
    if (method === "POST" && (m = url.pathname.match(/^\/checkout\/([^/]+)\/pay$/))) {
      const session = this.checkoutSessions.get(m[1]!);
      if (!session) return html(404, "Checkout session not found", "");
      const alreadyPaid = Boolean(session.subscription);
      this.completeCheckout(session.id);
      // Like Stripe, the events go out before the customer is sent back.
      if (this.webhookUrl && !alreadyPaid) for (const event of this.checkoutEvents(session.id)) await this.deliver(event);
      res.writeHead(303, { location: session.success_url });
      res.end();
      return;
    }
    if (method === "GET" && (m = url.pathname.match(/^\/portal\/([^/]+)$/))) {
      const session = this.portalSessions.get(m[1]!);
      if (!session) return html(404, "Portal session not found", "");
      return html(200, "Fake Stripe customer portal", `<p><a href="${escapeHtml(String(session.return_url))}">Return to Cairn</a></p>`);
    }
    return html(404, "Not found", "");
  }
}

function raise(error: Error): never {
  throw error;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Starts a fake Stripe on a free port. */
export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  return new FakeStripe(options).listen(options.port ?? 0, options.host ?? "127.0.0.1");
}
