// The update loop's reads and writes, bound to one team: the reminder schedule, the KPIs each
// owner answers for (with their latest values), the owners' contact details, and the record of
// reminder e-mails sent (one per owner per run, enforced by a unique key).
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { kpis, memberships, objectives, perspectives, reminderDeliveries, reminderSchedules, scorecards, teams, users, type Kpi, type Membership, type ReminderSchedule } from "../schema";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { latestMeasurements } from "./scorecard-tree";

type Ctx = { teamId: string };

export async function getReminderSchedule(tx: Tx, ctx: Ctx): Promise<ReminderSchedule | undefined> {
  const [row] = await tx.select().from(reminderSchedules).where(eq(reminderSchedules.teamId, ctx.teamId)).limit(1);
  return row;
}

export type ReminderScheduleValues = Pick<ReminderSchedule, "enabled" | "daysBefore" | "daysAfter" | "sendHour">;

/**
 * Saves the schedule, conditional on the version the admin saw (null: they saw the defaults,
 * no row yet). A stale save is a 409 carrying the schedule as it is now.
 */
export async function saveReminderSchedule(tx: Tx, ctx: Ctx, values: ReminderScheduleValues, expectedVersion: number | null): Promise<ReminderSchedule> {
  const [row] =
    expectedVersion === null
      ? await tx.insert(reminderSchedules).values({ ...values, teamId: ctx.teamId }).onConflictDoNothing({ target: reminderSchedules.teamId }).returning()
      : await tx
          .update(reminderSchedules)
          .set({ ...values, version: sql`${reminderSchedules.version} + 1`, updatedAt: clock.now() })
          .where(and(eq(reminderSchedules.teamId, ctx.teamId), eq(reminderSchedules.version, expectedVersion)))
          .returning();
  if (row) return row;
  const current = await getReminderSchedule(tx, ctx);
  throw new AppError("conflict", "Someone else changed the reminder schedule since you opened it.", { current: current ?? null });
}

export interface OwnedKpi {
  kpi: Kpi;
  objectiveTitle: string;
  perspectiveName: string;
  scorecardId: string;
  scorecardName: string;
}

/**
 * The KPIs of live (not archived) scorecards that have an owner — every owner's, or one
 * owner's — in scorecard, perspective, objective and KPI order.
 */
export async function listOwnedKpis(tx: Tx, ctx: Ctx, options: { ownerId?: string } = {}): Promise<OwnedKpi[]> {
  return tx
    .select({ kpi: kpis, objectiveTitle: objectives.title, perspectiveName: perspectives.name, scorecardId: scorecards.id, scorecardName: scorecards.name })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
    .innerJoin(scorecards, and(eq(scorecards.teamId, objectives.teamId), eq(scorecards.id, objectives.scorecardId), isNull(scorecards.archivedAt)))
    .where(and(eq(kpis.teamId, ctx.teamId), options.ownerId ? eq(kpis.ownerId, options.ownerId) : isNotNull(kpis.ownerId)))
    .orderBy(asc(scorecards.name), asc(scorecards.id), asc(perspectives.position), asc(objectives.position), asc(kpis.position), asc(kpis.createdAt));
}

export interface LatestValues {
  /** The latest value at or before `asOf`. */
  latest?: { period: string; value: number };
  /** The one before it. */
  previous?: { period: string; value: number };
}

/** The two latest values of each KPI up to `asOf`, keyed by KPI id (one statement). */
export async function latestValuesByKpi(tx: Tx, ctx: Ctx, kpiIds: string[], asOf: string): Promise<Map<string, LatestValues>> {
  const rows = await latestMeasurements(tx, ctx, kpiIds, asOf);
  const byKpi = new Map<string, LatestValues>();
  for (const row of [...rows].sort((a, b) => b.period.localeCompare(a.period))) {
    const entry = byKpi.get(row.kpiId) ?? {};
    const point = { period: row.period, value: row.value };
    if (!entry.latest) entry.latest = point;
    else if (!entry.previous) entry.previous = point;
    byKpi.set(row.kpiId, entry);
  }
  return byKpi;
}

export interface OwnerContact {
  userId: string;
  email: string;
  name: string | null;
  role: Membership["role"];
}

/** Owners who are still members, with their e-mail address and role (former members are absent). */
export async function listOwnerContacts(tx: Tx, ctx: Ctx, userIds: string[]): Promise<Map<string, OwnerContact>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: memberships.userId, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, ctx.teamId), inArray(memberships.userId, [...new Set(userIds)])));
  return new Map(rows.map((r) => [r.userId, r]));
}

/**
 * Records that `userId` was sent the reminder of run `runKey`. False when that was recorded
 * already (another worker, or an earlier attempt of the same job): then nothing must be sent.
 */
export async function claimReminderDelivery(tx: Tx, ctx: Ctx, values: { runKey: string; userId: string; itemCount: number }): Promise<boolean> {
  const rows = await tx
    .insert(reminderDeliveries)
    .values({ ...values, teamId: ctx.teamId })
    .onConflictDoNothing({ target: [reminderDeliveries.teamId, reminderDeliveries.runKey, reminderDeliveries.userId] })
    .returning({ id: reminderDeliveries.id });
  return rows.length === 1;
}

/** The latest reminder e-mails, newest first, for the settings page. */
export async function listRecentDeliveries(tx: Tx, ctx: Ctx, limit = 20) {
  return tx
    .select({ id: reminderDeliveries.id, runKey: reminderDeliveries.runKey, itemCount: reminderDeliveries.itemCount, sentAt: reminderDeliveries.sentAt, name: users.name, email: users.email })
    .from(reminderDeliveries)
    .innerJoin(users, eq(users.id, reminderDeliveries.userId))
    .where(eq(reminderDeliveries.teamId, ctx.teamId))
    .orderBy(desc(reminderDeliveries.sentAt))
    .limit(limit);
}

/** Every team with its time zone: the hourly planner gives each its reminder job for the local day. */
export async function listTeamClocks(): Promise<Array<{ id: string; timeZone: string }>> {
  const db = await getDb();
  return db.select({ id: teams.id, timeZone: teams.timeZone }).from(teams).orderBy(asc(teams.id));
}

export interface KpiInContext extends OwnedKpi {
  objectiveId: string;
  scorecardArchived: boolean;
}

/** KPIs by id with their objective and scorecard (archived ones included, flagged), in one statement. */
export async function findKpisInContext(tx: Tx, ctx: Ctx, kpiIds: string[]): Promise<Map<string, KpiInContext>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await tx
    .select({
      kpi: kpis,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      perspectiveName: perspectives.name,
      scorecardId: scorecards.id,
      scorecardName: scorecards.name,
      scorecardArchived: sql<boolean>`${scorecards.archivedAt} is not null`,
    })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
    .innerJoin(scorecards, and(eq(scorecards.teamId, objectives.teamId), eq(scorecards.id, objectives.scorecardId)))
    .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.id, [...new Set(kpiIds)])));
  return new Map(rows.map((r) => [r.kpi.id, r]));
}
