// How the canvas draws a list of a stage's KPIs: in its health lane (one list, or leading next to
// lagging in the adoption phase) and in the adoption panel (with objective and thresholds). No
// hooks and no directive: drawn on the server and, once "Show all" loaded the rest, in the browser.
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CanvasStageKpi } from "@/lib/journeys/canvas";
import { INDICATOR_LABELS } from "@/lib/scorecards/format";

/** lane: a stage's health lane; grouped: the adoption-phase stage's lane; leading/lagging: a column of the adoption panel. */
export type StageKpiView = "lane" | "grouped" | "leading" | "lagging";

export function kpisOfView(kpis: CanvasStageKpi[], view: StageKpiView): CanvasStageKpi[] {
  return view === "leading" || view === "lagging" ? kpis.filter((k) => k.indicator === view) : kpis;
}

function LaneItem({ kpi, showIndicator }: { kpi: CanvasStageKpi; showIndicator: boolean }) {
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

function PanelItem({ kpi }: { kpi: CanvasStageKpi }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-2">
      <div className="min-w-0">
        <p className="font-medium break-words">{kpi.name}</p>
        <p className="text-xs text-muted-foreground">
          {kpi.objectiveTitle} · {kpi.thresholds}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <span className="font-semibold tabular-nums">{kpi.value}</span>
        <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" />
      </div>
    </li>
  );
}

export function StageKpiItems({ kpis, view }: { kpis: CanvasStageKpi[]; view: StageKpiView }) {
  if (view === "leading" || view === "lagging") {
    return (
      <ul className="flex flex-col divide-y">
        {kpis.map((k) => (
          <PanelItem key={k.id} kpi={k} />
        ))}
      </ul>
    );
  }
  if (view === "lane") {
    // Item looks: the .align-list component class (globals.css).
    return (
      <ul className="align-list">
        {kpis.map((k) => (
          <LaneItem key={k.id} kpi={k} showIndicator />
        ))}
      </ul>
    );
  }
  const groups = [
    { title: "Leading", items: kpis.filter((k) => k.indicator === "leading") },
    { title: "Lagging", items: kpis.filter((k) => k.indicator === "lagging") },
  ];
  return (
    <div className="grid grid-cols-2 gap-2">
      {groups.map((g) => (
        <div key={g.title} className="flex min-w-0 flex-col gap-1">
          <p className="text-xs font-semibold text-muted-foreground">{g.title}</p>
          {g.items.length ? (
            <ul className="align-list">
              {g.items.map((k) => (
                <LaneItem key={k.id} kpi={k} showIndicator={false} />
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
