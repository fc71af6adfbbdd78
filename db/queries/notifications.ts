// A member's in-app notifications (mentions, assignments), the KPIs they owe a value for
// the current period, and the daily digest's claim on unread notifications. Bound to one team.
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { kpis, measurements, memberships, notifications, objectives, scorecards, teams, users, type Team } from "../schema";

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
export async function markNotificationsRead(tx: Tx, ctx: Ctx, userId: string, ids: readonly string[], at = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.teamId, ctx.teamId), eq(notifications.userId, userId), inArray(notifications.id, [...ids]), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function markAllNotificationsRead(tx: Tx, ctx: Ctx, userId: string, at = new Date()): Promise<number> {
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
 * The daily digest's share of a team: every unread notification not yet e-mailed, of people
 * still in the team, locked so that two instances running the digest never claim the same
 * rows; the caller marks them with `markDigested` in the same transaction.
 */
export async function claimUndigestedNotifications(tx: Tx, ctx: Ctx, limit = 2000) {
  return tx
    .select({ notification: notifications, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.teamId, notifications.teamId), eq(memberships.userId, notifications.userId)))
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.teamId, ctx.teamId), isNull(notifications.readAt), sql`(${notifications.payload} ->> 'digestedAt') is null`))
    .orderBy(asc(notifications.userId), asc(notifications.createdAt))
    .limit(limit)
    .for("update", { of: notifications, skipLocked: true });
}

/** Stamps the payload (no schema change needed): a notification is e-mailed at most once. */
export async function markDigested(tx: Tx, ctx: Ctx, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notifications)
    .set({ payload: sql`${notifications.payload} || jsonb_build_object('digestedAt', ${at.toISOString()}::text)` })
    .where(and(eq(notifications.teamId, ctx.teamId), inArray(notifications.id, [...ids])));
}

/** Every team, for the daily digest that visits each one (teams are not tenant rows). */
export async function listTeamsForDigest(): Promise<Array<Pick<Team, "id" | "name" | "slug" | "timeZone" | "fiscalYearStartMonth">>> {
  const db = await getDb();
  return db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, timeZone: teams.timeZone, fiscalYearStartMonth: teams.fiscalYearStartMonth })
    .from(teams)
    .orderBy(asc(teams.name));
}
