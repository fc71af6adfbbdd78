// Reads behind the executive dashboards, the team overview and the CSV export. Each loader
// runs a fixed number of statements whatever the scorecard's size (tests count them).
import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../client";
import {
  initiatives, journeys, kpis, measurements, memberships, objectiveStages, objectives, perspectives, scorecards, stages, users,
} from "../schema";
import { latestMeasurementsAt, loadScorecardTree } from "./scorecard-tree";
import type { DashboardSource } from "@/lib/dashboards/build-dashboard";

/**
 * Display names of team members, by user id. Names only: what this returns can end up on the
 * public share page, so e-mail addresses never leave the database here.
 */
export async function loadMemberNames(tx: Tx, ctx: { teamId: string }, userIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, ctx.teamId), inArray(memberships.userId, ids)));
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name!]));
}

/**
 * Everything one dashboard needs except the KPI history: the scorecard tree with the latest
 * values as of `asOf`, the latest values as of `previousAsOf` (for the comparison), the
 * initiatives of its objectives, the journey stages for the heatmap and the owners' names.
 */
export async function loadDashboardSource(
  tx: Tx,
  ctx: { teamId: string },
  scorecardId: string,
  asOf: string,
  previousAsOf: string,
): Promise<DashboardSource | undefined> {
  const loaded = await loadScorecardTree(tx, ctx, scorecardId, asOf, { previousAsOf });
  if (!loaded) return undefined;
  const { previousMeasurements, ...tree } = loaded;
  const objectiveIds = tree.objectives.map((o) => o.id);

  const initiativeRows = await listInitiativesOf(tx, ctx, objectiveIds);

  const explanations = explanationsOf(tree.measurements);

  // The scorecard's own journey, plus any other journey whose stages its objectives serve.
  const linkedStageIds = [...new Set([...tree.stageIds.values()].flat())];
  const stageFilter = [
    ...(tree.scorecard.journeyId ? [eq(stages.journeyId, tree.scorecard.journeyId)] : []),
    ...(linkedStageIds.length ? [inArray(stages.id, linkedStageIds)] : []),
  ];
  const stageRows = stageFilter.length
    ? await tx
        .select({ id: stages.id, name: stages.name, position: stages.position, journeyId: stages.journeyId, journeyName: journeys.name })
        .from(stages)
        .innerJoin(journeys, and(eq(journeys.teamId, stages.teamId), eq(journeys.id, stages.journeyId)))
        .where(and(eq(stages.teamId, ctx.teamId), or(...stageFilter)))
        .orderBy(asc(journeys.name), asc(stages.position))
    : [];

  const ownerIds = [...tree.objectives.map((o) => o.ownerId), ...tree.kpis.map((k) => k.ownerId), ...initiativeRows.map((i) => i.ownerId)].filter(
    (id): id is string => id !== null,
  );
  return {
    tree,
    previousMeasurements,
    initiatives: initiativeRows,
    stages: stageRows,
    ownerNames: await loadMemberNames(tx, ctx, ownerIds),
    explanations,
  };
}

/**
 * Every measurement of the given KPIs whose period starts within [from, to], in one statement
 * (sparklines, detail charts and the CSV export read it; never one query per KPI).
 */
export async function loadKpiMeasurements(tx: Tx, ctx: { teamId: string }, kpiIds: string[], range: { from: string; to: string }) {
  if (kpiIds.length === 0) return [];
  return tx
    .select({ kpiId: measurements.kpiId, period: measurements.period, value: measurements.value, note: measurements.note })
    .from(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), inArray(measurements.kpiId, kpiIds), gte(measurements.period, range.from), lte(measurements.period, range.to)))
    .orderBy(asc(measurements.kpiId), asc(measurements.period));
}

/**
 * The whole team at a glance: every live scorecard and journey with what their health depends
 * on, as of `asOf` and `previousAsOf`. Eight statements, whatever the number of scorecards.
 */
export async function loadTeamOverview(tx: Tx, ctx: { teamId: string }, asOf: string, previousAsOf: string) {
  const scorecardRows = await tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), isNull(scorecards.archivedAt)))
    .orderBy(asc(scorecards.name), asc(scorecards.createdAt));
  const perspectiveRows = await tx.select().from(perspectives).where(eq(perspectives.teamId, ctx.teamId)).orderBy(asc(perspectives.position));
  const objectiveRows = await tx.select().from(objectives).where(eq(objectives.teamId, ctx.teamId)).orderBy(asc(objectives.position), asc(objectives.createdAt));
  const links = await tx
    .select({ objectiveId: objectiveStages.objectiveId, stageId: objectiveStages.stageId })
    .from(objectiveStages)
    .where(eq(objectiveStages.teamId, ctx.teamId));
  const kpiRows = await tx.select().from(kpis).where(eq(kpis.teamId, ctx.teamId)).orderBy(asc(kpis.position), asc(kpis.createdAt));
  const kpiIds = kpiRows.map((k) => k.id);
  const { current, previous } = await latestMeasurementsAt(tx, ctx, kpiIds, asOf, previousAsOf);
  const journeyRows = await tx
    .select({ id: journeys.id, name: journeys.name, personaName: journeys.personaName })
    .from(journeys)
    .where(and(eq(journeys.teamId, ctx.teamId), isNull(journeys.archivedAt)))
    .orderBy(asc(journeys.name), asc(journeys.createdAt));
  const stageRows = await tx
    .select({ id: stages.id, journeyId: stages.journeyId, name: stages.name, position: stages.position, emotion: stages.emotion })
    .from(stages)
    .where(eq(stages.teamId, ctx.teamId))
    .orderBy(asc(stages.position));
  return { scorecards: scorecardRows, perspectives: perspectiveRows, objectives: objectiveRows, links, kpis: kpiRows, current, previous, journeys: journeyRows, stages: stageRows };
}

export type TeamOverviewRows = Awaited<ReturnType<typeof loadTeamOverview>>;

/** Get-or-undefined for the scorecard a dashboard (or a share link) shows. */
export async function findDashboardScorecard(tx: Tx, ctx: { teamId: string }, scorecardId: string) {
  const [row] = await tx
    .select({ id: scorecards.id, name: scorecards.name })
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.id, scorecardId)))
    .limit(1);
  return row;
}

/** One KPI of one scorecard (its id and frequency), or undefined when the KPI is not on that scorecard. */
export async function findScorecardKpi(tx: Tx, ctx: { teamId: string }, scorecardId: string, kpiId: string) {
  const [row] = await tx
    .select({ id: kpis.id, frequency: kpis.frequency })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .where(and(eq(kpis.teamId, ctx.teamId), eq(kpis.id, kpiId), eq(objectives.scorecardId, scorecardId)))
    .limit(1);
  return row;
}

/** The initiatives of a set of objectives, as the dashboard shows them (one statement). */
export async function listInitiativesOf(tx: Tx, ctx: { teamId: string }, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  return tx
    .select({
      id: initiatives.id,
      objectiveId: initiatives.objectiveId,
      title: initiatives.title,
      ownerId: initiatives.ownerId,
      dueDate: initiatives.dueDate,
      status: initiatives.status,
      progress: initiatives.progress,
    })
    .from(initiatives)
    .where(and(eq(initiatives.teamId, ctx.teamId), inArray(initiatives.objectiveId, objectiveIds)));
}

/** Why KPIs are off track ("red needs a reason"): read with the latest values, no extra statement. */
export function explanationsOf(values: ReadonlyArray<{ kpiId: string; period: string; reason?: string }>) {
  return values.flatMap((m) => (m.reason ? [{ kpiId: m.kpiId, period: m.period, reason: m.reason }] : []));
}
