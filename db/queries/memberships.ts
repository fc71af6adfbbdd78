// Who belongs to a team and with which role. Every function is bound to one team.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { initiatives, kpis, memberships, objectives, touchpoints, users } from "../schema";
import type { Role } from "./teams";
import { clock } from "@/lib/clock";

export async function listMembers(tx: Tx, ctx: { teamId: string }) {
  return tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      version: memberships.version,
      name: users.name,
      email: users.email,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, ctx.teamId))
    .orderBy(asc(users.name), asc(users.email));
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];

export async function getMembership(tx: Tx, ctx: { teamId: string }, membershipId: string) {
  const [row] = await tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, version: memberships.version })
    .from(memberships)
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.id, membershipId)))
    .limit(1);
  return row;
}

export async function findMembershipByUser(tx: Tx, ctx: { teamId: string }, userId: string) {
  const [row] = await tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, version: memberships.version })
    .from(memberships)
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

export async function countByRole(tx: Tx, ctx: { teamId: string }): Promise<Record<Role, number>> {
  const rows = await tx
    .select({ role: memberships.role, n: count() })
    .from(memberships)
    .where(eq(memberships.teamId, ctx.teamId))
    .groupBy(memberships.role);
  const result: Record<Role, number> = { owner: 0, admin: 0, editor: 0, viewer: 0, contributor: 0 };
  for (const row of rows) result[row.role] = Number(row.n);
  return result;
}

/**
 * The team's owners, their rows locked until the transaction ends (in id order, so two callers
 * never deadlock). Every change that could leave the team without an owner counts through this:
 * a concurrent one waits here and then counts what the first left, not what both saw before.
 */
export async function lockOwners(tx: Tx, ctx: { teamId: string }): Promise<Array<{ id: string; version: number }>> {
  return tx
    .select({ id: memberships.id, version: memberships.version })
    .from(memberships)
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.id))
    .for("update");
}

export async function insertMembership(tx: Tx, ctx: { teamId: string }, userId: string, role: Role) {
  const [row] = await tx
    .insert(memberships)
    .values({ teamId: ctx.teamId, userId, role })
    .onConflictDoNothing({ target: [memberships.teamId, memberships.userId] })
    .returning({ id: memberships.id });
  return row;
}

/** Conditional on the version the actor saw: a stale write changes nothing and returns undefined. */
export async function setMemberRole(tx: Tx, ctx: { teamId: string }, membershipId: string, role: Role, expectedVersion: number) {
  const [row] = await tx
    .update(memberships)
    .set({ role, version: sql`${memberships.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.id, membershipId), eq(memberships.version, expectedVersion)))
    .returning({ id: memberships.id, version: memberships.version });
  return row;
}

export async function deleteMembership(tx: Tx, ctx: { teamId: string }, membershipId: string) {
  const [row] = await tx
    .delete(memberships)
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.id, membershipId)))
    .returning({ id: memberships.id, userId: memberships.userId });
  return row;
}

/** Clears a departing member's ownerships in this team, so nothing points at someone who left. */
export async function clearOwnerships(tx: Tx, ctx: { teamId: string }, userId: string) {
  for (const table of [objectives, kpis, initiatives, touchpoints]) {
    await tx.update(table).set({ ownerId: null }).where(and(eq(table.teamId, ctx.teamId), eq(table.ownerId, userId)));
  }
}

/** Whether this member gets the team's daily e-mail digest (false when they are not a member). */
export async function getEmailDigestPreference(tx: Tx, ctx: { teamId: string }, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ emailDigest: memberships.emailDigest })
    .from(memberships)
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.emailDigest ?? false;
}

/**
 * A member's own digest choice. The version stays: a personal preference is not an edit of
 * the membership, so an admin's open role change never turns stale because of it.
 */
export async function setEmailDigestPreference(tx: Tx, ctx: { teamId: string }, userId: string, enabled: boolean) {
  const [row] = await tx
    .update(memberships)
    .set({ emailDigest: enabled })
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, userId)))
    .returning({ emailDigest: memberships.emailDigest });
  return row;
}
