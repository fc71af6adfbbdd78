// Scorecards and their perspectives, bound to one team. The list page loads every
// scorecard's tree in a fixed number of queries (no query per scorecard).
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { journeys, kpis, objectiveStages, objectives, perspectives, scorecards, stages, type Perspective, type Scorecard } from "../schema";
import { latestMeasurementsAt, type LatestMeasurement, type ScorecardTree } from "./scorecard-tree";
import { clock } from "@/lib/clock";
import { pushTo } from "@/lib/collections";

type Ctx = { teamId: string };

export async function listScorecards(tx: Tx, ctx: Ctx) {
  return tx
    .select({ scorecard: scorecards, journeyName: journeys.name })
    .from(scorecards)
    .leftJoin(journeys, and(eq(journeys.teamId, scorecards.teamId), eq(journeys.id, scorecards.journeyId)))
    .where(eq(scorecards.teamId, ctx.teamId))
    .orderBy(sql`${scorecards.archivedAt} is not null`, asc(scorecards.name), asc(scorecards.createdAt));
}

/** The named scorecards' rows (a subtree of the organisation), by name. */
export async function listScorecardsByIds(tx: Tx, ctx: Ctx, ids: readonly string[]): Promise<Scorecard[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), inArray(scorecards.id, [...ids])))
    .orderBy(asc(scorecards.name));
}

/**
 * Serialises the plan-limit check within one team until the transaction ends, so two
 * scorecards created at the same moment cannot both pass "fewer than the limit".
 */
export async function lockScorecardCount(tx: Tx, ctx: Ctx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`scorecards:${ctx.teamId}`}, 0))`);
}

/** Scorecards that count against the plan: archived ones do not. */
export async function countActiveScorecards(tx: Tx, ctx: Ctx): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), isNull(scorecards.archivedAt)));
  return Number(row?.n ?? 0);
}

export async function insertScorecard(tx: Tx, ctx: Ctx, values: { name: string; description: string; journeyId: string | null; parentId?: string | null }): Promise<Scorecard> {
  const [row] = await tx.insert(scorecards).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

export async function insertPerspectives(
  tx: Tx,
  ctx: Ctx,
  scorecardId: string,
  values: ReadonlyArray<{ kind: Perspective["kind"]; name: string; weight: number }>,
): Promise<Perspective[]> {
  if (values.length === 0) return [];
  return tx
    .insert(perspectives)
    .values(values.map((p, position) => ({ ...p, position, scorecardId, teamId: ctx.teamId })))
    .returning();
}

/** Conditional on the version the person saw; 0 rows means stale or gone (the caller tells which). */
export async function deleteScorecardRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number) {
  return tx
    .delete(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.id, id), eq(scorecards.version, expectedVersion)))
    .returning({ id: scorecards.id, name: scorecards.name });
}

export async function listPerspectives(tx: Tx, ctx: Ctx, scorecardId: string): Promise<Perspective[]> {
  return tx
    .select()
    .from(perspectives)
    .where(and(eq(perspectives.teamId, ctx.teamId), eq(perspectives.scorecardId, scorecardId)))
    .orderBy(asc(perspectives.position), asc(perspectives.createdAt));
}

/** Moves a perspective to `position` and bumps its version (used for the neighbour of a swap). */
export async function setPerspectivePosition(tx: Tx, ctx: Ctx, id: string, position: number) {
  const [row] = await tx
    .update(perspectives)
    .set({ position, version: sql`${perspectives.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(perspectives.teamId, ctx.teamId), eq(perspectives.id, id)))
    .returning();
  return row;
}

/** Journeys a scorecard can be tied to. */
export async function listJourneyOptions(tx: Tx, ctx: Ctx) {
  return tx
    .select({ id: journeys.id, name: journeys.name })
    .from(journeys)
    .where(and(eq(journeys.teamId, ctx.teamId), isNull(journeys.archivedAt)))
    .orderBy(asc(journeys.name));
}

export async function listJourneyStages(tx: Tx, ctx: Ctx, journeyId: string | null) {
  if (!journeyId) return [];
  return tx
    .select({ id: stages.id, name: stages.name, position: stages.position })
    .from(stages)
    .where(and(eq(stages.teamId, ctx.teamId), eq(stages.journeyId, journeyId)))
    .orderBy(asc(stages.position));
}

/**
 * The trees of several scorecards at once (the list page's scores): five queries whatever
 * the number of scorecards, objectives or KPIs. With `previousAsOf`, each tree also carries the
 * latest values as of that date (the dashboards' comparison), read in the same statement.
 */
export async function loadScorecardTrees(
  tx: Tx,
  ctx: Ctx,
  list: Scorecard[],
  asOf: string,
  options: { previousAsOf?: string } = {},
): Promise<Array<ScorecardTree & { previousMeasurements: LatestMeasurement[] }>> {
  if (list.length === 0) return [];
  const ids = list.map((s) => s.id);
  const perspectiveRows = await tx
    .select()
    .from(perspectives)
    .where(and(eq(perspectives.teamId, ctx.teamId), inArray(perspectives.scorecardId, ids)))
    .orderBy(asc(perspectives.position));
  const objectiveRows = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.scorecardId, ids)))
    .orderBy(asc(objectives.position), asc(objectives.createdAt));
  const objectiveIds = objectiveRows.map((o) => o.id);
  const links = objectiveIds.length
    ? await tx
        .select({ objectiveId: objectiveStages.objectiveId, stageId: objectiveStages.stageId })
        .from(objectiveStages)
        .where(and(eq(objectiveStages.teamId, ctx.teamId), inArray(objectiveStages.objectiveId, objectiveIds)))
    : [];
  const kpiRows = objectiveIds.length
    ? await tx
        .select()
        .from(kpis)
        .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.objectiveId, objectiveIds)))
        .orderBy(asc(kpis.position), asc(kpis.createdAt))
    : [];
  const { current: values, previous } = await latestMeasurementsAt(tx, ctx, kpiRows.map((k) => k.id), asOf, options.previousAsOf);

  const stageIds = new Map<string, string[]>();
  for (const link of links) pushTo(stageIds, link.objectiveId, link.stageId);
  const objectiveScorecard = new Map(objectiveRows.map((o) => [o.id, o.scorecardId]));
  const kpiScorecard = new Map(kpiRows.map((k) => [k.id, objectiveScorecard.get(k.objectiveId)]));
  return list.map((scorecard) => ({
    scorecard,
    perspectives: perspectiveRows.filter((p) => p.scorecardId === scorecard.id),
    objectives: objectiveRows.filter((o) => o.scorecardId === scorecard.id),
    stageIds,
    kpis: kpiRows.filter((k) => objectiveScorecard.get(k.objectiveId) === scorecard.id),
    measurements: values.filter((m) => kpiScorecard.get(m.kpiId) === scorecard.id),
    previousMeasurements: previous.filter((m) => kpiScorecard.get(m.kpiId) === scorecard.id),
  }));
}
