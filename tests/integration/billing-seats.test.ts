// Seat limits on the invite path (`members.invite`) for a team that pays through (fake) Stripe:
// editor and admin invitations beyond the paid seats are refused with a link to billing,
// pending invitations hold seats, viewers are free, and a canceled subscription means Free limits.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const fake = await vi.hoisted(async () => {
  const { startFakeStripe } = await import("../support/fake-stripe");
  const started = await startFakeStripe();
  Object.assign(process.env, started.env());
  return started;
});

import "@/app/t/[team]/settings/billing/actions";
import "@/app/t/[team]/settings/members/actions";
import "@/app/t/[team]/settings/actions";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { insertMembership } from "@/db/queries/memberships";
import { findTeamById, type Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import type { Team, User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { createTeam } from "@/lib/teams/create-team";

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const email = (label: string) => `${unique(label)}@example.test`;

async function person(label: string): Promise<User> {
  return createUser({ email: email(label), name: label, emailVerified: clock.now() });
}

function run(name: string, user: User, input: Record<string, unknown>): Promise<ActionResult> {
  return actionRegistry.get(name)!.runAs(user, input);
}

function invite(team: Team, actor: User, role: Role): Promise<ActionResult> {
  return run("members.invite", actor, { team: team.slug, email: email(role), role });
}

async function paidTeam(editors: number) {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Seats"));
  const admin = await person("admin");
  await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, admin.id, "admin"));
  for (let i = 0; i < editors; i++) {
    const editor = await person("editor");
    await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, editor.id, "editor"));
  }
  const started = await run("billing.checkout", admin, { team: team.slug, plan: "team" });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const sessionId = String((started.data as { sessionId: string }).sessionId);
  const { session, subscription } = fake.completeCheckout(sessionId);
  const response = await webhook(fake.webhookRequest(fake.event("checkout.session.completed", session)));
  expect(response.status).toBe(200);
  return { team: (await findTeamById(team.id))!, owner, admin, subscriptionId: subscription.id };
}

beforeAll(() => {
  expect(actionRegistry.has("members.invite")).toBe(true);
});

afterAll(async () => {
  await fake.close();
});

describe("inviting on a paid plan", () => {
  it("refuses editor and admin invitations beyond the paid seats, counting pending ones; viewers stay free", async () => {
    const { team, admin } = await paidTeam(1); // owner + admin + editor = 3 paid seats
    expect(team).toMatchObject({ plan: "team", paidSeats: 3 });

    const refused = await invite(team, admin, "editor");
    expect(refused).toMatchObject({ ok: false, status: 402, code: "payment_required" });
    if (!refused.ok) {
      expect(refused.message).toContain(`/t/${team.slug}/settings/billing`);
      expect(refused.fieldErrors?.role?.[0]).toContain("3 of 3");
    }
    expect(await invite(team, admin, "admin")).toMatchObject({ ok: false, status: 402 });
    expect(await invite(team, admin, "viewer")).toMatchObject({ ok: true });

    // One more seat: one pending editor invitation fits, and then holds the seat.
    expect(await run("billing.update_seats", admin, { team: team.slug, seats: 4 })).toMatchObject({ ok: true });
    const withSeat = (await findTeamById(team.id))!;
    expect(await invite(withSeat, admin, "editor")).toMatchObject({ ok: true });
    expect(await invite(withSeat, admin, "editor")).toMatchObject({ ok: false, status: 402 });
  });

  it("applies Free limits to invitations once the subscription is canceled", async () => {
    const { team, admin, subscriptionId } = await paidTeam(2); // 4 editors, paid 4
    fake.updateSubscription(subscriptionId, { status: "canceled" });
    const response = await webhook(fake.webhookRequest(fake.event("customer.subscription.deleted", fake.subscriptions.get(subscriptionId)!)));
    expect(response.status).toBe(200);
    const canceled = (await findTeamById(team.id))!;
    expect(canceled).toMatchObject({ plan: "free", subscriptionStatus: "canceled" });

    const refused = await invite(canceled, admin, "editor");
    expect(refused).toMatchObject({ ok: false, status: 402 });
    if (!refused.ok) expect(refused.fieldErrors?.role?.[0]).toContain("4 of 3");
    expect(await invite(canceled, admin, "viewer")).toMatchObject({ ok: true });
  });
});

describe("deleting a paying team", () => {
  it("cancels its Stripe subscription, then deletes it", async () => {
    const { team, owner, subscriptionId } = await paidTeam(0);
    await expect(run("team.delete", owner, { team: team.slug, confirmation: team.slug })).rejects.toMatchObject({ digest: expect.stringContaining("/teams") });
    expect(fake.requestsTo("DELETE", `/v1/subscriptions/${subscriptionId}`)).toHaveLength(1);
    expect(fake.subscriptions.get(subscriptionId)!.status).toBe("canceled");
    expect(await findTeamById(team.id)).toBeUndefined();
  });

  it("keeps the team, and says so, when Stripe cannot cancel the subscription", async () => {
    const { team, owner, subscriptionId } = await paidTeam(0);
    fake.failNext("DELETE", "/v1/subscriptions/", 500);
    const refused = await run("team.delete", owner, { team: team.slug, confirmation: team.slug });
    expect(refused).toMatchObject({ ok: false, status: 500, message: expect.stringMatching(/nothing was deleted/) });
    expect(await findTeamById(team.id)).toBeDefined();
    expect(fake.subscriptions.get(subscriptionId)!.status).toBe("active");
  });
});
