// The scorecard side of a stage: the objectives that serve it and their KPIs' health. The
// adoption-phase stage lists its leading indicators next to its lagging ones.
import { StageKpiItems } from "@/components/journeys/stage-kpi-lists";
import { StageKpis, type StageKpiSource } from "@/components/journeys/stage-kpis";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { PERSPECTIVE_KIND_LABELS } from "@/lib/scorecards/format";

export function LinkedObjectives({ stage }: { stage: CanvasStage }) {
  if (stage.objectives.length === 0) return <p className="hint">No objective serves this stage yet.</p>;
  // Item looks: the .align-list component class (globals.css).
  return (
    <ul className="align-list">
      {stage.objectives.map((o) => (
        <li key={o.id}>
          <span>{o.title}</span>
          <span>
            <StatusBadge status={o.status} size="sm" />
            <span className="hint">{PERSPECTIVE_KIND_LABELS[o.perspectiveKind]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The stage's KPIs, worst first: all of them, or the few the page sent and "Show all". */
export function KpiHealth({ stage, source }: { stage: CanvasStage; source: StageKpiSource }) {
  if (stage.kpiCount === 0) return <p className="hint">No KPIs linked.</p>;
  const view = stage.adoptionPhase ? "grouped" : "lane";
  if (stage.kpiCount <= stage.kpis.length) return <StageKpiItems kpis={stage.kpis} view={view} />;
  return <StageKpis source={source} stage={stage} shown={stage.kpis} total={stage.kpiCount} view={view} />;
}
