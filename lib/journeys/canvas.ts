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
import { formatKpiValue } from "@/lib/scorecards/format";

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
 * A KPI as a stage's health lane shows it: the canvas sends one per KPI per stage to the browser
 * (hundreds on an organisation's journey), so only what is drawn, its value already formatted.
 */
export interface CanvasStageKpi {
  id: string;
  name: string;
  indicator: "leading" | "lagging";
  /** Formatted with its unit ("72%", "$1,250", "—"). */
  value: string;
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
  kpis: CanvasStageKpi[];
  touchpoints: CanvasTouchpoint[];
  painPoints: CanvasNote[];
  opportunities: CanvasNote[];
}

export interface AdoptionPanel {
  stageId: string;
  stageName: string;
  leading: CanvasKpi[];
  lagging: CanvasKpi[];
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

  const stageKpi = (k: CanvasKpi): CanvasStageKpi => ({ id: k.id, name: k.name, indicator: k.indicator, value: formatKpiValue(k.value, k), status: k.status, stale: k.stale });
  let adoption: AdoptionPanel | null = null;
  const stages: CanvasStage[] = data.stages.map((s) => {
    const stageObjectives = (objectiveIdsByStage.get(s.id) ?? [])
      .map((id) => objectives.get(id))
      .filter((o): o is CanvasObjective => Boolean(o))
      .sort((a, b) => a.title.localeCompare(b.title));
    const rollup = health.get(s.id) ?? GREY;
    const kpis = stageObjectives.flatMap((o) => kpisByObjective.get(o.id) ?? []);
    const adoptionPhase = isAdoptionStageName(s.name);
    if (adoptionPhase && !adoption) {
      adoption = { stageId: s.id, stageName: s.name, leading: kpis.filter((k) => k.indicator === "leading"), lagging: kpis.filter((k) => k.indicator === "lagging") };
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
      kpis: kpis.map(stageKpi),
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
