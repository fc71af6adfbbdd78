// The organisation dashboard: a unit (scorecard) and every unit below it, each with its own
// dashboard's overall and perspective scores and needs-attention. Every figure is the unit's own
// dashboard model (buildDashboard) — nothing is scored twice — so a unit's row here and its own
// dashboard always agree. Pure; load-org-dashboard.ts reads the rows.
import type { OrgDashboardSource, OrgUnitRow } from "@/db/queries/org-dashboard";
import { PERSPECTIVE_KINDS, type PerspectiveKind } from "@/lib/kpi-library";
import type { TeamCalendar } from "@/lib/periods";
import { PERSPECTIVE_KIND_LABELS } from "@/lib/scorecards/format";
import { rollupScorecard, type Coverage, type Status } from "@/lib/scoring";
import { buildDashboard, type DashboardModel, type NeedsAttention, type ScoreSummary } from "./build-dashboard";
import type { DashboardPeriod } from "./period-selection";

export interface OrgPerspectiveCell {
  kind: PerspectiveKind;
  label: string;
  score: number | null;
  status: Status;
  /** Objectives scored of the perspective's objectives; null when the unit has no perspective of this kind. */
  coverage: Coverage | null;
  /** How many of the unit's perspectives are of this kind (0: none; more than 1: their weighted mean). */
  perspectiveCount: number;
}

export interface OrgUnitView {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  childCount: number;
  overall: ScoreSummary;
  /** One cell per perspective kind, in the Balanced Scorecard's order. */
  perspectives: OrgPerspectiveCell[];
  kpiCount: number;
  /** KPIs with a current (not stale) value. */
  kpisReporting: number;
  statusCounts: Record<Status, number>;
  attention: NeedsAttention;
}

export interface OrgDashboardModel {
  root: { id: string; name: string; description: string };
  period: DashboardPeriod;
  kinds: Array<{ kind: PerspectiveKind; label: string }>;
  units: OrgUnitView[];
}

function kindCell(model: DashboardModel, kind: PerspectiveKind): OrgPerspectiveCell {
  const label = PERSPECTIVE_KIND_LABELS[kind];
  const of = model.perspectives.filter((p) => p.kind === kind);
  if (of.length === 0) return { kind, label, score: null, status: "grey", coverage: null, perspectiveCount: 0 };
  if (of.length === 1) return { kind, label, score: of[0]!.score, status: of[0]!.status, coverage: of[0]!.coverage, perspectiveCount: 1 };
  // Several perspectives of one kind (a custom layout): weighed as the scorecard weighs them.
  const combined = rollupScorecard(of.map((p) => ({ score: p.score, weight: p.weight })));
  const coverage = of.reduce((sum, p) => ({ scored: sum.scored + p.coverage.scored, total: sum.total + p.coverage.total }), { scored: 0, total: 0 });
  return { kind, label, score: combined.score, status: combined.status, coverage, perspectiveCount: of.length };
}

/** A unit's row from its own dashboard model. */
export function orgUnitView(unit: OrgUnitRow, model: DashboardModel): OrgUnitView {
  return {
    id: unit.id,
    name: model.scorecard.name,
    parentId: unit.parentId,
    depth: unit.depth,
    childCount: unit.childCount,
    overall: model.overall,
    perspectives: PERSPECTIVE_KINDS.map((kind) => kindCell(model, kind)),
    kpiCount: model.kpiCount,
    kpisReporting: model.kpiCount - model.attention.noCurrentValue.length,
    statusCounts: model.statusCounts,
    attention: model.attention,
  };
}

export function buildOrgDashboard(
  source: OrgDashboardSource,
  period: DashboardPeriod,
  calendar: TeamCalendar,
  today: string,
): OrgDashboardModel | null {
  const units: OrgUnitView[] = [];
  let root: OrgDashboardModel["root"] | null = null;
  for (const unit of source.units) {
    const unitSource = source.sources.get(unit.id);
    if (!unitSource) continue;
    const model = buildDashboard(unitSource, period, calendar, today);
    if (unit.depth === 0) root = model.scorecard;
    units.push(orgUnitView(unit, model));
  }
  if (!root) return null;
  return { root, period, kinds: PERSPECTIVE_KINDS.map((kind) => ({ kind, label: PERSPECTIVE_KIND_LABELS[kind] })), units };
}

/** How many things need attention in a unit (the groups of its own dashboard's list). */
export function attentionCount(a: NeedsAttention): number {
  return a.offTrack.length + a.atRisk.length + a.noCurrentValue.length + a.pastDue.length;
}
