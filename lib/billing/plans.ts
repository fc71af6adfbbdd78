import { env } from "@/lib/env";

/**
 * The plans, in one place. Editor seats are every member who can write (owner, admin,
 * editor); viewers are always free and unlimited.
 */
export type PlanId = "free" | "team" | "business";

export interface Plan {
  id: PlanId;
  name: string;
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
    pricePerSeat: 0,
    maxEditorSeats: 3,
    maxScorecards: 1,
    features: ["Up to 3 editors", "1 scorecard", "Unlimited journeys and viewers", "Single sign-on"],
  },
  team: {
    id: "team",
    name: "Team",
    pricePerSeat: 12,
    maxEditorSeats: null,
    maxScorecards: null,
    features: ["Unlimited scorecards", "Share links", "REST API and CSV import", "Single sign-on"],
  },
  business: {
    id: "business",
    name: "Business",
    pricePerSeat: 24,
    maxEditorSeats: null,
    maxScorecards: null,
    features: ["Everything in Team", "Priority support", "Audit log export", "Single sign-on"],
  },
};

export const EDITOR_ROLES = ["owner", "admin", "editor"] as const;

/** The Stripe Price id configured for a paid plan, if any. */
export function stripePriceFor(plan: Exclude<PlanId, "free">): string | undefined {
  return plan === "team" ? env().STRIPE_PRICE_TEAM : env().STRIPE_PRICE_BUSINESS;
}

/** How many editor seats a team may use: the Free cap, or the seats it pays for. */
export function editorSeatLimit(team: { plan: PlanId; paidSeats: number; subscriptionStatus: string }): number {
  if (team.plan === "free" || team.subscriptionStatus === "canceled") return PLANS.free.maxEditorSeats!;
  return Math.max(team.paidSeats, 1);
}

export function scorecardLimit(team: { plan: PlanId; subscriptionStatus: string }): number | null {
  if (team.plan === "free" || team.subscriptionStatus === "canceled") return PLANS.free.maxScorecards;
  return PLANS[team.plan].maxScorecards;
}
