// The scorecard side of a stage: the objectives that serve it and their KPIs' health. The
// adoption-phase stage lists its leading indicators next to its lagging ones.
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CanvasStage, CanvasStageKpi } from "@/lib/journeys/canvas";
import { INDICATOR_LABELS, PERSPECTIVE_KIND_LABELS } from "@/lib/scorecards/format";

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

export function KpiItem({ kpi, showIndicator = true }: { kpi: CanvasStageKpi; showIndicator?: boolean }) {
  return (
    <li>
      <span>{kpi.name}</span>
      <span>
        <strong>{kpi.value}</strong>
        <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" />
        {showIndicator ? <Badge variant="outline">{INDICATOR_LABELS[kpi.indicator]}</Badge> : null}
      </span>
    </li>
  );
}

export function KpiHealth({ stage }: { stage: CanvasStage }) {
  if (stage.kpis.length === 0) return <p className="hint">No KPIs linked.</p>;
  if (!stage.adoptionPhase) {
    return (
      <ul className="align-list">
        {stage.kpis.map((k) => (
          <KpiItem key={k.id} kpi={k} />
        ))}
      </ul>
    );
  }
  const groups = [
    { title: "Leading", items: stage.kpis.filter((k) => k.indicator === "leading") },
    { title: "Lagging", items: stage.kpis.filter((k) => k.indicator === "lagging") },
  ];
  return (
    <div className="grid grid-cols-2 gap-2">
      {groups.map((g) => (
        <div key={g.title} className="flex min-w-0 flex-col gap-1">
          <p className="text-xs font-semibold text-muted-foreground">{g.title}</p>
          {g.items.length ? (
            <ul className="align-list">
              {g.items.map((k) => (
                <KpiItem key={k.id} kpi={k} showIndicator={false} />
              ))}
            </ul>
          ) : (
            <p className="text-xs text-muted-foreground">None</p>
          )}
        </div>
      ))}
    </div>
  );
}
