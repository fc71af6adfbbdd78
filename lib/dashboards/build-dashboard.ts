// Loaded scorecard rows → everything the dashboard shows, with every number taken from the
// scoring module (evaluateScorecard) and nothing recomputed here. Pure and serialisable, so the
// same model renders the members' dashboard, the public share page and the CSV export.
import type { Kpi, Objective, Perspective, Scorecard } from "@/db/schema";
import { evaluateScorecard, type EvaluatedKpi, type MeasurementRow } from "@/lib/scorecards/evaluate";
import { formatPeriod, previousPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import { stageHealth, trend, type Coverage, type Status, type Trend } from "@/lib/scoring";
import { scorecardFigures, type UpdateLoopFigures } from "@/lib/update-loop/figures";
import type { KpiUnit } from "./format";
import type { DashboardPeriod } from "./period-selection";

export interface DashboardSource {
  tree: {
    scorecard: Scorecard;
    perspectives: Perspective[];
    objectives: Objective[];
    stageIds: Map<string, string[]>;
    kpis: Kpi[];
    measurements: MeasurementRow[];
  };
  /** The latest values as of the previous period's end (same shape as tree.measurements). */
  previousMeasurements: MeasurementRow[];
  initiatives: Array<{ id: string; objectiveId: string; title: string; ownerId: string | null; dueDate: string | null; status: InitiativeStatus; progress: number }>;
  /** The journey stages the heatmap can show, with their journey. */
  stages: Array<{ id: string; name: string; position: number; journeyId: string; journeyName: string }>;
  /** user id → display name; never an e-mail address (the share page is public). */
  ownerNames: Map<string, string>;
  /** Why KPIs are off track, per (KPI, period) ("red needs a reason"); absent reads as none. */
  explanations?: Array<{ kpiId: string; period: string; reason: string }>;
}

export type InitiativeStatus = "planned" | "in_progress" | "on_hold" | "done" | "canceled";

export interface ScoreSummary {
  score: number | null;
  status: Status;
  coverage: Coverage;
  previousScore: number | null;
  previousStatus: Status;
  /** Compared with the previous period of the selector. */
  trend: Trend | null;
}

export interface KpiView {
  id: string;
  objectiveId: string;
  objectiveTitle: string;
  perspectiveName: string;
  name: string;
  unit: KpiUnit;
  currency: string | null;
  direction: "up" | "down" | "range";
  target: number;
  targetMax: number | null;
  redThreshold: number;
  frequency: Frequency;
  indicator: "leading" | "lagging";
  weight: number;
  ownerName: string | null;
  /** Latest value as of the selected period, the period it belongs to, and its standing. */
  value: number | null;
  period: string | null;
  periodLabel: string | null;
  score: number | null;
  status: Status;
  stale: boolean;
  /** The KPI's own period before `period` (its label and score), and the direction since then. */
  priorPeriod: string | null;
  priorPeriodLabel: string | null;
  priorScore: number | null;
  ownTrend: Trend | null;
  /** The same KPI as of the previous period of the selector. */
  previousValue: number | null;
  previousScore: number | null;
  previousStatus: Status;
  trend: Trend | null;
}

export interface ObjectiveView extends ScoreSummary {
  id: string;
  title: string;
  ownerName: string | null;
  weight: number;
  stageIds: string[];
  kpis: KpiView[];
}

export interface PerspectiveView extends ScoreSummary {
  id: string;
  name: string;
  kind: "financial" | "customer" | "internal" | "learning";
  weight: number;
  objectives: ObjectiveView[];
}

export interface HeatmapCell {
  stageId: string;
  score: number | null;
  status: Status;
  /** How many of the perspective's objectives serve the stage; 0 is a gap in the alignment matrix. */
  objectiveCount: number;
}

export interface HeatmapView {
  journeyId: string;
  journeyName: string;
  stages: Array<{ id: string; name: string }>;
  rows: Array<{ perspectiveId: string; perspectiveName: string; cells: HeatmapCell[] }>;
  /** Each stage's health from every objective of the scorecard serving it. */
  overall: HeatmapCell[];
}

export interface AttentionKpi {
  id: string;
  name: string;
  objectiveTitle: string;
  ownerName: string | null;
  value: number | null;
  unit: KpiUnit;
  currency: string | null;
  periodLabel: string | null;
  score: number | null;
  status: Status;
  stale: boolean;
  /** Why it is off track in its latest period, when someone said. */
  explanation: string | null;
  /** An open initiative on its objective (the first, by title), when there is one. */
  plan: string | null;
}

export interface AttentionInitiative {
  id: string;
  title: string;
  objectiveTitle: string;
  ownerName: string | null;
  dueDate: string;
  daysOverdue: number;
  status: InitiativeStatus;
  progress: number;
}

export interface NeedsAttention {
  /** Red, with a current value (worst first). */
  offTrack: AttentionKpi[];
  /** Of those, the ones with neither an explanation nor an open initiative: red needs a reason. */
  unexplained: AttentionKpi[];
  /** Amber, with a current value (worst first). */
  atRisk: AttentionKpi[];
  /** No value yet, or only one older than the KPI's frequency allows (stale). */
  noCurrentValue: AttentionKpi[];
  /** Due before today and neither done nor canceled (oldest first). */
  pastDue: AttentionInitiative[];
}

export interface DashboardModel {
  scorecard: { id: string; name: string; description: string };
  period: DashboardPeriod;
  overall: ScoreSummary;
  perspectives: PerspectiveView[];
  heatmaps: HeatmapView[];
  attention: NeedsAttention;
  kpiCount: number;
  statusCounts: Record<Status, number>;
  /** Ownership coverage and freshness, as of the selected period. */
  updateLoop: UpdateLoopFigures;
}

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function summary(current: { score: number | null; status: Status; coverage: Coverage }, previous: { score: number | null; status: Status } | undefined): ScoreSummary {
  return {
    score: current.score,
    status: current.status,
    coverage: current.coverage,
    previousScore: previous?.score ?? null,
    previousStatus: previous?.status ?? "grey",
    trend: trend(current.score, previous?.score ?? null),
  };
}

/**
 * Builds the dashboard as of `period.asOf`, compared with `period.previous.asOf`.
 * `today` (the team's calendar date) decides which initiatives are past due.
 */
export function buildDashboard(source: DashboardSource, period: DashboardPeriod, calendar: TeamCalendar, today: string): DashboardModel {
  const { tree } = source;
  const current = evaluateScorecard(tree, period.asOf, calendar);
  const previous = evaluateScorecard({ ...tree, measurements: source.previousMeasurements }, period.previous.asOf, calendar);
  const name = (userId: string | null) => (userId ? (source.ownerNames.get(userId) ?? null) : null);

  const previousKpis = new Map<string, EvaluatedKpi>();
  const previousObjectives = new Map<string, { score: number | null; status: Status }>();
  const previousPerspectives = new Map<string, { score: number | null; status: Status }>();
  for (const p of previous.perspectives) {
    previousPerspectives.set(p.perspective.id, p.rollup);
    for (const o of p.objectives) {
      previousObjectives.set(o.objective.id, o.rollup);
      for (const k of o.kpis) previousKpis.set(k.kpi.id, k);
    }
  }

  const statusCounts: Record<Status, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  const perspectives: PerspectiveView[] = current.perspectives.map((p) => ({
    id: p.perspective.id,
    name: p.perspective.name,
    kind: p.perspective.kind,
    weight: p.perspective.weight,
    ...summary(p.rollup, previousPerspectives.get(p.perspective.id)),
    objectives: p.objectives.map((o) => ({
      id: o.objective.id,
      title: o.objective.title,
      ownerName: name(o.objective.ownerId),
      weight: o.objective.weight,
      stageIds: o.stageIds,
      ...summary(o.rollup, previousObjectives.get(o.objective.id)),
      kpis: o.kpis.map(({ kpi, evaluation }) => {
        const before = previousKpis.get(kpi.id)?.evaluation;
        const prior = evaluation.period ? previousPeriod(evaluation.period, kpi.frequency, calendar) : null;
        statusCounts[evaluation.stale ? "grey" : evaluation.status]++;
        return {
          id: kpi.id,
          objectiveId: o.objective.id,
          objectiveTitle: o.objective.title,
          perspectiveName: p.perspective.name,
          name: kpi.name,
          unit: kpi.unit,
          currency: kpi.currency,
          direction: kpi.direction,
          target: kpi.target,
          targetMax: kpi.targetMax,
          redThreshold: kpi.redThreshold,
          frequency: kpi.frequency,
          indicator: kpi.indicator,
          weight: kpi.weight,
          ownerName: name(kpi.ownerId),
          value: evaluation.value,
          period: evaluation.period,
          periodLabel: evaluation.period ? formatPeriod(evaluation.period, kpi.frequency, calendar) : null,
          score: evaluation.score,
          status: evaluation.status,
          stale: evaluation.stale,
          priorPeriod: prior,
          priorPeriodLabel: prior ? formatPeriod(prior, kpi.frequency, calendar) : null,
          priorScore: evaluation.previousScore,
          ownTrend: evaluation.trend,
          previousValue: before?.value ?? null,
          previousScore: before?.score ?? null,
          previousStatus: before?.status ?? "grey",
          trend: trend(evaluation.stale ? null : evaluation.score, before?.stale ? null : (before?.score ?? null)),
        } satisfies KpiView;
      }),
    })),
  }));

  const objectives = perspectives.flatMap((p) => p.objectives);
  const kpis = objectives.flatMap((o) => o.kpis);
  return {
    scorecard: { id: tree.scorecard.id, name: tree.scorecard.name, description: tree.scorecard.description },
    period,
    overall: summary(current.rollup, previous.rollup),
    perspectives,
    heatmaps: buildHeatmaps(perspectives, source.stages),
    attention: needsAttention(kpis, objectives, source.initiatives, name, today, source.explanations ?? []),
    kpiCount: kpis.length,
    statusCounts,
    updateLoop: scorecardFigures(current),
  };
}

/** Stages × perspectives: each cell is the health of that perspective's objectives serving that stage. */
export function buildHeatmaps(perspectives: PerspectiveView[], stages: DashboardSource["stages"]): HeatmapView[] {
  const journeys = new Map<string, HeatmapView>();
  const sorted = [...stages].sort((a, b) => a.journeyName.localeCompare(b.journeyName) || a.journeyId.localeCompare(b.journeyId) || a.position - b.position);
  for (const stage of sorted) {
    let journey = journeys.get(stage.journeyId);
    if (!journey) {
      journey = { journeyId: stage.journeyId, journeyName: stage.journeyName, stages: [], rows: [], overall: [] };
      journeys.set(stage.journeyId, journey);
    }
    journey.stages.push({ id: stage.id, name: stage.name });
  }
  const cell = (stageId: string, objectives: ObjectiveView[]): HeatmapCell => {
    const serving = objectives.filter((o) => o.stageIds.includes(stageId));
    const health = stageHealth(serving.map((o) => ({ score: o.score, weight: o.weight })));
    return { stageId, score: health.score, status: health.status, objectiveCount: serving.length };
  };
  const all = perspectives.flatMap((p) => p.objectives);
  for (const journey of journeys.values()) {
    journey.rows = perspectives.map((p) => ({ perspectiveId: p.id, perspectiveName: p.name, cells: journey.stages.map((s) => cell(s.id, p.objectives)) }));
    journey.overall = journey.stages.map((s) => cell(s.id, all));
  }
  return [...journeys.values()];
}

function needsAttention(
  kpis: KpiView[],
  objectives: ObjectiveView[],
  initiatives: DashboardSource["initiatives"],
  name: (userId: string | null) => string | null,
  today: string,
  explanations: NonNullable<DashboardSource["explanations"]>,
): NeedsAttention {
  const reasons = new Map(explanations.map((e) => [`${e.kpiId}|${e.period}`, e.reason]));
  const OPEN = new Set<InitiativeStatus>(["planned", "in_progress", "on_hold"]);
  const plans = new Map<string, string>();
  for (const i of [...initiatives].sort((a, b) => a.title.localeCompare(b.title))) if (OPEN.has(i.status) && !plans.has(i.objectiveId)) plans.set(i.objectiveId, i.title);
  const item = (k: KpiView): AttentionKpi => ({
    id: k.id, name: k.name, objectiveTitle: k.objectiveTitle, ownerName: k.ownerName, value: k.value, unit: k.unit, currency: k.currency,
    periodLabel: k.periodLabel, score: k.score, status: k.status, stale: k.stale,
    explanation: k.period ? (reasons.get(`${k.id}|${k.period}`) ?? null) : null, plan: plans.get(k.objectiveId) ?? null,
  });
  const worstFirst = (a: KpiView, b: KpiView) => (a.score ?? 0) - (b.score ?? 0) || a.name.localeCompare(b.name);
  const current = kpis.filter((k) => k.value !== null && !k.stale);
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  const offTrack = current.filter((k) => k.status === "red").sort(worstFirst).map(item);
  return {
    offTrack,
    unexplained: offTrack.filter((k) => !k.explanation && !k.plan),
    atRisk: current.filter((k) => k.status === "amber").sort(worstFirst).map(item),
    noCurrentValue: kpis.filter((k) => k.value === null || k.stale).map(item),
    pastDue: initiatives
      .filter((i) => i.dueDate !== null && i.dueDate < today && i.status !== "done" && i.status !== "canceled" && titles.has(i.objectiveId))
      .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!) || a.title.localeCompare(b.title))
      .map((i) => ({
        id: i.id, title: i.title, objectiveTitle: titles.get(i.objectiveId)!, ownerName: name(i.ownerId), dueDate: i.dueDate!,
        daysOverdue: daysFrom(i.dueDate!, today), status: i.status, progress: i.progress,
      })),
  };
}

/** KPI id → its values in the history window, oldest first, labelled by period. */
export function kpiHistories(
  kpis: Array<Pick<KpiView, "id" | "frequency">>,
  rows: Array<{ kpiId: string; period: string; value: number }>,
  calendar: TeamCalendar,
): Record<string, Array<{ period: string; label: string; value: number }>> {
  const frequency = new Map(kpis.map((k) => [k.id, k.frequency]));
  const result: Record<string, Array<{ period: string; label: string; value: number }>> = Object.fromEntries(kpis.map((k) => [k.id, []]));
  for (const row of rows) {
    const f = frequency.get(row.kpiId);
    if (!f || !Number.isFinite(row.value)) continue;
    result[row.kpiId]!.push({ period: row.period, label: formatPeriod(row.period, f, calendar), value: row.value });
  }
  for (const list of Object.values(result)) list.sort((a, b) => a.period.localeCompare(b.period));
  return result;
}
