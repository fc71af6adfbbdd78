// One scorecard with everything its scores depend on, in a fixed number of queries
// whatever its size: the dashboard, the editor, the journey canvas and the API read it.
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { kpiExplanations, kpis, measurements, objectiveStages, objectives, perspectives, scorecards, stages, type Kpi, type Objective, type Perspective, type Scorecard } from "../schema";

export interface LatestMeasurement {
  kpiId: string;
  period: string;
  value: number;
  /** Why the KPI is off track in this period, when someone said ("red needs a reason"). */
  reason?: string;
}

export interface ScorecardTree {
  scorecard: Scorecard;
  perspectives: Perspective[];
  objectives: Objective[];
  /** objective id → ids of the journey stages it serves */
  stageIds: Map<string, string[]>;
  kpis: Kpi[];
  /** The two most recent values at or before the as-of date, per KPI (enough for status and trend). */
  measurements: LatestMeasurement[];
}

/** The two latest measurements per KPI up to `asOf` (ISO date), for any set of KPIs. */
export async function latestMeasurements(tx: Tx, ctx: { teamId: string }, kpiIds: string[], asOf: string): Promise<LatestMeasurement[]> {
  return (await latestMeasurementsAt(tx, ctx, kpiIds, asOf)).current;
}

/**
 * The two latest measurements per KPI up to `asOf` and, when asked, up to an earlier
 * `previousAsOf` too (the dashboard's comparison), in one statement. Each KPI reads its two
 * rows straight off the (team_id, kpi_id, period) index, backwards (a lateral LIMIT 2), so the
 * cost follows the number of KPIs, not the years of history behind them.
 */
export async function latestMeasurementsAt(
  tx: Tx,
  ctx: { teamId: string },
  kpiIds: string[],
  asOf: string,
  previousAsOf?: string,
): Promise<{ current: LatestMeasurement[]; previous: LatestMeasurement[] }> {
  if (kpiIds.length === 0) return { current: [], previous: [] };
  const latestTwo = (bound: string, previous: boolean) => {
    const latest = tx
      .select({ period: measurements.period, value: measurements.value })
      .from(measurements)
      .where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.kpiId, kpis.id), lte(measurements.period, bound)))
      .orderBy(desc(measurements.period))
      .limit(2)
      .as(previous ? "previous_latest" : "latest");
    return (
      tx
        .select({ kpiId: kpis.id, period: latest.period, value: latest.value, reason: kpiExplanations.reason, previous: sql<boolean>`${previous}::boolean`.as("previous") })
        .from(kpis)
        .crossJoinLateral(latest)
        // The explanation of a value rides along (same statement): the dashboard's needs-attention reads it.
        .leftJoin(kpiExplanations, and(eq(kpiExplanations.teamId, ctx.teamId), eq(kpiExplanations.kpiId, kpis.id), eq(kpiExplanations.period, latest.period)))
        .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.id, kpiIds)))
    );
  };
  const rows = await (previousAsOf === undefined ? latestTwo(asOf, false) : unionAll(latestTwo(asOf, false), latestTwo(previousAsOf, true)));
  const pick = (r: (typeof rows)[number]): LatestMeasurement => ({ kpiId: r.kpiId, period: r.period, value: r.value, ...(r.reason ? { reason: r.reason } : {}) });
  return { current: rows.filter((r) => !r.previous).map(pick), previous: rows.filter((r) => r.previous).map(pick) };
}

/**
 * The tree in four statements: the scorecard with its perspectives, the objectives with
 * their stage ids, the KPIs, and the latest values (also as of `previousAsOf` when given).
 */
export async function loadScorecardTree(
  tx: Tx,
  ctx: { teamId: string },
  scorecardId: string,
  asOf: string,
  options: { previousAsOf?: string } = {},
): Promise<(ScorecardTree & { previousMeasurements: LatestMeasurement[] }) | undefined> {
  const headRows = await tx
    .select({ scorecard: scorecards, perspective: perspectives })
    .from(scorecards)
    .leftJoin(perspectives, and(eq(perspectives.teamId, scorecards.teamId), eq(perspectives.scorecardId, scorecards.id)))
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.id, scorecardId)))
    .orderBy(asc(perspectives.position));
  const scorecard = headRows[0]?.scorecard;
  if (!scorecard) return undefined;
  const perspectiveRows = headRows.flatMap((r) => (r.perspective ? [r.perspective] : []));
  const objectiveRows = await tx
    .select({
      objective: objectives,
      // The served stages in stage order; an objective without any gets [].
      stageIds: sql<string[]>`coalesce(json_agg(${stages.id} order by ${stages.position}) filter (where ${stages.id} is not null), '[]'::json)`,
    })
    .from(objectives)
    .leftJoin(objectiveStages, and(eq(objectiveStages.teamId, objectives.teamId), eq(objectiveStages.objectiveId, objectives.id)))
    .leftJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
    .where(and(eq(objectives.teamId, ctx.teamId), eq(objectives.scorecardId, scorecardId)))
    .groupBy(objectives.teamId, objectives.id)
    .orderBy(asc(objectives.position), asc(objectives.createdAt));
  const objectiveIds = objectiveRows.map((o) => o.objective.id);
  const kpiRows = objectiveIds.length
    ? await tx
        .select()
        .from(kpis)
        .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.objectiveId, objectiveIds)))
        .orderBy(asc(kpis.position), asc(kpis.createdAt))
    : [];
  const stageIds = new Map<string, string[]>();
  for (const row of objectiveRows) {
    const ids = typeof row.stageIds === "string" ? (JSON.parse(row.stageIds) as string[]) : row.stageIds;
    if (ids.length) stageIds.set(row.objective.id, ids);
  }
  const latest = await latestMeasurementsAt(tx, ctx, kpiRows.map((k) => k.id), asOf, options.previousAsOf);
  return {
    scorecard,
    perspectives: perspectiveRows,
    objectives: objectiveRows.map((r) => r.objective),
    stageIds,
    kpis: kpiRows,
    measurements: latest.current,
    previousMeasurements: latest.previous,
  };
}

/** The objectives (of any scorecard) that serve the stages of one journey, with their KPIs and latest values. */
export async function loadJourneyAlignment(tx: Tx, ctx: { teamId: string }, journeyId: string, asOf: string) {
  // The links and their objectives in one statement: one row per (objective, stage) link.
  const rows = await tx
    .select({
      objectiveId: objectiveStages.objectiveId,
      stageId: objectiveStages.stageId,
      title: objectives.title,
      weight: objectives.weight,
      perspectiveKind: perspectives.kind,
      scorecardId: objectives.scorecardId,
    })
    .from(objectiveStages)
    .innerJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
    .innerJoin(objectives, and(eq(objectives.teamId, objectiveStages.teamId), eq(objectives.id, objectiveStages.objectiveId)))
    .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
    .where(and(eq(objectiveStages.teamId, ctx.teamId), eq(stages.journeyId, journeyId)));
  const links = rows.map((r) => ({ objectiveId: r.objectiveId, stageId: r.stageId }));
  const objectiveRows = [...new Map(rows.map((r) => [r.objectiveId, { id: r.objectiveId, title: r.title, weight: r.weight, perspectiveKind: r.perspectiveKind, scorecardId: r.scorecardId }])).values()];
  if (objectiveRows.length === 0) return { links, objectives: [], kpis: [], measurements: [] };
  const objectiveIds = objectiveRows.map((o) => o.id);
  const kpiRows = await tx.select().from(kpis).where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.objectiveId, objectiveIds)));
  return { links, objectives: objectiveRows, kpis: kpiRows, measurements: await latestMeasurements(tx, ctx, kpiRows.map((k) => k.id), asOf) };
}
