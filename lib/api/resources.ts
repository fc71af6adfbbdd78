// The API's representations (DESIGN.md field names) built from the same loaders and the same
// scoring as the app's pages: a scorecard tree evaluated as of the team's today, a journey's
// stages with their health. Each loader runs in the caller's team transaction.
import type { Tx } from "@/db/client";
import { findKpisWithScorecard, listJourneysPage, listScorecardsPage, type CreatedKey } from "@/db/queries/api-reads";
import { loadJourneyTree } from "@/db/queries/journeys";
import { latestMeasurements, loadJourneyAlignment, loadScorecardTree } from "@/db/queries/scorecard-tree";
import { listContributionsOfScorecards } from "@/db/queries/contributions";
import { loadOrgTree } from "@/db/queries/org-tree";
import { listScorecardsByIds, loadScorecardTrees } from "@/db/queries/scorecards";
import { pushTo } from "@/lib/collections";
import { findInTeam } from "@/db/queries/versioned";
import { objectives, type Journey } from "@/db/schema";
import { teamDataCache, type TeamVersion } from "@/lib/cache/team-data-cache";
import type { TeamCalendar } from "@/lib/periods";
import {
  evaluateKpiRow, evaluateScorecard, GREY, stageHealthById, teamToday, type EvaluatedKpi, type EvaluatedObjective, type EvaluatedScorecard,
} from "@/lib/scorecards/evaluate";
import type { JourneyJson, JourneySummaryJson, KpiJson, ObjectiveJson, ScorecardJson, ScorecardSummaryJson } from "@/lib/validation/api";

type Ctx = { teamId: string };

export function kpiJson({ kpi, evaluation }: EvaluatedKpi): KpiJson {
  return {
    id: kpi.id,
    objectiveId: kpi.objectiveId,
    name: kpi.name,
    description: kpi.description,
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    targetMax: kpi.targetMax,
    redThreshold: kpi.redThreshold,
    frequency: kpi.frequency,
    indicator: kpi.indicator,
    source: kpi.source,
    ownerId: kpi.ownerId,
    weight: kpi.weight,
    version: kpi.version,
    latest: evaluation.period !== null && evaluation.value !== null ? { period: evaluation.period, value: evaluation.value } : null,
    status: evaluation.status,
    score: evaluation.score,
  };
}

/** Objective id → the objectives above it contributes to (ContributionsOf), from one query per scorecard. */
type ContributionsOf = ReadonlyMap<string, string[]>;

export function objectiveJson({ objective, stageIds, rollup, kpis }: EvaluatedObjective, contributions: ContributionsOf = new Map()): ObjectiveJson {
  return {
    id: objective.id,
    perspectiveId: objective.perspectiveId,
    title: objective.title,
    description: objective.description,
    ownerId: objective.ownerId,
    weight: objective.weight,
    stageIds,
    contributesTo: contributions.get(objective.id) ?? [],
    version: objective.version,
    score: rollup.score,
    status: rollup.status,
    kpis: kpis.map(kpiJson),
  };
}

export function scorecardSummaryJson({ scorecard, rollup }: EvaluatedScorecard): ScorecardSummaryJson {
  return { id: scorecard.id, name: scorecard.name, journeyId: scorecard.journeyId, parentId: scorecard.parentId, version: scorecard.version, score: rollup.score, status: rollup.status };
}

export function scorecardJson(evaluated: EvaluatedScorecard, contributions: ContributionsOf = new Map()): ScorecardJson {
  return {
    ...scorecardSummaryJson(evaluated),
    perspectives: evaluated.perspectives.map(({ perspective, rollup, objectives: list }) => ({
      id: perspective.id,
      name: perspective.name,
      kind: perspective.kind,
      weight: perspective.weight,
      score: rollup.score,
      status: rollup.status,
      objectives: list.map((o) => objectiveJson(o, contributions)),
    })),
  };
}

export function journeySummaryJson(journey: Journey): JourneySummaryJson {
  return { id: journey.id, name: journey.name, persona: journey.personaName, version: journey.version };
}

async function evaluatedScorecard(tx: Tx, ctx: Ctx, calendar: TeamCalendar, scorecardId: string): Promise<EvaluatedScorecard | undefined> {
  const asOf = teamToday(calendar);
  const tree = await loadScorecardTree(tx, ctx, scorecardId, asOf);
  return tree ? evaluateScorecard(tree, asOf, calendar) : undefined;
}

async function contributionsOf(tx: Tx, ctx: Ctx, scorecardId: string): Promise<ContributionsOf> {
  const map = new Map<string, string[]>();
  for (const c of await listContributionsOfScorecards(tx, ctx, [scorecardId])) pushTo(map, c.objectiveId, c.parentObjectiveId);
  return map;
}

export async function loadScorecardJson(tx: Tx, ctx: Ctx, calendar: TeamCalendar, scorecardId: string): Promise<ScorecardJson | undefined> {
  const evaluated = await evaluatedScorecard(tx, ctx, calendar, scorecardId);
  return evaluated ? scorecardJson(evaluated, await contributionsOf(tx, ctx, scorecardId)) : undefined;
}

// What integrations poll: a scorecard's JSON is kept until the team's data version moves.
const keptScorecards = teamDataCache<ScorecardJson | undefined>(200);

/**
 * GET /scorecards/{id}. Only for a read: a write's own transaction sees its uncommitted
 * changes, and neither a kept copy nor the team row read before it does.
 */
export function readScorecardJson(tx: Tx, ctx: Ctx, team: TeamVersion, calendar: TeamCalendar, scorecardId: string): Promise<ScorecardJson | undefined> {
  const key = [scorecardId, teamToday(calendar), calendar.timeZone, calendar.fiscalYearStartMonth].join("|");
  return keptScorecards(team, key, () => loadScorecardJson(tx, ctx, calendar, scorecardId));
}

/** The objective as it sits in its scorecard, scored with its siblings' data. */
export async function loadObjectiveJson(tx: Tx, ctx: Ctx, calendar: TeamCalendar, objectiveId: string): Promise<ObjectiveJson | undefined> {
  const row = await findInTeam(tx, objectives, ctx, objectiveId);
  if (!row) return undefined;
  const evaluated = await evaluatedScorecard(tx, ctx, calendar, row.scorecardId);
  const found = evaluated?.perspectives.flatMap((p) => p.objectives).find((o) => o.objective.id === objectiveId);
  return found ? objectiveJson(found, await contributionsOf(tx, ctx, row.scorecardId)) : undefined;
}

export async function loadKpiJson(tx: Tx, ctx: Ctx, calendar: TeamCalendar, kpiId: string): Promise<KpiJson | undefined> {
  const found = (await findKpisWithScorecard(tx, ctx, [kpiId])).get(kpiId);
  if (!found) return undefined;
  const asOf = teamToday(calendar);
  const rows = await latestMeasurements(tx, ctx, [kpiId], asOf);
  return kpiJson({ kpi: found.kpi, evaluation: evaluateKpiRow(found.kpi, rows, asOf, calendar) });
}

export async function loadJourneyJson(tx: Tx, ctx: Ctx, calendar: TeamCalendar, journeyId: string): Promise<JourneyJson | undefined> {
  const tree = await loadJourneyTree(tx, ctx, journeyId);
  if (!tree) return undefined;
  const asOf = teamToday(calendar);
  const health = stageHealthById(await loadJourneyAlignment(tx, ctx, journeyId, asOf), asOf, calendar);
  return {
    ...journeySummaryJson(tree.journey),
    stages: tree.stages.map((stage) => {
      const rollup = health.get(stage.id) ?? GREY;
      return { id: stage.id, name: stage.name, position: stage.position, emotion: stage.emotion, health: { score: rollup.score, status: rollup.status } };
    }),
  };
}

/** One page of scorecard summaries, scored in a fixed number of queries whatever the page size. */
export async function loadScorecardSummaries(tx: Tx, ctx: Ctx, calendar: TeamCalendar, page: { after?: CreatedKey; limit: number }) {
  const rows = await listScorecardsPage(tx, ctx, page);
  const asOf = teamToday(calendar);
  const trees = await loadScorecardTrees(tx, ctx, rows.map((r) => r.scorecard), asOf);
  return rows.map((row, i) => ({ json: scorecardSummaryJson(evaluateScorecard(trees[i]!, asOf, calendar)), key: row.key }));
}

/** The scorecards directly below one, scored in a fixed number of queries whatever their number. */
export async function loadScorecardChildren(tx: Tx, ctx: Ctx, calendar: TeamCalendar, scorecardId: string): Promise<ScorecardSummaryJson[] | undefined> {
  const tree = await loadOrgTree(tx, ctx);
  const node = tree.byId.get(scorecardId);
  if (!node) return undefined;
  const rows = await listScorecardsByIds(tx, ctx, node.children.map((c) => c.scorecard.id));
  const asOf = teamToday(calendar);
  const trees = await loadScorecardTrees(tx, ctx, rows, asOf);
  return trees.map((t) => scorecardSummaryJson(evaluateScorecard(t, asOf, calendar)));
}

export async function loadJourneySummaries(tx: Tx, ctx: Ctx, page: { after?: CreatedKey; limit: number }) {
  const rows = await listJourneysPage(tx, ctx, page);
  return rows.map((row) => ({ json: journeySummaryJson(row.journey), key: row.key }));
}
