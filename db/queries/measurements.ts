// Measurements: the grid's reads, the conditional writes of one (KPI, period) value, and the
// edit history of a cell (its activity rows). Every query filters by team_id.
import { and, desc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { activity, kpis, measurements, objectives, users, type Kpi, type Measurement } from "../schema";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";

export type MeasurementValues = Pick<Measurement, "value" | "note">;

/** What the measurements grid shows of one value. */
export type GridMeasurement = Pick<Measurement, "kpiId" | "period" | "value" | "note" | "version">;

/**
 * The values the measurements grid shows, in one statement: for each group of KPIs (one per
 * frequency), the periods from its own first shown period to `to`. One range for all would read a
 * weekly KPI's year and a half of values to show six weeks (the quarterly columns reach that far).
 */
export async function listGridMeasurements(
  tx: Tx,
  ctx: { teamId: string },
  groups: ReadonlyArray<{ kpiIds: string[]; from: string }>,
  to: string,
): Promise<GridMeasurement[]> {
  const ranges = groups.filter((g) => g.kpiIds.length > 0).map((g) => and(inArray(measurements.kpiId, g.kpiIds), gte(measurements.period, g.from)));
  if (ranges.length === 0) return [];
  return tx
    .select({ kpiId: measurements.kpiId, period: measurements.period, value: measurements.value, note: measurements.note, version: measurements.version })
    .from(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), lte(measurements.period, to), or(...ranges)));
}

/** The KPIs among `kpiIds` that belong to `scorecardId` (others — another team's, another scorecard's — are simply absent). */
export async function findKpisInScorecard(tx: Tx, ctx: { teamId: string }, scorecardId: string, kpiIds: string[]): Promise<Map<string, Kpi>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await tx
    .select({ kpi: kpis })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.id, kpiIds), eq(objectives.scorecardId, scorecardId)));
  return new Map(rows.map((r) => [r.kpi.id, r.kpi]));
}

/** The value of one KPI for one period; `forUpdate` locks it until the transaction ends. */
export async function findMeasurement(tx: Tx, ctx: { teamId: string }, kpiId: string, period: string, options: { forUpdate?: boolean } = {}): Promise<Measurement | undefined> {
  const query = tx
    .select()
    .from(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.kpiId, kpiId), eq(measurements.period, period)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Inserts a new value; undefined when someone else inserted this (KPI, period) first. */
export async function insertMeasurement(
  tx: Tx,
  ctx: { teamId: string },
  values: { kpiId: string; period: string; value: number; note: string; enteredBy: string | null },
): Promise<Measurement | undefined> {
  const [row] = await tx
    .insert(measurements)
    .values({ ...values, teamId: ctx.teamId })
    .onConflictDoNothing({ target: [measurements.teamId, measurements.kpiId, measurements.period] })
    .returning();
  return row;
}

/** Conditional update: only the version the caller saw; a stale one is a 409 with the current row. */
export async function updateMeasurement(
  tx: Tx,
  ctx: { teamId: string },
  id: string,
  expectedVersion: number,
  values: MeasurementValues & { enteredBy: string | null },
): Promise<Measurement> {
  const [row] = await tx
    .update(measurements)
    .set({ ...values, version: sql`${measurements.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.id, id), eq(measurements.version, expectedVersion)))
    .returning();
  if (row) return row;
  const [current] = await tx.select().from(measurements).where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.id, id))).limit(1);
  throw new AppError("conflict", "This value was changed by someone else since you opened it.", { current: current ?? null });
}

/** Conditional delete of the version the caller saw. */
export async function deleteMeasurement(tx: Tx, ctx: { teamId: string }, id: string, expectedVersion: number): Promise<Measurement> {
  const [row] = await tx
    .delete(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.id, id), eq(measurements.version, expectedVersion)))
    .returning();
  if (row) return row;
  const [current] = await tx.select().from(measurements).where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.id, id))).limit(1);
  throw new AppError("conflict", "This value was changed by someone else since you opened it.", { current: current ?? null });
}

export interface MeasurementHistoryEntry {
  seq: number;
  action: string;
  actorName: string | null;
  before: { value: number; note: string } | null;
  after: { value: number; note: string } | null;
  createdAt: Date;
}

/**
 * The edit history of one cell: the activity rows of entity "measurement" whose before or
 * after names this (KPI, period), newest first. Keyed by KPI and period rather than row id,
 * so a value deleted and entered again keeps one history.
 */
export async function listMeasurementHistory(tx: Tx, ctx: { teamId: string }, kpiId: string, period: string, limit = 50): Promise<MeasurementHistoryEntry[]> {
  const key = JSON.stringify({ kpiId, period });
  const rows = await tx
    .select({
      seq: activity.seq,
      action: activity.action,
      actorName: users.name,
      before: activity.before,
      after: activity.after,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        eq(activity.teamId, ctx.teamId),
        eq(activity.entityType, "measurement"),
        or(sql`${activity.after} @> ${key}::jsonb`, sql`${activity.before} @> ${key}::jsonb`),
      ),
    )
    .orderBy(desc(activity.seq))
    .limit(limit);
  const values = (v: unknown) => (v && typeof v === "object" && "value" in v ? { value: Number((v as { value: unknown }).value), note: String((v as { note?: unknown }).note ?? "") } : null);
  return rows.map((r) => ({ ...r, before: values(r.before), after: values(r.after) }));
}
