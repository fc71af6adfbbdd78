// Without Stripe keys the whole app runs on the Free plan: billing explains how to configure
// Stripe, its actions refuse politely, the webhook refuses, and nothing crashes or locks.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

vi.hoisted(() => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_TEAM", "STRIPE_PRICE_BUSINESS", "STRIPE_API_BASE"]) delete process.env[name];
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Stripe from "stripe";
import "@/app/t/[team]/settings/billing/actions";
import "@/app/t/[team]/settings/members/actions";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { BillingBanner } from "@/components/billing/billing-banner";
import { BillingSetupHelp } from "@/components/billing/billing-setup-help";
import { updateTeamBilling } from "@/db/queries/billing";
import { insertMembership } from "@/db/queries/memberships";
import { findTeamById } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import type { ActionResult } from "@/lib/actions/result";
import { assertTeamWritable } from "@/lib/billing/access";
import { getBillingOverview } from "@/lib/billing/overview";
import { billingConfig, stripeClient } from "@/lib/billing/stripe";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { createTeam } from "@/lib/teams/create-team";

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

async function freeTeam() {
  const owner = await createUser({ email: `${unique("owner")}@example.test`, name: "Owner", emailVerified: clock.now() });
  const team = await createTeam(owner.id, unique("Free"));
  return { owner, team };
}

function run(name: string, user: { id: string; email: string; name: string | null }, input: Record<string, unknown>): Promise<ActionResult> {
  return actionRegistry.get(name)!.runAs({ ...user, image: null, emailVerified: clock.now() }, input);
}

describe("without Stripe keys", () => {
  it("reports billing as not configured and names every variable to set", () => {
    expect(env().STRIPE_SECRET_KEY).toBeUndefined();
    expect(stripeClient()).toBeNull();
    const config = billingConfig();
    expect(config).toEqual({
      enabled: false,
      purchasablePlans: [],
      missing: ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_TEAM", "STRIPE_PRICE_BUSINESS"],
    });
    const help = renderToStaticMarkup(createElement(BillingSetupHelp, { missing: config.missing, webhookUrl: "http://localhost:3000/api/stripe/webhook" }));
    for (const name of [...config.missing, "BILLING_GRACE_DAYS", "http://localhost:3000/api/stripe/webhook", "invoice.payment_failed"]) expect(help).toContain(name);
  });

  it("shows the Free plan on the billing overview without calling anything", async () => {
    const { team } = await freeTeam();
    const overview = await getBillingOverview({ ctx: { teamId: team.id }, team });
    expect(overview).toMatchObject({ subscribed: false, seatsUsed: 1, seatLimit: 3, nextInvoice: null, stripeError: null, plan: { id: "free" } });
  });

  it("refuses the billing actions with a clear message and no crash", async () => {
    const { owner, team } = await freeTeam();
    for (const [name, input] of [
      ["billing.checkout", { plan: "team" }],
      ["billing.portal", {}],
      ["billing.update_seats", { seats: 5 }],
    ] as const) {
      const result = await run(name, owner, { team: team.slug, ...input });
      expect(result, name).toMatchObject({ ok: false, status: 400 });
      if (!result.ok) expect(result.message).toMatch(/not configured/);
    }
    expect((await findTeamById(team.id))?.stripeCustomerId).toBeNull();
  });

  it("refuses webhook calls with 400 and changes nothing", async () => {
    const { team } = await freeTeam();
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { client_reference_id: team.id } } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_anything" });
    const response = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": signature } }));
    expect(response.status).toBe(400);
    expect(await findTeamById(team.id)).toMatchObject({ plan: "free", subscriptionStatus: "none" });
  });

  it("never locks a team for payment, since nobody could fix it", async () => {
    const { team } = await freeTeam();
    await inTeam(team.id, (tx) =>
      updateTeamBilling(tx, { teamId: team.id }, { plan: "team", subscriptionStatus: "past_due", pastDueSince: new Date("2020-01-01") }),
    );
    const stale = (await findTeamById(team.id))!;
    expect(() => assertTeamWritable(stale)).not.toThrow();
    expect(renderToStaticMarkup(createElement(BillingBanner, { team: stale, role: "owner" }))).toBe("");
  });

  it("keeps the Free seat cap: a 4th editor is refused with a link to billing", async () => {
    const { owner, team } = await freeTeam();
    const ids: string[] = [];
    for (const role of ["admin", "editor", "viewer"] as const) {
      const user = await createUser({ email: `${unique(role)}@example.test`, name: role, emailVerified: clock.now() });
      ids.push((await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, user.id, role)))!.id);
    }
    const refused = await run("members.update_role", owner, { team: team.slug, membershipId: ids[2], role: "editor", version: 1 });
    expect(refused).toMatchObject({ ok: false, status: 402 });
    if (!refused.ok) expect(refused.message).toContain(`/t/${team.slug}/settings/billing`);
  });
});
