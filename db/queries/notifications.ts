// A member's in-app notifications (mentions, assignments), the KPIs they owe a value for
// the current period, and the daily digest's claim on unread notifications. Bound to one team.
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { kpis, measurements, memberships, notifications, objectives, scorecards, teams, users, type Team } from "../schema";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, "teamId" | "id" | "createdAt" | "readAt">;

/** The current period's start date per frequency (lib/periods), on the team's calendar. */
export interface CurrentPeriods {
  weekly: string;
  monthly: string;
  quarterly: string;
}

export async function insertNotifications(tx: Tx, ctx: Ctx, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values(rows.map((r) => ({ ...r, teamId: ctx.teamId })))
    .returning();
}

/** Newest first; `before` pages on (createdAt, id). */
export async function listNotifications(
  tx: Tx,
  ctx: Ctx,
  userId: string,
  options: { limit?: number; before?: { createdAt: Date; id: string }; unreadOnly?: boolean } = {},
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.teamId, ctx.teamId), eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.before) {
    const { createdAt, id } = options.before;
    conditions.push(or(lt(notifications.createdAt, createdAt), and(eq(notifications.createdAt, createdAt), lt(notifications.id, id)))!);
  }
  return tx
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 50);
}

/** Marks some of the member's own notifications read; another member's ids change nothing. */
export async function markNotificationsRead(tx: Tx, ctx: Ctx, userId: string, ids: readonly string[], at = clock.now()): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.teamId, ctx.teamId), eq(notifications.userId, userId), inArray(notifications.id, [...ids]), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function markAllNotificationsRead(tx: Tx, ctx: Ctx, userId: string, at = clock.now()): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.teamId, ctx.teamId), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The measurement period a KPI owes now, chosen by its own frequency. */
const duePeriod = (periods: CurrentPeriods) =>
  sql`case ${kpis.frequency} when 'weekly' then ${periods.weekly}::date when 'monthly' then ${periods.monthly}::date else ${periods.quarterly}::date end`;

const noValueYet = (periods: CurrentPeriods) =>
  sql`not exists (select 1 from ${measurements} where ${measurements.teamId} = ${kpis.teamId} and ${measurements.kpiId} = ${kpis.id} and ${measurements.period} = ${duePeriod(periods)})`;

/**
 * KPIs of live scorecards with no value for their current period: one owner's (the inbox),
 * or every owner's (the digest). Computed, never stored: it is always exactly today's truth.
 */
export async function listDueKpis(tx: Tx, ctx: Ctx, periods: CurrentPeriods, ownerId?: string) {
  return tx
    .select({
      id: kpis.id,
      name: kpis.name,
      frequency: kpis.frequency,
      ownerId: kpis.ownerId,
      period: sql<string>`(${duePeriod(periods)})::text`,
      scorecardId: objectives.scorecardId,
      scorecardName: scorecards.name,
    })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .innerJoin(scorecards, and(eq(scorecards.teamId, objectives.teamId), eq(scorecards.id, objectives.scorecardId), isNull(scorecards.archivedAt)))
    .where(and(eq(kpis.teamId, ctx.teamId), ownerId ? eq(kpis.ownerId, ownerId) : sql`${kpis.ownerId} is not null`, noValueYet(periods)))
    .orderBy(asc(scorecards.name), asc(kpis.name))
    .limit(500);
}

export type DueKpi = Awaited<ReturnType<typeof listDueKpis>>[number];

/** Unread notifications and KPIs due, in one statement: the header badge runs it on every page. */
export async function inboxCounts(tx: Tx, ctx: Ctx, userId: string, periods: CurrentPeriods): Promise<{ unread: number; due: number }> {
  const unread = tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.teamId, ctx.teamId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  const due = tx
    .select({ n: count() })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .innerJoin(scorecards, and(eq(scorecards.teamId, objectives.teamId), eq(scorecards.id, objectives.scorecardId), isNull(scorecards.archivedAt)))
    .where(and(eq(kpis.teamId, ctx.teamId), eq(kpis.ownerId, userId), noValueYet(periods)));
  const [row] = await tx
    .select({ unread: sql<number>`(${unread})::int`, due: sql<number>`(${due})::int` })
    .from(teams)
    .where(eq(teams.id, ctx.teamId));
  return { unread: Number(row?.unread ?? 0), due: Number(row?.due ?? 0) };
}

/**
 * The daily digest's share of a team, claimed and stamped in one statement: every unread
 * notification not yet e-mailed, of members still in the team who want the digest, gets
 * `emailed_at` and comes back with its recipient's address. The claim skips rows another
 * instance has locked, and the stamp commits with the caller's transaction, so a rerun or a
 * second instance never mails the same notification twice.
 */
export async function claimNotificationsToEmail(tx: Tx, ctx: Ctx, at: Date, limit = 2000) {
  const claim = tx
    .select({ id: notifications.id })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.teamId, notifications.teamId), eq(memberships.userId, notifications.userId)))
    .where(and(eq(notifications.teamId, ctx.teamId), isNull(notifications.readAt), isNull(notifications.emailedAt), eq(memberships.emailDigest, true)))
    .orderBy(asc(notifications.userId), asc(notifications.createdAt))
    .limit(limit)
    .for("update", { of: notifications, skipLocked: true });
  const rows = await tx
    .update(notifications)
    .set({ emailedAt: at })
    .from(users)
    .where(and(eq(notifications.teamId, ctx.teamId), inArray(notifications.id, claim), eq(users.id, notifications.userId)))
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      email: users.email,
    });
  // RETURNING keeps no order: each person's lines oldest first.
  return rows.sort((a, b) => a.userId.localeCompare(b.userId) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** Every team, for the daily digest that visits each one (teams are not tenant rows). */
export async function listTeamsForDigest(): Promise<Array<Pick<Team, "id" | "name" | "slug" | "timeZone" | "fiscalYearStartMonth">>> {
  const db = await getDb();
  return db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, timeZone: teams.timeZone, fiscalYearStartMonth: teams.fiscalYearStartMonth })
    .from(teams)
    .orderBy(asc(teams.name));
}
