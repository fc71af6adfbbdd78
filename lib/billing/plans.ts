import { env } from "@/lib/env";

/**
 * The plans, in one place: the pricing page, the billing page, the seat checks and the
 * webhook all read them from here. Editor seats are every member who can write (owner,
 * admin, editor, and pending invitations to those roles); viewers are always free and unlimited.
 */
export type PlanId = "free" | "team" | "business";
export type PaidPlanId = Exclude<PlanId, "free">;

export interface Plan {
  id: PlanId;
  name: string;
  /** One line for the pricing table. */
  tagline: string;
  /** Monthly price per editor seat, in US dollars (display only: Stripe holds the real price). */
  pricePerSeat: number;
  /** null: as many as the subscription's paid seats. */
  maxEditorSeats: number | null;
  maxScorecards: number | null;
  features: string[];
}

export const PLANS: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    tagline: "For a small team mapping its first journey.",
    pricePerSeat: 0,
    maxEditorSeats: 3,
    maxScorecards: 1,
    features: ["Up to 3 editors", "1 scorecard", "Unlimited journeys and viewers", "Single sign-on"],
  },
  team: {
    id: "team",
    name: "Team",
    tagline: "For teams running their strategy in Cairn.",
    pricePerSeat: 12,
    maxEditorSeats: null,
    maxScorecards: null,
    features: ["Unlimited scorecards", "Share links", "REST API and CSV import", "Single sign-on"],
  },
  business: {
    id: "business",
    name: "Business",
    tagline: "For organisations with many teams and auditors.",
    pricePerSeat: 24,
    maxEditorSeats: null,
    maxScorecards: null,
    features: ["Everything in Team", "Priority support", "Audit log export", "Single sign-on"],
  },
};

export const PAID_PLANS: readonly PaidPlanId[] = ["team", "business"];
export const EDITOR_ROLES = ["owner", "admin", "editor"] as const;

export function isPaidPlanId(value: unknown): value is PaidPlanId {
  return value === "team" || value === "business";
}

/** The Stripe Price id configured for a paid plan, if any. */
export function stripePriceFor(plan: PaidPlanId): string | undefined {
  return plan === "team" ? env().STRIPE_PRICE_TEAM : env().STRIPE_PRICE_BUSINESS;
}

/** Which plan a Stripe Price id stands for (the reverse of `stripePriceFor`). */
export function planForStripePrice(priceId: string | null | undefined): PaidPlanId | undefined {
  if (!priceId) return undefined;
  return PAID_PLANS.find((plan) => stripePriceFor(plan) === priceId);
}

/**
 * Subscription statuses in which the team keeps its paid plan's limits. `past_due` and
 * `unpaid` keep them too: the grace period (see access.ts) decides when writing stops.
 * Anything else (canceled, never paid, paused) falls back to Free limits; nothing is deleted.
 */
export const PAID_STATUSES = ["active", "trialing", "past_due", "unpaid"] as const;
/** Statuses in which Stripe is still retrying a failed payment. */
export const PAST_DUE_STATUSES = ["past_due", "unpaid"] as const;

type BillingFields = { plan: PlanId; subscriptionStatus: string };

/** The plan whose limits apply right now. */
export function effectivePlanId(team: BillingFields): PlanId {
  if (team.plan === "free") return "free";
  return (PAID_STATUSES as readonly string[]).includes(team.subscriptionStatus) ? team.plan : "free";
}

/** How many editor seats a team may use: the Free cap, or the seats it pays for. */
export function editorSeatLimit(team: BillingFields & { paidSeats: number }): number {
  if (effectivePlanId(team) === "free") return PLANS.free.maxEditorSeats!;
  return Math.max(team.paidSeats, 1);
}

export function scorecardLimit(team: BillingFields): number | null {
  return PLANS[effectivePlanId(team)].maxScorecards;
}

export const SUBSCRIPTION_STATUS_LABELS: Record<string, string> = {
  none: "No subscription",
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed",
  unpaid: "Unpaid",
  canceled: "Canceled",
  incomplete: "Awaiting first payment",
  incomplete_expired: "Checkout expired",
  paused: "Paused",
};
