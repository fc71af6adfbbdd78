// Billing state: it lives on the teams row (the team is the tenant, so its own id is the
// filter), and the ids of Stripe events already applied. The Stripe webhook has no session:
// it finds the team with the two system lookups at the bottom, then works inside inTeam.
import { eq } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "../client";
import { stripeEvents, teams, type Team } from "../schema";
import { clock } from "@/lib/clock";

export type BillingPatch = Partial<
  Pick<Team, "plan" | "stripeCustomerId" | "stripeSubscriptionId" | "subscriptionStatus" | "paidSeats" | "currentPeriodEnd" | "pastDueSince">
>;

/** The team row, locked until the transaction ends, so two billing writes never interleave. */
export async function getTeamBillingForUpdate(tx: Tx, ctx: { teamId: string }): Promise<Team> {
  const [team] = await tx.select().from(teams).where(eq(teams.id, ctx.teamId)).for("update").limit(1);
  if (!team) throw new Error(`team ${ctx.teamId} vanished inside its own transaction`);
  return team;
}

/**
 * Writes billing fields. The team's `version` is left alone on purpose: it guards the
 * settings form, and a webhook arriving must not make an admin's rename a conflict.
 */
export async function updateTeamBilling(tx: Tx, ctx: { teamId: string }, patch: BillingPatch): Promise<Team> {
  const [team] = await tx
    .update(teams)
    .set({ ...patch, updatedAt: clock.now() })
    .where(eq(teams.id, ctx.teamId))
    .returning();
  return team!;
}

/** Records an event id; false when it was already there (a redelivery: apply nothing). */
export async function claimStripeEvent(tx: Queryable, event: { id: string; type: string }): Promise<boolean> {
  const rows = await tx.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing().returning({ id: stripeEvents.id });
  return rows.length > 0;
}

// ---- System lookups (no team context: the webhook starts from Stripe's ids) ----

export async function isStripeEventProcessed(eventId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, eventId)).limit(1);
  return Boolean(row);
}

/** Records an event that concerns no team (unknown customer), so Stripe stops redelivering it. */
export async function recordUnmatchedStripeEvent(event: { id: string; type: string }): Promise<boolean> {
  const db = await getDb();
  return claimStripeEvent(db, event);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The team a Stripe object belongs to: by the team id we put in `client_reference_id` or
 * metadata, else by the Stripe customer id stored on the team.
 */
export async function findTeamForStripe(ref: { teamId?: string | null; customerId?: string | null }): Promise<Team | undefined> {
  const db = await getDb();
  if (ref.teamId && UUID.test(ref.teamId)) {
    const [team] = await db.select().from(teams).where(eq(teams.id, ref.teamId)).limit(1);
    if (team) return team;
  }
  if (ref.customerId) {
    const [team] = await db.select().from(teams).where(eq(teams.stripeCustomerId, ref.customerId)).limit(1);
    if (team) return team;
  }
  return undefined;
}
