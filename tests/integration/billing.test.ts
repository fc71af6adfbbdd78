// Billing against a real database and the real `stripe` SDK talking to a local fake Stripe:
// Checkout (quantity and team id from the server), signed webhooks (idempotent, order-proof,
// 400 on a bad signature), seat limits on invite and role change, seat changes with
// proration, the grace period and read-only state, and cancellation back to Free.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

// Stripe's environment must be in place before anything reads env() (it is parsed once).
const fake = await vi.hoisted(async () => {
  const { startFakeStripe } = await import("../support/fake-stripe");
  const started = await startFakeStripe();
  Object.assign(process.env, started.env(), { BILLING_GRACE_DAYS: "7" });
  return started;
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import "@/app/t/[team]/settings/billing/actions";
import "@/app/t/[team]/settings/members/actions";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { BillingBanner } from "@/components/billing/billing-banner";
import { listActivity } from "@/db/queries/activity";
import { isStripeEventProcessed, updateTeamBilling } from "@/db/queries/billing";
import { createInvitation } from "@/db/queries/invitations";
import { insertMembership, listMembers } from "@/db/queries/memberships";
import { findTeamById, type Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import type { Team, User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import type { ActionResult } from "@/lib/actions/result";
import { assertTeamWritable, billingAccess } from "@/lib/billing/access";
import { getBillingOverview } from "@/lib/billing/overview";
import { editorSeatLimit, scorecardLimit } from "@/lib/billing/plans";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import type { StripeEventJson } from "../support/fake-stripe";
import { run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const DAY_MS = 24 * 3600 * 1000;

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });
}

async function addMember(team: Team, role: Role, label: string = role) {
  const user = await person(label);
  const row = await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, user.id, role));
  return { user, membershipId: row!.id };
}

/** A pending invitation, written directly (the invite action itself is exercised in billing-seats.test.ts). */
async function pendingInvitation(team: Team, invitedBy: User, role: Role) {
  await inTeam(team.id, (tx) =>
    createInvitation(tx, { teamId: team.id }, {
      email: `${unique("invited")}@example.test`, role, tokenHash: unique("hash"), invitedBy: invitedBy.id, expiresAt: new Date(clock.nowMs() + 7 * DAY_MS),
    }),
  );
}

/** Owner + admin + `editors` editors + `viewers` viewers: 2 + editors editor seats. */
async function teamWith({ editors = 0, viewers = 0 }: { editors?: number; viewers?: number } = {}) {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Billing"));
  const admin = (await addMember(team, "admin")).user;
  const editorUsers: User[] = [];
  for (let i = 0; i < editors; i++) editorUsers.push((await addMember(team, "editor")).user);
  const viewerRows = [];
  for (let i = 0; i < viewers; i++) viewerRows.push(await addMember(team, "viewer"));
  return { team, owner, admin, editors: editorUsers, viewers: viewerRows };
}

function expectOk(result: ActionResult) {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as Extract<ActionResult, { ok: true }>).data as Record<string, unknown>;
}

function expectRefused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.status, JSON.stringify(result)).toBe(status);
  return result as Extract<ActionResult, { ok: false }>;
}

async function reload(team: Team): Promise<Team> {
  return (await findTeamById(team.id))!;
}

async function deliver(event: StripeEventJson, secret?: string) {
  const response = await webhook(fake.webhookRequest(event, "http://localhost:3000/api/stripe/webhook", secret));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function teamActivity(team: Team) {
  return inTeam(team.id, (tx) => listActivity(tx, { teamId: team.id }, { entityType: "team", limit: 200 }));
}

/** Starts Checkout as `actor` and returns the fake's session for it. */
async function checkout(team: Team, actor: User, plan = "team") {
  const data = expectOk(await run("billing.checkout", actor, { team: team.slug, plan }));
  const session = fake.checkoutSessions.get(String(data.sessionId));
  expect(session).toBeDefined();
  return { data, session: session! };
}

/** The whole happy path: Checkout, Stripe completes it, the webhook lands. */
async function subscribe(team: Team, actor: User, plan = "team") {
  const { session } = await checkout(team, actor, plan);
  const { subscription } = fake.completeCheckout(session.id);
  const delivered = await deliver(fake.event("checkout.session.completed", fake.checkoutSessions.get(session.id)!));
  expect(delivered.status).toBe(200);
  return { sessionId: session.id, subscriptionId: subscription.id };
}

beforeAll(() => {
  // Proves the environment above was the one parsed.
  expect(env().STRIPE_API_BASE).toBe(fake.url);
  for (const name of ["billing.checkout", "billing.portal", "billing.update_seats", "members.update_role"]) {
    expect(actionRegistry.has(name), name).toBe(true);
  }
});

afterAll(async () => {
  await fake.close();
});

describe("Checkout", () => {
  it("creates a subscription session with quantity = editor seats counted on the server and client_reference_id = team id", async () => {
    const { team, admin } = await teamWith({ editors: 1, viewers: 2 });
    // A pending editor invitation holds a seat too: owner + admin + editor + invitation = 4.
    await pendingInvitation(team, admin, "editor");

    const before = fake.requests.length;
    const { data, session } = await checkout(team, admin);
    expect(data.seats).toBe(4);
    expect(String(data.url)).toBe(`${fake.url}/checkout/${session.id}`);

    const calls = fake.requests.slice(before);
    const customerCall = calls.find((r) => r.method === "POST" && r.path === "/v1/customers")!;
    expect(customerCall.body).toMatchObject({ name: team.name, metadata: { team_id: team.id } });
    expect(customerCall.idempotencyKey).toBeTruthy();
    const sessionCall = calls.find((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")!;
    expect(sessionCall.stripeVersion).toBe("2026-10-28.endive");
    expect(sessionCall.body).toMatchObject({
      mode: "subscription",
      client_reference_id: team.id,
      customer: expect.stringMatching(/^cus_/),
      line_items: [{ price: "price_team", quantity: "4" }],
      subscription_data: { metadata: { team_id: team.id, plan: "team" } },
      success_url: `${env().APP_URL}/t/${team.slug}/settings/billing?checkout=success`,
      cancel_url: `${env().APP_URL}/t/${team.slug}/settings/billing?checkout=canceled`,
    });

    // The customer is stored on the team and reused by the next attempt.
    const stored = await reload(team);
    expect(stored.stripeCustomerId).toBe(sessionCall.body.customer);
    expect(stored.plan).toBe("free");
    await checkout(team, admin, "business");
    expect(fake.requests.slice(before).filter((r) => r.path === "/v1/customers")).toHaveLength(1);
    expect(fake.requests.at(-1)!.body).toMatchObject({ customer: stored.stripeCustomerId, line_items: [{ price: "price_business", quantity: "4" }] });
  });

  it("ignores a quantity smuggled into the input", async () => {
    const { team, admin } = await teamWith();
    const data = expectOk(await run("billing.checkout", admin, { team: team.slug, plan: "team", quantity: "50", seats: "50" }));
    expect(data.seats).toBe(2);
    expect(fake.requests.at(-1)!.body).toMatchObject({ line_items: [{ quantity: "2" }] });
  });

  it("is for owners and admins only; other teams cannot see it", async () => {
    const { team, owner, editors, viewers } = await teamWith({ editors: 1, viewers: 1 });
    const outsider = await person("outsider");
    const before = fake.requests.length;
    expectRefused(await run("billing.checkout", editors[0]!, { team: team.slug, plan: "team" }), 403);
    expectRefused(await run("billing.checkout", viewers[0]!.user, { team: team.slug, plan: "team" }), 403);
    expectRefused(await run("billing.portal", editors[0]!, { team: team.slug }), 403);
    expectRefused(await run("billing.update_seats", editors[0]!, { team: team.slug, seats: 9 }), 403);
    expectRefused(await run("billing.checkout", outsider, { team: team.slug, plan: "team" }), 404);
    expectRefused(await run("billing.checkout", null, { team: team.slug, plan: "team" }), 401);
    expectRefused(await run("billing.checkout", owner, { team: team.slug, plan: "enterprise" }), 422);
    expect(fake.requests.length).toBe(before);
    expectOk(await run("billing.checkout", owner, { team: team.slug, plan: "team" }));
  });

  it("refuses a second subscription and opens the customer portal instead", async () => {
    const { team, admin } = await teamWith();
    await subscribe(team, admin);
    const refused = expectRefused(await run("billing.checkout", admin, { team: team.slug, plan: "business" }), 409);
    expect(refused.message).toMatch(/already has a subscription/);

    const portal = expectOk(await run("billing.portal", admin, { team: team.slug }));
    expect(String(portal.url)).toMatch(new RegExp(`^${fake.url}/portal/bps_`));
    expect(fake.requests.at(-1)).toMatchObject({
      path: "/v1/billing_portal/sessions",
      body: { customer: (await reload(team)).stripeCustomerId, return_url: `${env().APP_URL}/t/${team.slug}/settings/billing` },
    });
  });
});

describe("webhook", () => {
  it("applies checkout.session.completed from the subscription's current state", async () => {
    const { team, admin } = await teamWith({ editors: 2 });
    const { session } = await checkout(team, admin);
    const { subscription } = fake.completeCheckout(session.id);

    const response = await deliver(fake.event("checkout.session.completed", fake.checkoutSessions.get(session.id)!));
    expect(response).toMatchObject({ status: 200, body: { received: true, result: "applied", teamId: team.id } });

    const paid = await reload(team);
    expect(paid).toMatchObject({ plan: "team", subscriptionStatus: "active", paidSeats: 4, stripeSubscriptionId: subscription.id, pastDueSince: null });
    expect(paid.currentPeriodEnd?.getTime()).toBe(subscription.items.data[0]!.current_period_end * 1000);
    expect(editorSeatLimit(paid)).toBe(4);
    expect(scorecardLimit(paid)).toBeNull();
    const log = await teamActivity(team);
    expect(log.map((a) => a.field).sort()).toEqual(["paidSeats", "plan", "subscriptionStatus"]);
    expect(log.every((a) => a.reason === "Stripe: checkout.session.completed" && a.actorId === null)).toBe(true);
  });

  it("changes nothing when the same event is delivered twice", async () => {
    const { team, admin } = await teamWith();
    const { session } = await checkout(team, admin);
    const { subscription } = fake.completeCheckout(session.id);
    const event = fake.event("customer.subscription.created", subscription);

    expect((await deliver(event)).body).toMatchObject({ result: "applied" });
    const afterFirst = await reload(team);
    const activityAfterFirst = (await teamActivity(team)).length;
    const retrievals = fake.requestsTo("GET", `/v1/subscriptions/${subscription.id}`).length;

    // Meanwhile the subscription changes in Stripe; a redelivery of the old event must still change nothing.
    fake.updateSubscription(subscription.id, { quantity: 9 });
    const second = await deliver(event);
    expect(second).toMatchObject({ status: 200, body: { received: true, result: "duplicate" } });
    expect(await reload(team)).toEqual(afterFirst);
    expect((await teamActivity(team)).length).toBe(activityAfterFirst);
    expect(fake.requestsTo("GET", `/v1/subscriptions/${subscription.id}`).length).toBe(retrievals);
    expect(await isStripeEventProcessed(event.id)).toBe(true);
  });

  it("ends in the right state when subscription.updated arrives before checkout.session.completed", async () => {
    const { team, admin } = await teamWith();
    const { session } = await checkout(team, admin);
    const { subscription: created } = fake.completeCheckout(session.id, { status: "incomplete" });
    const createdEvent = fake.event("customer.subscription.created", created); // payload: incomplete, 2 seats
    const completedEvent = fake.event("checkout.session.completed", fake.checkoutSessions.get(session.id)!);
    // Then the first payment goes through and an admin adds seats in the portal.
    const updated = fake.updateSubscription(created.id, { status: "active", quantity: 6 });
    const updatedEvent = fake.event("customer.subscription.updated", updated, { quantity: 2 });

    // Delivered newest first.
    expect((await deliver(updatedEvent)).body).toMatchObject({ result: "applied", teamId: team.id });
    expect(await reload(team)).toMatchObject({ plan: "team", subscriptionStatus: "active", paidSeats: 6 });
    expect((await deliver(completedEvent)).body).toMatchObject({ result: "applied" });
    // The oldest event says "incomplete, 2 seats"; Stripe's current state says otherwise.
    expect((await deliver(createdEvent)).body).toMatchObject({ result: "applied" });
    expect(await reload(team)).toMatchObject({ plan: "team", subscriptionStatus: "active", paidSeats: 6, stripeSubscriptionId: created.id });
  });

  it("answers 400 to a missing or bad signature and changes nothing", async () => {
    const { team, admin } = await teamWith();
    const { session } = await checkout(team, admin);
    fake.completeCheckout(session.id);
    const event = fake.event("checkout.session.completed", fake.checkoutSessions.get(session.id)!);
    const before = await reload(team);
    const stripeCalls = fake.requests.length;

    expect((await deliver(event, "whsec_someone_else")).status).toBe(400);
    const { payload, signature } = fake.signed(event);
    const noHeader = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload }));
    expect(noHeader.status).toBe(400);
    const tampered = payload.replace(team.id, "00000000-0000-4000-8000-000000000000");
    const forged = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: tampered, headers: { "stripe-signature": signature } }));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: "Invalid Stripe signature." });
    const garbage = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": "t=1,v1=deadbeef" } }));
    expect(garbage.status).toBe(400);

    expect(await reload(team)).toEqual(before);
    expect(await isStripeEventProcessed(event.id)).toBe(false);
    expect(fake.requests.length).toBe(stripeCalls);
    // Nothing was recorded, so the genuine delivery still applies.
    expect((await deliver(event)).body).toMatchObject({ result: "applied" });
    expect((await reload(team)).plan).toBe("team");
  });

  it("answers 500 and records nothing when Stripe cannot be reached, so the retry applies", async () => {
    const { team, admin } = await teamWith();
    const { session } = await checkout(team, admin);
    fake.completeCheckout(session.id);
    const event = fake.event("checkout.session.completed", fake.checkoutSessions.get(session.id)!);
    fake.failNext("GET", "/v1/subscriptions/");
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await deliver(event)).status).toBe(500);
    errorLog.mockRestore();
    expect(await isStripeEventProcessed(event.id)).toBe(false);
    expect((await reload(team)).plan).toBe("free");
    expect((await deliver(event)).body).toMatchObject({ result: "applied" });
    expect((await reload(team)).plan).toBe("team");
  });

  it("acknowledges events it does not handle or cannot match, without touching any team", async () => {
    const ignored = await deliver(fake.event("customer.created", { id: "cus_x", object: "customer" }));
    expect(ignored).toMatchObject({ status: 200, body: { result: "ignored" } });

    // A subscription of a customer Cairn never created (another product on the same Stripe account).
    const { subscription } = fake.completeCheckout(await createForeignCheckout());
    const unmatched = fake.event("customer.subscription.updated", subscription);
    expect(await deliver(unmatched)).toMatchObject({ status: 200, body: { result: "unmatched" } });
    expect(await isStripeEventProcessed(unmatched.id)).toBe(true);
  });

  it("ignores a late event about an older, ended subscription", async () => {
    const { team, admin } = await teamWith();
    const first = await subscribe(team, admin);
    fake.updateSubscription(first.subscriptionId, { status: "canceled" });
    await deliver(fake.event("customer.subscription.deleted", fake.subscriptions.get(first.subscriptionId)!));
    expect((await reload(team)).plan).toBe("free");
    const second = await subscribe(team, admin, "business");
    expect(await reload(team)).toMatchObject({ plan: "business", subscriptionStatus: "active", stripeSubscriptionId: second.subscriptionId });

    const late = await deliver(fake.event("invoice.paid", fake.invoiceFor(first.subscriptionId, true)));
    expect(late.body).toMatchObject({ result: "ignored" });
    expect(await reload(team)).toMatchObject({ plan: "business", subscriptionStatus: "active", stripeSubscriptionId: second.subscriptionId });
  });
});

describe("seats", () => {
  it("refuses a promotion to editor beyond the paid seats, counting pending invitations, then allows it once seats are added", async () => {
    const { team, admin } = await teamWith({ editors: 1 }); // 3 editor seats in use
    await pendingInvitation(team, admin, "admin"); // 4
    await pendingInvitation(team, admin, "viewer"); // viewers are free
    const first = await addMember(team, "viewer", "promotable");
    const second = await addMember(team, "viewer", "promotable");
    const { subscriptionId } = await subscribe(team, admin); // pays for 4
    expect((await reload(team)).paidSeats).toBe(4);

    const promote = (membershipId: string) => run("members.update_role", admin, { team: team.slug, membershipId, role: "editor", version: 1 });
    const refused = expectRefused(await promote(first.membershipId), 402);
    expect(refused.message).toContain(`/t/${team.slug}/settings/billing`);
    expect(refused.fieldErrors?.role?.[0]).toContain("4 of 4");

    // Add a seat from the app: Stripe gets the new quantity with proration.
    const changed = expectOk(await run("billing.update_seats", admin, { team: team.slug, seats: "5" }));
    expect(changed.paidSeats).toBe(5);
    expect(String(changed.message)).toMatch(/prorated/);
    const update = fake.requestsTo("POST", `/v1/subscriptions/${subscriptionId}`).at(-1)!;
    expect(update.body).toMatchObject({ items: [{ id: expect.stringMatching(/^si_/), quantity: "5" }], proration_behavior: "create_prorations" });
    expect(await reload(team)).toMatchObject({ paidSeats: 5, subscriptionStatus: "active" });
    expect((await teamActivity(team)).find((a) => a.field === "paidSeats" && a.actorId === admin.id)).toMatchObject({ before: 4, after: 5 });

    expectOk(await promote(first.membershipId));
    expectRefused(await promote(second.membershipId), 402);
  });

  it("follows seat changes made in the Stripe portal", async () => {
    const { team, admin } = await teamWith();
    const { subscriptionId } = await subscribe(team, admin);
    const viewer = await addMember(team, "viewer");
    const promote = () => run("members.update_role", admin, { team: team.slug, membershipId: viewer.membershipId, role: "editor", version: 1 });
    expectRefused(await promote(), 402);
    fake.updateSubscription(subscriptionId, { quantity: 3 });
    await deliver(fake.event("customer.subscription.updated", fake.subscriptions.get(subscriptionId)!, { items: {} }));
    expect((await reload(team)).paidSeats).toBe(3);
    expectOk(await promote());
  });

  it("refuses to go below the seats in use and asks to remove editors first", async () => {
    const { team, admin } = await teamWith({ editors: 1 }); // 3 in use
    const { subscriptionId } = await subscribe(team, admin);
    expectOk(await run("billing.update_seats", admin, { team: team.slug, seats: 6 }));
    const updates = fake.requestsTo("POST", `/v1/subscriptions/${subscriptionId}`).length;

    const refused = expectRefused(await run("billing.update_seats", admin, { team: team.slug, seats: 2 }), 422);
    expect(refused.message).toMatch(/3 editor seats are in use/);
    expect(refused.message).toMatch(/Remove editors/);
    expect(refused.message).toContain(`/t/${team.slug}/settings/members`);
    expect(refused.fieldErrors?.seats?.[0]).toMatch(/At least 3/);
    expect(fake.requestsTo("POST", `/v1/subscriptions/${subscriptionId}`)).toHaveLength(updates);
    expect((await reload(team)).paidSeats).toBe(6);

    expectRefused(await run("billing.update_seats", admin, { team: team.slug, seats: 0 }), 422);
    expectRefused(await run("billing.update_seats", admin, { team: team.slug, seats: "two" }), 422);
    // Down to exactly the seats in use is fine.
    expect(expectOk(await run("billing.update_seats", admin, { team: team.slug, seats: 3 })).paidSeats).toBe(3);
  });

  it("cannot change seats without a subscription", async () => {
    const { team, admin } = await teamWith();
    expectRefused(await run("billing.update_seats", admin, { team: team.slug, seats: 5 }), 400);
  });
});

describe("payment state", () => {
  it("keeps a past-due team working during the grace period, then makes it read-only with 402 until paid", async () => {
    const { team, admin } = await teamWith();
    const viewers = [await addMember(team, "viewer"), await addMember(team, "viewer")];
    const promote = (i: number) => run("members.update_role", admin, { team: team.slug, membershipId: viewers[i]!.membershipId, role: "editor", version: 1 });
    const { subscriptionId } = await subscribe(team, admin);
    expectOk(await run("billing.update_seats", admin, { team: team.slug, seats: 4 }));

    fake.updateSubscription(subscriptionId, { status: "past_due" });
    const failed = await deliver(fake.event("invoice.payment_failed", fake.invoiceFor(subscriptionId, false)));
    expect(failed.body).toMatchObject({ result: "applied" });
    let current = await reload(team);
    expect(current.subscriptionStatus).toBe("past_due");
    expect(Math.abs(current.pastDueSince!.getTime() - clock.nowMs())).toBeLessThan(60_000);
    const firstSeen = current.pastDueSince!;

    // Within the grace period: writes keep working.
    expect(() => assertTeamWritable(current)).not.toThrow();
    expectOk(await promote(0));
    const banner = renderToStaticMarkup(createElement(BillingBanner, { team: current, role: "admin" }));
    expect(banner).toContain("The last payment failed");
    expect(renderToStaticMarkup(createElement(BillingBanner, { team: current, role: "editor" }))).toBe("");
    // Seats cannot be changed while the payment is failing.
    expectRefused(await run("billing.update_seats", admin, { team: team.slug, seats: 8 }), 409);

    // A later retry that fails again does not restart the clock.
    await deliver(fake.event("customer.subscription.updated", fake.subscriptions.get(subscriptionId)!));
    expect((await reload(team)).pastDueSince).toEqual(firstSeen);

    // Eight days later the grace period has ended.
    await inTeam(team.id, (tx) => updateTeamBilling(tx, { teamId: team.id }, { pastDueSince: new Date(clock.nowMs() - 8 * DAY_MS) }));
    current = await reload(team);
    expect(billingAccess(current)).toMatchObject({ pastDue: true, readOnly: true });
    let thrown: unknown;
    try {
      assertTeamWritable(current);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 402, code: "payment_required" });
    expect((thrown as AppError).message).toMatch(/read-only until payment is fixed/);
    const refused = expectRefused(await promote(1), 402);
    expect(refused.message).toMatch(/read-only until payment is fixed/);
    expect(renderToStaticMarkup(createElement(BillingBanner, { team: current, role: "viewer" }))).toContain("read-only until payment is fixed");
    // Nothing is deleted and everything stays readable.
    expect(await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id }))).toHaveLength(4);
    // The portal stays open so the payment can be fixed.
    expectOk(await run("billing.portal", admin, { team: team.slug }));

    // The payment goes through: writable again, the grace clock cleared.
    fake.updateSubscription(subscriptionId, { status: "active" });
    await deliver(fake.event("invoice.paid", fake.invoiceFor(subscriptionId, true)));
    current = await reload(team);
    expect(current).toMatchObject({ subscriptionStatus: "active", pastDueSince: null });
    expect(() => assertTeamWritable(current)).not.toThrow();
    expect(renderToStaticMarkup(createElement(BillingBanner, { team: current, role: "admin" }))).toBe("");
  });

  it("counts the grace period in days from the first failure", () => {
    const since = new Date("2026-11-01T12:00:00Z");
    const team = { plan: "team" as const, subscriptionStatus: "past_due" as const, pastDueSince: since };
    expect(billingAccess(team, new Date("2026-11-08T11:59:59Z"))).toMatchObject({ readOnly: false, graceEndsAt: new Date("2026-11-08T12:00:00Z") });
    expect(billingAccess(team, new Date("2026-11-08T12:00:00Z")).readOnly).toBe(true);
    expect(billingAccess({ ...team, subscriptionStatus: "active", pastDueSince: null }, new Date("2030-01-01")).readOnly).toBe(false);
    expect(billingAccess({ ...team, subscriptionStatus: "unpaid" }, new Date("2026-11-09")).readOnly).toBe(true);
  });

  it("falls back to Free limits when the subscription is canceled, keeping every member and all data", async () => {
    const { team, admin } = await teamWith({ editors: 3 }); // 5 editor seats in use
    const viewer = await addMember(team, "viewer");
    const { subscriptionId } = await subscribe(team, admin);
    expect(editorSeatLimit(await reload(team))).toBe(5);

    fake.updateSubscription(subscriptionId, { status: "canceled" });
    const deleted = await deliver(fake.event("customer.subscription.deleted", fake.subscriptions.get(subscriptionId)!));
    expect(deleted.body).toMatchObject({ result: "applied" });
    const current = await reload(team);
    expect(current).toMatchObject({ plan: "free", subscriptionStatus: "canceled", paidSeats: 0, currentPeriodEnd: null });
    expect(editorSeatLimit(current)).toBe(3);
    expect(scorecardLimit(current)).toBe(1);
    expect(() => assertTeamWritable(current)).not.toThrow();

    const members = await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id }));
    expect(members.filter((m) => m.role !== "viewer")).toHaveLength(5);
    const refused = expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: viewer.membershipId, role: "editor", version: 1 }), 402);
    expect(refused.fieldErrors?.role?.[0]).toContain("5 of 3");

    // A late invoice.paid for the canceled subscription does not bring the plan back.
    await deliver(fake.event("invoice.paid", fake.invoiceFor(subscriptionId, true)));
    expect(await reload(team)).toMatchObject({ plan: "free", subscriptionStatus: "canceled" });
    // And the team may subscribe again.
    expectOk(await run("billing.checkout", admin, { team: team.slug, plan: "team" }));
  });
});

describe("billing overview", () => {
  it("shows the next invoice from Stripe's preview, and survives Stripe being down", async () => {
    const { team, admin } = await teamWith({ editors: 1 });
    const { subscriptionId } = await subscribe(team, admin);
    const current = await reload(team);
    const overview = await getBillingOverview({ ctx: { teamId: team.id }, team: current });
    expect(overview).toMatchObject({ subscribed: true, seatsUsed: 3, seatLimit: 3, stripeError: null, plan: { id: "team" } });
    expect(overview.nextInvoice).toMatchObject({ amountDue: 3 * 1200, currency: "usd" });
    expect(overview.nextInvoice!.date!.getTime()).toBe(fake.subscriptions.get(subscriptionId)!.items.data[0]!.current_period_end * 1000);
    expect(fake.requestsTo("POST", "/v1/invoices/create_preview").at(-1)!.body).toEqual({ customer: current.stripeCustomerId, subscription: subscriptionId });

    fake.failNext("POST", "/v1/invoices/create_preview", 503);
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const degraded = await getBillingOverview({ ctx: { teamId: team.id }, team: current });
    errorLog.mockRestore();
    expect(degraded.nextInvoice).toBeNull();
    expect(degraded.stripeError).toMatch(/could not be reached/);
  });

  it("shows Free with the seat cap and no Stripe call for a team that never subscribed", async () => {
    const { team } = await teamWith({ viewers: 3 });
    const before = fake.requests.length;
    const overview = await getBillingOverview({ ctx: { teamId: team.id }, team });
    expect(overview).toMatchObject({ subscribed: false, seatsUsed: 2, seatLimit: 3, nextInvoice: null, plan: { id: "free" } });
    expect(overview.config).toMatchObject({ enabled: true, purchasablePlans: ["team", "business"] });
    expect(fake.requests.length).toBe(before);
  });
});

/** A checkout session for a customer that belongs to no team. */
async function createForeignCheckout(): Promise<string> {
  const { default: Stripe } = await import("stripe");
  const stripe = new Stripe(fake.secretKey, { host: "127.0.0.1", port: new URL(fake.url).port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
  const customer = await stripe.customers.create({ name: "Not a Cairn team" });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: "price_team", quantity: 1 }],
    success_url: "https://example.test/ok",
    cancel_url: "https://example.test/cancel",
  });
  return session.id;
}
