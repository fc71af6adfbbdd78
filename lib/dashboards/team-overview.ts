// The team overview in numbers: each scorecard's health (with its perspectives and the trend
// since the previous period) and each journey's stage health. Pure: rows in, summaries out,
// every score from the scoring module.
import type { Kpi, Objective, Perspective, Scorecard } from "@/db/schema";
import { evaluateScorecard, stageHealthById, type MeasurementRow } from "@/lib/scorecards/evaluate";
import type { TeamCalendar } from "@/lib/periods";
import { stageHealth, trend, type Coverage, type Status, type Trend } from "@/lib/scoring";
import { pushTo } from "@/lib/collections";
import { buildOrgTree, descendantsOf } from "@/lib/scorecards/org-tree";

export interface OverviewRows {
  scorecards: Scorecard[];
  perspectives: Perspective[];
  objectives: Objective[];
  links: Array<{ objectiveId: string; stageId: string }>;
  kpis: Kpi[];
  current: MeasurementRow[];
  previous: MeasurementRow[];
  journeys: Array<{ id: string; name: string; personaName: string }>;
  stages: Array<{ id: string; journeyId: string; name: string; position: number; emotion: number | null }>;
}

export interface ScorecardSummary {
  id: string;
  name: string;
  /** The unit above in the organisation tree, when there is one. */
  parentId: string | null;
  description: string;
  score: number | null;
  status: Status;
  coverage: Coverage;
  previousScore: number | null;
  trend: Trend | null;
  perspectives: Array<{ id: string; name: string; score: number | null; status: Status }>;
  kpiStatus: Record<Status, number>;
  kpiCount: number;
}

export interface JourneySummary {
  id: string;
  name: string;
  personaName: string;
  score: number | null;
  status: Status;
  stages: Array<{ id: string; name: string; score: number | null; status: Status; objectiveCount: number; emotion: number | null }>;
  /** Stages no objective serves: gaps in the alignment matrix. */
  gaps: number;
}

/**
 * Live scorecards at the top of the organisation tree (no live parent) with live units below
 * them, each with how many: the dashboards list links to their organisation view.
 */
export function organisationRoots(scorecards: ReadonlyArray<Pick<ScorecardSummary, "id" | "name" | "parentId">>): Array<{ id: string; name: string; units: number }> {
  const tree = buildOrgTree(scorecards);
  return tree.roots
    .filter((root) => root.children.length > 0)
    .map((root) => ({ id: root.scorecard.id, name: root.scorecard.name, units: 1 + descendantsOf(tree, root.scorecard.id).length }));
}

export function summarizeTeam(rows: OverviewRows, asOf: string, previousAsOf: string, calendar: TeamCalendar): { scorecards: ScorecardSummary[]; journeys: JourneySummary[] } {
  const stageIds = new Map<string, string[]>();
  for (const link of rows.links) pushTo(stageIds, link.objectiveId, link.stageId);

  const scorecards = rows.scorecards.map((scorecard): ScorecardSummary => {
    const perspectives = rows.perspectives.filter((p) => p.scorecardId === scorecard.id);
    const objectives = rows.objectives.filter((o) => o.scorecardId === scorecard.id);
    const objectiveIds = new Set(objectives.map((o) => o.id));
    const kpis = rows.kpis.filter((k) => objectiveIds.has(k.objectiveId));
    const tree = { scorecard, perspectives, objectives, stageIds, kpis, measurements: rows.current };
    const now = evaluateScorecard(tree, asOf, calendar);
    const before = evaluateScorecard({ ...tree, measurements: rows.previous }, previousAsOf, calendar);
    const kpiStatus: Record<Status, number> = { green: 0, amber: 0, red: 0, grey: 0 };
    for (const p of now.perspectives) for (const o of p.objectives) for (const k of o.kpis) kpiStatus[k.evaluation.stale ? "grey" : k.evaluation.status]++;
    return {
      id: scorecard.id,
      name: scorecard.name,
      parentId: scorecard.parentId,
      description: scorecard.description,
      score: now.rollup.score,
      status: now.rollup.status,
      coverage: now.rollup.coverage,
      previousScore: before.rollup.score,
      trend: trend(now.rollup.score, before.rollup.score),
      perspectives: now.perspectives.map((p) => ({ id: p.perspective.id, name: p.perspective.name, score: p.rollup.score, status: p.rollup.status })),
      kpiStatus,
      kpiCount: kpis.length,
    };
  });

  // Stage health counts the objectives of live scorecards only.
  const liveScorecards = new Set(rows.scorecards.map((s) => s.id));
  const liveObjectives = rows.objectives.filter((o) => liveScorecards.has(o.scorecardId));
  const liveObjectiveIds = new Set(liveObjectives.map((o) => o.id));
  const links = rows.links.filter((l) => liveObjectiveIds.has(l.objectiveId));
  const health = stageHealthById(
    { links, objectives: liveObjectives, kpis: rows.kpis.filter((k) => liveObjectiveIds.has(k.objectiveId)), measurements: rows.current },
    asOf,
    calendar,
  );
  const servingCount = new Map<string, number>();
  for (const link of links) servingCount.set(link.stageId, (servingCount.get(link.stageId) ?? 0) + 1);

  const journeys = rows.journeys.map((journey): JourneySummary => {
    const journeyStages = rows.stages
      .filter((s) => s.journeyId === journey.id)
      .sort((a, b) => a.position - b.position)
      .map((s) => {
        const h = health.get(s.id);
        return { id: s.id, name: s.name, score: h?.score ?? null, status: h?.status ?? "grey", objectiveCount: servingCount.get(s.id) ?? 0, emotion: s.emotion };
      });
    // A journey's health: the plain mean of its stages' health (each stage counts once).
    const overall = stageHealth(journeyStages.map((s) => ({ score: s.score, weight: 1 })));
    return {
      id: journey.id,
      name: journey.name,
      personaName: journey.personaName,
      score: overall.score,
      status: overall.status,
      stages: journeyStages,
      gaps: journeyStages.filter((s) => s.objectiveCount === 0).length,
    };
  });

  return { scorecards, journeys };
}
