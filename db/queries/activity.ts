// The append-only activity log: every accepted change, with who, what, before → after and why.
import { and, asc, desc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { activity, users } from "../schema";

export type ActivityEntry = Omit<typeof activity.$inferInsert, "teamId" | "id" | "seq" | "createdAt">;

/** Appends activity rows; returns their sequence numbers (the live stream's event ids). */
export async function recordActivity(tx: Tx, ctx: { teamId: string }, entries: ActivityEntry | ActivityEntry[]): Promise<number[]> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return [];
  const rows = await tx
    .insert(activity)
    .values(list.map((e) => ({ ...e, teamId: ctx.teamId })))
    .returning({ seq: activity.seq });
  return rows.map((r) => r.seq);
}

/** Changes after `afterSeq`, oldest first: what a reconnecting live stream missed. */
export async function listActivitySince(tx: Tx, ctx: { teamId: string }, afterSeq: number, limit = 500) {
  return tx
    .select({ seq: activity.seq, entityType: activity.entityType, entityId: activity.entityId, action: activity.action, actorId: activity.actorId })
    .from(activity)
    .where(and(eq(activity.teamId, ctx.teamId), gt(activity.seq, afterSeq)))
    .orderBy(asc(activity.seq))
    .limit(limit);
}

/**
 * Who made the latest accepted change of one entity, and when: the name a conflict dialog
 * shows beside "theirs". Entity ids are uuids, unique across kinds. Walking the team's log
 * backwards finds it at once, since a conflict is about a change made moments ago.
 */
export async function lastChangeOf(tx: Tx, ctx: { teamId: string }, entityId: string): Promise<{ name: string | null; at: Date } | undefined> {
  const [row] = await tx
    .select({ name: users.name, at: activity.createdAt })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.teamId, ctx.teamId), eq(activity.entityId, entityId)))
    .orderBy(desc(activity.seq))
    .limit(1);
  return row;
}

export async function listActivity(
  tx: Tx,
  ctx: { teamId: string },
  filter: {
    entityType?: (typeof activity.$inferSelect)["entityType"];
    entityId?: string;
    actorId?: string;
    beforeSeq?: number;
    /** Created at or after / strictly before these instants (the activity feed's date filter). */
    from?: Date;
    until?: Date;
    limit?: number;
  } = {},
) {
  const conditions: SQL[] = [eq(activity.teamId, ctx.teamId)];
  if (filter.entityType) conditions.push(eq(activity.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(activity.entityId, filter.entityId));
  if (filter.actorId) conditions.push(eq(activity.actorId, filter.actorId));
  if (filter.beforeSeq) conditions.push(lt(activity.seq, filter.beforeSeq));
  if (filter.from) conditions.push(gte(activity.createdAt, filter.from));
  if (filter.until) conditions.push(lt(activity.createdAt, filter.until));
  return tx
    .select({
      id: activity.id,
      seq: activity.seq,
      actorId: activity.actorId,
      actorName: users.name,
      entityType: activity.entityType,
      entityId: activity.entityId,
      action: activity.action,
      field: activity.field,
      before: activity.before,
      after: activity.after,
      reason: activity.reason,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(...conditions))
    .orderBy(desc(activity.seq))
    .limit(filter.limit ?? 50);
}
