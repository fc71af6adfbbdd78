// One scorecard with everything its scores depend on, in a fixed number of queries
// whatever its size: the dashboard, the editor, the journey canvas and the API read it.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { kpis, measurements, objectiveStages, objectives, perspectives, scorecards, stages, type Kpi, type Objective, type Perspective, type Scorecard } from "../schema";

export interface LatestMeasurement {
  kpiId: string;
  period: string;
  value: number;
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
  if (kpiIds.length === 0) return [];
  const ranked = tx
    .select({
      kpiId: measurements.kpiId,
      period: measurements.period,
      value: measurements.value,
      rank: sql<number>`row_number() over (partition by ${measurements.kpiId} order by ${measurements.period} desc)`.as("rank"),
    })
    .from(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), inArray(measurements.kpiId, kpiIds), lte(measurements.period, asOf)))
    .as("ranked");
  return tx.select({ kpiId: ranked.kpiId, period: ranked.period, value: ranked.value }).from(ranked).where(lte(ranked.rank, 2));
}

export async function loadScorecardTree(tx: Tx, ctx: { teamId: string }, scorecardId: string, asOf: string): Promise<ScorecardTree | undefined> {
  const [scorecard] = await tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.id, scorecardId)))
    .limit(1);
  if (!scorecard) return undefined;
  const inCard = (table: typeof perspectives | typeof objectives) => and(eq(table.teamId, ctx.teamId), eq(table.scorecardId, scorecardId));
  const perspectiveRows = await tx.select().from(perspectives).where(inCard(perspectives)).orderBy(asc(perspectives.position));
  const objectiveRows = await tx.select().from(objectives).where(inCard(objectives)).orderBy(asc(objectives.position), asc(objectives.createdAt));
  const objectiveIds = objectiveRows.map((o) => o.id);
  const links = objectiveIds.length
    ? await tx
        .select({ objectiveId: objectiveStages.objectiveId, stageId: objectiveStages.stageId })
        .from(objectiveStages)
        .innerJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
        .where(and(eq(objectiveStages.teamId, ctx.teamId), inArray(objectiveStages.objectiveId, objectiveIds)))
        .orderBy(asc(stages.position))
    : [];
  const kpiRows = objectiveIds.length
    ? await tx
        .select()
        .from(kpis)
        .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.objectiveId, objectiveIds)))
        .orderBy(asc(kpis.position), asc(kpis.createdAt))
    : [];
  const stageIds = new Map<string, string[]>();
  for (const link of links) stageIds.set(link.objectiveId, [...(stageIds.get(link.objectiveId) ?? []), link.stageId]);
  return {
    scorecard,
    perspectives: perspectiveRows,
    objectives: objectiveRows,
    stageIds,
    kpis: kpiRows,
    measurements: await latestMeasurements(tx, ctx, kpiRows.map((k) => k.id), asOf),
  };
}

/** The objectives (of any scorecard) that serve the stages of one journey, with their KPIs and latest values. */
export async function loadJourneyAlignment(tx: Tx, ctx: { teamId: string }, journeyId: string, asOf: string) {
  const links = await tx
    .select({ objectiveId: objectiveStages.objectiveId, stageId: objectiveStages.stageId })
    .from(objectiveStages)
    .innerJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
    .where(and(eq(objectiveStages.teamId, ctx.teamId), eq(stages.journeyId, journeyId)));
  const objectiveIds = [...new Set(links.map((l) => l.objectiveId))];
  if (objectiveIds.length === 0) return { links, objectives: [], kpis: [], measurements: [] };
  const objectiveRows = await tx
    .select({ id: objectives.id, title: objectives.title, weight: objectives.weight, perspectiveKind: perspectives.kind, scorecardId: objectives.scorecardId })
    .from(objectives)
    .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
    .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.id, objectiveIds)));
  const kpiRows = await tx.select().from(kpis).where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.objectiveId, objectiveIds)));
  return { links, objectives: objectiveRows, kpis: kpiRows, measurements: await latestMeasurements(tx, ctx, kpiRows.map((k) => k.id), asOf) };
}
