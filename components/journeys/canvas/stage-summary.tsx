// What a stage's column header says: its place, name, the adoption-phase mark and its health.
// The editable header (stage-header.tsx) adds the handle and the move and remove controls.
import { Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { StatusBadge, statusLabels } from "@/components/ui/status-badge";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { formatScore } from "@/lib/scorecards/format";
import { cn } from "@/lib/cn";

export function stageHeaderClass(stage: CanvasStage, over = false): string {
  return cn("border-r border-b p-2 text-left align-top font-normal", stage.adoptionPhase ? "bg-secondary" : "bg-muted", over && "outline-2 -outline-offset-2 outline-ring");
}

export function StageSummary({ stage, index, count }: { stage: CanvasStage; index: number; count: number }) {
  const staleKpis = stage.staleKpiCount;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <span className="text-xs text-muted-foreground">
        Stage {index + 1} of {count}
      </span>
      <span className="text-base font-semibold break-words print:text-[9pt]" data-stage-name>
        {stage.name}
      </span>
      {stage.adoptionPhase ? <Badge variant="outline">Adoption phase</Badge> : null}
      <span className="flex flex-wrap items-center gap-1 text-xs" title={`${stage.health.scored} of ${stage.health.total} linked objectives have a score`}>
        <span className="text-muted-foreground">Health</span>
        <StatusBadge status={stage.health.status} size="sm" label={stage.health.status === "grey" ? "No data" : `${statusLabels[stage.health.status]} · ${formatScore(stage.health.score)}`} />
      </span>
      {staleKpis > 0 ? (
        // Stale values do not count in the health above: say how many were left out.
        <span className="inline-flex items-center gap-1 text-xs text-status-grey" data-testid={`stage-stale-${stage.id}`}>
          <Clock aria-hidden="true" className="size-3" />
          {staleKpis} stale {staleKpis === 1 ? "KPI" : "KPIs"} not counted
        </span>
      ) : null}
    </div>
  );
}
