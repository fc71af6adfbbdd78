// Reads the public API and the CSV import/export need that the UI does not: keyset pages
// (stable under concurrent inserts, unlike offsets), KPIs looked up by id across scorecards,
// and a scorecard's KPIs in display order with their measurements in batches.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { journeys, kpis, measurements, objectives, perspectives, scorecards, type Journey, type Kpi, type Scorecard } from "../schema";

type Ctx = { teamId: string };

/** A row's place in a creation-ordered list: created_at as PostgreSQL prints it (microseconds kept) and the id. */
export interface CreatedKey {
  createdAt: string;
  id: string;
}

const createdText = (column: AnyPgColumn) => sql<string>`${column}::text`;

function afterCreated(table: typeof scorecards | typeof journeys, key: CreatedKey | undefined): SQL | undefined {
  if (!key) return undefined;
  const at = sql`${key.createdAt}::timestamptz`;
  return or(gt(table.createdAt, at), and(eq(table.createdAt, at), gt(table.id, key.id)));
}

/** Active (not archived) scorecards, oldest first, `limit` after `after`. */
export async function listScorecardsPage(tx: Tx, ctx: Ctx, page: { after?: CreatedKey; limit: number }): Promise<Array<{ scorecard: Scorecard; key: CreatedKey }>> {
  const rows = await tx
    .select({ scorecard: scorecards, createdAt: createdText(scorecards.createdAt) })
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), isNull(scorecards.archivedAt), afterCreated(scorecards, page.after)))
    .orderBy(asc(scorecards.createdAt), asc(scorecards.id))
    .limit(page.limit);
  return rows.map((r) => ({ scorecard: r.scorecard, key: { createdAt: r.createdAt, id: r.scorecard.id } }));
}

/** Active (not archived) journeys, oldest first, `limit` after `after`. */
export async function listJourneysPage(tx: Tx, ctx: Ctx, page: { after?: CreatedKey; limit: number }): Promise<Array<{ journey: Journey; key: CreatedKey }>> {
  const rows = await tx
    .select({ journey: journeys, createdAt: createdText(journeys.createdAt) })
    .from(journeys)
    .where(and(eq(journeys.teamId, ctx.teamId), isNull(journeys.archivedAt), afterCreated(journeys, page.after)))
    .orderBy(asc(journeys.createdAt), asc(journeys.id))
    .limit(page.limit);
  return rows.map((r) => ({ journey: r.journey, key: { createdAt: r.createdAt, id: r.journey.id } }));
}

/** KPIs by id with the scorecard each belongs to; ids outside the team are simply absent. */
export async function findKpisWithScorecard(tx: Tx, ctx: Ctx, ids: readonly string[]): Promise<Map<string, { kpi: Kpi; scorecardId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ kpi: kpis, scorecardId: objectives.scorecardId })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.id, [...ids])));
  return new Map(rows.map((r) => [r.kpi.id, r]));
}

/** One KPI's values, newest period first, strictly before `before` and within [from, to]. */
export async function listKpiMeasurementsPage(
  tx: Tx,
  ctx: Ctx,
  kpiId: string,
  page: { before?: string; from?: string; to?: string; limit: number },
) {
  return tx
    .select({ period: measurements.period, value: measurements.value, note: measurements.note })
    .from(measurements)
    .where(
      and(
        eq(measurements.teamId, ctx.teamId),
        eq(measurements.kpiId, kpiId),
        page.before ? lt(measurements.period, page.before) : undefined,
        page.from ? gte(measurements.period, page.from) : undefined,
        page.to ? lte(measurements.period, page.to) : undefined,
      ),
    )
    .orderBy(desc(measurements.period))
    .limit(page.limit);
}

/** A scorecard's KPIs in the editor's order, with their perspective and objective names. */
export async function listScorecardKpisInOrder(tx: Tx, ctx: Ctx, scorecardId: string) {
  return tx
    .select({ kpi: kpis, objectiveTitle: objectives.title, perspectiveName: perspectives.name })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
    .where(and(eq(kpis.teamId, ctx.teamId), eq(objectives.scorecardId, scorecardId)))
    .orderBy(asc(perspectives.position), asc(objectives.position), asc(objectives.createdAt), asc(kpis.position), asc(kpis.createdAt));
}

/** The next `limit` values of some KPIs in (KPI, period) order after `after`: one batch of a streamed export. */
export async function listMeasurementsBatch(tx: Tx, ctx: Ctx, kpiIds: readonly string[], page: { after?: { kpiId: string; period: string }; limit: number }) {
  if (kpiIds.length === 0) return [];
  const after = page.after;
  return tx
    .select({ kpiId: measurements.kpiId, period: measurements.period, value: measurements.value, note: measurements.note })
    .from(measurements)
    .where(
      and(
        eq(measurements.teamId, ctx.teamId),
        inArray(measurements.kpiId, [...kpiIds]),
        after ? or(gt(measurements.kpiId, after.kpiId), and(eq(measurements.kpiId, after.kpiId), gt(measurements.period, after.period))) : undefined,
      ),
    )
    .orderBy(asc(measurements.kpiId), asc(measurements.period))
    .limit(page.limit);
}
