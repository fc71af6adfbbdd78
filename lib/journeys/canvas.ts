// The journey canvas as plain data: stages in order with their lanes, each stage's health
// and aligned objectives and KPIs, and the adoption panel. Pure: the page loads the rows,
// this shapes them, the client draws them. Scores come only from the scoring module.
import type { JourneyCanvasData } from "@/db/queries/journeys";
import type { TeamCalendar } from "@/lib/periods";
import { evaluateKpiRow, GREY, stageHealthById, type MeasurementRow } from "@/lib/scorecards/evaluate";
import { rollupObjective, type Status, type Trend } from "@/lib/scoring";
import { isAdoptionStageName } from "./adoption";
import type { NoteKind, TouchpointChannel } from "./channels";
import { pushTo } from "@/lib/collections";
import { describeThresholds, formatKpiValue } from "@/lib/scorecards/format";

export interface CanvasKpi {
  id: string;
  name: string;
  objectiveId: string;
  objectiveTitle: string;
  indicator: "leading" | "lagging";
  unit: "percent" | "currency" | "count" | "duration" | "score";
  currency: string | null;
  direction: "up" | "down" | "range";
  target: number;
  targetMax: number | null;
  redThreshold: number;
  value: number | null;
  period: string | null;
  score: number | null;
  status: Status;
  stale: boolean;
  trend: Trend | null;
}

/**
 * A KPI as the canvas draws it (a stage's health lane, the adoption panel): the page sends a
 * few per stage and the rest load on request, so only what is drawn, already formatted.
 */
export interface CanvasStageKpi {
  id: string;
  name: string;
  objectiveTitle: string;
  indicator: "leading" | "lagging";
  /** Formatted with its unit ("72%", "$1,250", "—"). */
  value: string;
  /** Its target and red line in words ("Target ≥ 40%, red below 25%"). */
  thresholds: string;
  status: Status;
  stale: boolean;
}

export interface CanvasObjective {
  id: string;
  title: string;
  perspectiveKind: "financial" | "customer" | "internal" | "learning";
  status: Status;
}

export interface CanvasTouchpoint {
  id: string;
  stageId: string;
  channel: TouchpointChannel;
  channelDetail: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  version: number;
}

export interface CanvasNote {
  id: string;
  stageId: string;
  kind: NoteKind;
  text: string;
  version: number;
}

export interface CanvasStage {
  id: string;
  name: string;
  version: number;
  customerGoal: string;
  doing: string;
  thinking: string;
  feeling: string;
  emotion: number | null;
  adoptionPhase: boolean;
  health: { status: Status; score: number | null; scored: number; total: number };
  objectives: CanvasObjective[];
  /**
   * The stage's KPIs, worst first (red, amber, no data, green). The page sends only the first
   * STAGE_KPIS_SHOWN of them (stageKpisForPage); the rest load when someone asks for them.
   */
  kpis: CanvasStageKpi[];
  kpiCount: number;
  /** KPIs whose latest value is too old to count in the stage's health. */
  staleKpiCount: number;
  touchpoints: CanvasTouchpoint[];
  painPoints: CanvasNote[];
  opportunities: CanvasNote[];
}

/** The adoption-phase stage's KPIs split by indicator, worst first; the page sends the first ADOPTION_KPIS_SHOWN of each. */
export interface AdoptionPanel {
  stageId: string;
  stageName: string;
  leading: CanvasStageKpi[];
  lagging: CanvasStageKpi[];
  leadingCount: number;
  laggingCount: number;
}

export interface Canvas {
  journey: {
    id: string;
    name: string;
    personaName: string;
    personaDescription: string;
    goal: string;
    description: string;
    version: number;
    archived: boolean;
  };
  stages: CanvasStage[];
  members: Array<{ userId: string; name: string }>;
  adoption: AdoptionPanel | null;
  asOf: string;
}

/** How many of a stage's KPIs the canvas draws before "Show all": an organisation's stage links dozens. */
export const STAGE_KPIS_SHOWN = 5;

const SEVERITY: Record<Status, number> = { red: 0, amber: 1, grey: 2, green: 3 };

/** Worst first; equal statuses keep the objectives' order. */
export function worstFirst<T extends { status: Status }>(kpis: T[]): T[] {
  return kpis.map((k, i) => [k, i] as const).sort(([a, i], [b, j]) => SEVERITY[a.status] - SEVERITY[b.status] || i - j).map(([k]) => k);
}

/** How many of each of the adoption panel's columns the page draws before "Show all". */
export const ADOPTION_KPIS_SHOWN = 5;

/**
 * The canvas as the page sends it: each stage with its worst STAGE_KPIS_SHOWN KPIs, the adoption
 * panel with its worst few of each kind; the counts say how many more load on request.
 */
export function canvasForPage(canvas: Canvas): Pick<Canvas, "stages" | "adoption"> {
  const stages = canvas.stages.map((s) => (s.kpis.length > STAGE_KPIS_SHOWN ? { ...s, kpis: s.kpis.slice(0, STAGE_KPIS_SHOWN) } : s));
  const { adoption } = canvas;
  return {
    stages,
    adoption: adoption && { ...adoption, leading: adoption.leading.slice(0, ADOPTION_KPIS_SHOWN), lagging: adoption.lagging.slice(0, ADOPTION_KPIS_SHOWN) },
  };
}

export function buildCanvas(data: JourneyCanvasData, asOf: string, calendar: TeamCalendar): Canvas {
  const { alignment } = data;
  const health = stageHealthById(alignment, asOf, calendar);
  const measurementsByKpi = new Map<string, MeasurementRow[]>();
  for (const m of alignment.measurements) pushTo(measurementsByKpi, m.kpiId, m);
  const objectiveTitle = new Map(alignment.objectives.map((o) => [o.id, o.title]));

  const kpisByObjective = new Map<string, CanvasKpi[]>();
  for (const kpi of alignment.kpis) {
    const evaluation = evaluateKpiRow(kpi, measurementsByKpi.get(kpi.id) ?? [], asOf, calendar);
    const item: CanvasKpi = {
      id: kpi.id,
      name: kpi.name,
      objectiveId: kpi.objectiveId,
      objectiveTitle: objectiveTitle.get(kpi.objectiveId) ?? "",
      indicator: kpi.indicator,
      unit: kpi.unit,
      currency: kpi.currency,
      direction: kpi.direction,
      target: kpi.target,
      targetMax: kpi.targetMax,
      redThreshold: kpi.redThreshold,
      value: evaluation.value,
      period: evaluation.period,
      score: evaluation.score,
      status: evaluation.status,
      stale: evaluation.stale,
      trend: evaluation.trend,
    };
    pushTo(kpisByObjective, kpi.objectiveId, item);
  }
  const weightOf = new Map(alignment.kpis.map((k) => [k.id, k.weight]));
  const objectives = new Map<string, CanvasObjective>(
    alignment.objectives.map((o) => {
      const rollup = rollupObjective((kpisByObjective.get(o.id) ?? []).map((k) => ({ score: k.score, stale: k.stale, weight: weightOf.get(k.id) ?? 1 })));
      return [o.id, { id: o.id, title: o.title, perspectiveKind: o.perspectiveKind, status: rollup.status }];
    }),
  );
  const objectiveIdsByStage = new Map<string, string[]>();
  for (const link of alignment.links) pushTo(objectiveIdsByStage, link.stageId, link.objectiveId);

  const drawn = new Map(
    [...kpisByObjective.values()].flat().map((k): [string, CanvasStageKpi] => [
      k.id,
      { id: k.id, name: k.name, objectiveTitle: k.objectiveTitle, indicator: k.indicator, value: formatKpiValue(k.value, k), thresholds: describeThresholds(k), status: k.status, stale: k.stale },
    ]),
  );
  let adoption: AdoptionPanel | null = null;
  const stages: CanvasStage[] = data.stages.map((s) => {
    const stageObjectives = (objectiveIdsByStage.get(s.id) ?? [])
      .map((id) => objectives.get(id))
      .filter((o): o is CanvasObjective => Boolean(o))
      .sort((a, b) => a.title.localeCompare(b.title));
    const rollup = health.get(s.id) ?? GREY;
    const kpis = worstFirst(stageObjectives.flatMap((o) => kpisByObjective.get(o.id) ?? []).map((k) => drawn.get(k.id)!));
    const adoptionPhase = isAdoptionStageName(s.name);
    if (adoptionPhase && !adoption) {
      const leading = kpis.filter((k) => k.indicator === "leading");
      const lagging = kpis.filter((k) => k.indicator === "lagging");
      adoption = { stageId: s.id, stageName: s.name, leading, lagging, leadingCount: leading.length, laggingCount: lagging.length };
    }
    return {
      id: s.id,
      name: s.name,
      version: s.version,
      customerGoal: s.customerGoal,
      doing: s.doing,
      thinking: s.thinking,
      feeling: s.feeling,
      emotion: s.emotion,
      adoptionPhase,
      health: { status: rollup.status, score: rollup.score, scored: rollup.coverage.scored, total: rollup.coverage.total },
      objectives: stageObjectives,
      kpis,
      kpiCount: kpis.length,
      staleKpiCount: new Set(kpis.filter((k) => k.stale).map((k) => k.id)).size,
      touchpoints: s.touchpoints.map((t) => ({
        id: t.id,
        stageId: t.stageId,
        channel: t.channel,
        channelDetail: t.channelDetail,
        description: t.description,
        ownerId: t.ownerId,
        ownerName: t.ownerName ?? t.ownerEmail ?? null,
        version: t.version,
      })),
      painPoints: s.painPoints.map((n) => ({ id: n.id, stageId: n.stageId, kind: n.kind, text: n.text, version: n.version })),
      opportunities: s.opportunities.map((n) => ({ id: n.id, stageId: n.stageId, kind: n.kind, text: n.text, version: n.version })),
    };
  });

  const { journey } = data;
  return {
    journey: {
      id: journey.id,
      name: journey.name,
      personaName: journey.personaName,
      personaDescription: journey.personaDescription,
      goal: journey.goal,
      description: journey.description,
      version: journey.version,
      archived: journey.archivedAt !== null,
    },
    stages,
    members: data.members.map((m) => ({ userId: m.userId, name: m.name ?? m.email })),
    adoption,
    asOf,
  };
}
