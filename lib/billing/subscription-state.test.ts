import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { editorSeatLimit, effectivePlanId, scorecardLimit } from "./plans";
import { billingPatchFromSubscription, changedBillingFields, concernsCurrentSubscription } from "./subscription-state";

const NOW = new Date("2026-11-23T10:00:00Z");

function subscription(overrides: { id?: string; status?: string; quantity?: number; plan?: string; periodEnd?: number } = {}): Stripe.Subscription {
  return {
    id: overrides.id ?? "sub_1",
    object: "subscription",
    customer: "cus_1",
    status: overrides.status ?? "active",
    metadata: { team_id: "t", plan: overrides.plan ?? "business" },
    items: { object: "list", has_more: false, url: "", data: [{ id: "si_1", quantity: overrides.quantity ?? 4, current_period_end: overrides.periodEnd ?? 1_800_000_000, price: { id: "price_unknown" } }] },
  } as unknown as Stripe.Subscription;
}

describe("billingPatchFromSubscription", () => {
  it("takes plan, seats, period end and ids from the subscription", () => {
    expect(billingPatchFromSubscription({ pastDueSince: null }, subscription(), NOW)).toEqual({
      plan: "business",
      stripeCustomerId: "cus_1",
      stripeSubscriptionId: "sub_1",
      subscriptionStatus: "active",
      paidSeats: 4,
      currentPeriodEnd: new Date(1_800_000_000 * 1000),
      pastDueSince: null,
    });
  });

  it("starts the grace clock once and keeps it while the payment keeps failing", () => {
    const first = billingPatchFromSubscription({ pastDueSince: null }, subscription({ status: "past_due" }), NOW);
    expect(first.pastDueSince).toEqual(NOW);
    const earlier = new Date("2026-11-20T00:00:00Z");
    expect(billingPatchFromSubscription({ pastDueSince: earlier }, subscription({ status: "unpaid" }), NOW).pastDueSince).toEqual(earlier);
    expect(billingPatchFromSubscription({ pastDueSince: earlier }, subscription({ status: "active" }), NOW).pastDueSince).toBeNull();
  });

  it("puts an ended subscription's team on Free with no paid seats", () => {
    for (const status of ["canceled", "incomplete_expired"]) {
      expect(billingPatchFromSubscription({ pastDueSince: null }, subscription({ status }), NOW)).toMatchObject({
        plan: "free", subscriptionStatus: status, paidSeats: 0, currentPeriodEnd: null, pastDueSince: null,
      });
    }
  });

  it("maps an unknown status to none rather than failing", () => {
    expect(billingPatchFromSubscription({ pastDueSince: null }, subscription({ status: "something_new" }), NOW).subscriptionStatus).toBe("none");
  });
});

describe("concernsCurrentSubscription", () => {
  const live = { stripeSubscriptionId: "sub_new", subscriptionStatus: "active" as const };
  it("applies events about the team's own or a first subscription", () => {
    expect(concernsCurrentSubscription({ stripeSubscriptionId: null, subscriptionStatus: "none" }, subscription())).toBe(true);
    expect(concernsCurrentSubscription(live, subscription({ id: "sub_new", status: "canceled" }))).toBe(true);
  });
  it("ignores an ended older subscription while a newer one is live, but lets a live one replace an ended one", () => {
    expect(concernsCurrentSubscription(live, subscription({ id: "sub_old", status: "canceled" }))).toBe(false);
    expect(concernsCurrentSubscription({ stripeSubscriptionId: "sub_old", subscriptionStatus: "canceled" }, subscription({ id: "sub_new" }))).toBe(true);
  });
});

describe("plan limits", () => {
  it("keeps paid limits while active or past due, and Free limits otherwise", () => {
    for (const status of ["active", "trialing", "past_due", "unpaid"]) {
      const team = { plan: "team" as const, subscriptionStatus: status, paidSeats: 7 };
      expect(effectivePlanId(team)).toBe("team");
      expect(editorSeatLimit(team)).toBe(7);
      expect(scorecardLimit(team)).toBeNull();
    }
    for (const status of ["canceled", "incomplete", "incomplete_expired", "paused", "none"]) {
      const team = { plan: "team" as const, subscriptionStatus: status, paidSeats: 7 };
      expect(effectivePlanId(team)).toBe("free");
      expect(editorSeatLimit(team)).toBe(3);
      expect(scorecardLimit(team)).toBe(1);
    }
  });

  it("lists only the billing fields that changed", () => {
    const team = { plan: "team", subscriptionStatus: "active", paidSeats: 4 } as never;
    expect(changedBillingFields(team, { plan: "team", subscriptionStatus: "past_due", paidSeats: 4 })).toEqual([
      { field: "subscriptionStatus", before: "active", after: "past_due" },
    ]);
  });
});
