// What the scorecard editor's client components show and edit: per KPI, objective and initiative
// only its own form fields and figures, and once for the whole page the lists every row shares
// (members, the journey's stages, the perspectives), which the editor's context hands down. Pure:
// built from the editor's data, which page-data.ts keeps per team data version.
import type { Initiative } from "@/db/schema";
import type { KpiUnit, PerspectiveKind } from "@/lib/kpi-library";
import { formatPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import type { KpiDirection, Rollup, Status, Trend } from "@/lib/scoring";
import type { EvaluatedObjective, EvaluatedScorecard } from "./evaluate";
import { describeThresholds, formatKpiValue, formatScore, weightShare } from "./format";

export interface KpiFormValues {
  id: string;
  name: string;
  description: string;
  unit: KpiUnit;
  currency: string | null;
  direction: KpiDirection;
  baseline: number | null;
  target: number;
  targetMax: number | null;
  redThreshold: number;
  frequency: Frequency;
  indicator: "leading" | "lagging";
  source: "manual" | "csv" | "api";
  ownerId: string | null;
  weight: number;
  version: number;
}

export interface ObjectiveFormValues {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  weight: number;
  perspectiveId: string;
  stageIds: string[];
  version: number;
}

export interface InitiativeFormValues {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: Initiative["status"];
  progress: number;
  budget: number | null;
  version: number;
}

/**
 * A KPI row: its form values, and what the row shows besides them already in words (so the
 * browser needs none of the number formats to draw it).
 */
export interface EditorKpi extends KpiFormValues {
  /** The latest value in its unit ("$4,669.20"), or "—". */
  latest: string;
  /** "Week of 2026-11-30": the period of the latest value, or null without one. */
  period: string | null;
  /** "Target ≥ 85%, red below 75%". */
  thresholds: string;
  /** Its weight's share of the objective ("25%"). */
  share: string;
  status: Status;
  stale: boolean;
  /** The 0–10 score as shown ("6.7", or "—" for no score): the row shows nothing else of it. */
  score: string;
  trend: Trend | null;
}

/** An objective as its perspective lists it (which gives it its perspectiveId back for the form). */
export interface EditorObjective extends Omit<ObjectiveFormValues, "perspectiveId"> {
  /** Its weight's share of the perspective ("25%"). */
  share: string;
  rollup: Rollup;
  kpis: EditorKpi[];
  initiatives: InitiativeFormValues[];
}

export interface EditorPerspective {
  id: string;
  name: string;
  kind: PerspectiveKind;
  weight: number;
  version: number;
  /** Its weight's share of the scorecard ("25%"). */
  share: string;
  rollup: Rollup;
  objectives: EditorObjective[];
}

export interface EditorOption {
  id: string;
  name: string;
}

export interface EditorView {
  perspectives: EditorPerspective[];
  /** Shared by every row: owners' names and every owner field. */
  members: Array<{ userId: string; name: string }>;
  /** The scorecard journey's stages: what objectives serve, and the library's filter. */
  stages: EditorOption[];
  /** Where an objective can move to. */
  perspectiveOptions: EditorOption[];
}

export function buildEditorView(
  data: {
    evaluated: EvaluatedScorecard;
    stages: ReadonlyArray<EditorOption>;
    members: ReadonlyArray<{ userId: string; name: string }>;
    initiativesByObjective: ReadonlyMap<string, readonly Initiative[]>;
  },
  calendar: TeamCalendar,
): EditorView {
  const perspectiveWeights = data.evaluated.perspectives.map((p) => p.perspective.weight);
  return {
    perspectives: data.evaluated.perspectives.map(({ perspective, rollup, objectives }) => {
      const objectiveWeights = objectives.map((o) => o.objective.weight);
      return {
        id: perspective.id,
        name: perspective.name,
        kind: perspective.kind,
        weight: perspective.weight,
        version: perspective.version,
        share: weightShare(perspective.weight, perspectiveWeights),
        rollup,
        objectives: objectives.map((item) => editorObjective(item, weightShare(item.objective.weight, objectiveWeights), data.initiativesByObjective.get(item.objective.id) ?? [], calendar)),
      };
    }),
    members: data.members.map((m) => ({ userId: m.userId, name: m.name })),
    stages: data.stages.map((s) => ({ id: s.id, name: s.name })),
    perspectiveOptions: data.evaluated.perspectives.map(({ perspective }) => ({ id: perspective.id, name: perspective.name })),
  };
}

function editorObjective(item: EvaluatedObjective, share: string, initiatives: readonly Initiative[], calendar: TeamCalendar): EditorObjective {
  const { objective } = item;
  return {
    id: objective.id,
    title: objective.title,
    description: objective.description,
    ownerId: objective.ownerId,
    weight: objective.weight,
    stageIds: item.stageIds,
    version: objective.version,
    share,
    rollup: item.rollup,
    kpis: item.kpis.map(({ kpi, evaluation }, _, siblings) => ({
      id: kpi.id,
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
      latest: formatKpiValue(evaluation.value, kpi),
      period: evaluation.period ? formatPeriod(evaluation.period, kpi.frequency, calendar) : null,
      thresholds: describeThresholds(kpi),
      share: weightShare(kpi.weight, siblings.map((s) => s.kpi.weight)),
      status: evaluation.status,
      stale: evaluation.stale,
      score: formatScore(evaluation.score),
      trend: evaluation.trend,
    })),
    initiatives: initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      ownerId: i.ownerId,
      startDate: i.startDate,
      dueDate: i.dueDate,
      status: i.status,
      progress: i.progress,
      budget: i.budget,
      version: i.version,
    })),
  };
}

/** About the first screens of the editor: the KPIs whose objectives the server draws itself. */
export const EAGER_KPIS = 16;

/**
 * How many of each perspective's objectives the server draws, in page order: objectives until
 * `EAGER_KPIS` KPIs are drawn (the first objective always). The browser draws the rest once the
 * page has hydrated (ObjectiveCards); a scorecard of that size or less is drawn whole.
 */
export function eagerObjectiveCounts(perspectives: ReadonlyArray<{ objectives: ReadonlyArray<{ kpis: readonly unknown[] }> }>, budget = EAGER_KPIS): number[] {
  let drawn = 0;
  let first = true;
  return perspectives.map(({ objectives }) => {
    let count = 0;
    for (const objective of objectives) {
      if (!first && drawn >= budget) break;
      first = false;
      drawn += objective.kpis.length;
      count++;
    }
    return count;
  });
}
