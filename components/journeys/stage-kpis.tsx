"use client";
// A stage's KPIs on the canvas: the worst few the page sent, and "Show all N", which fetches the
// stage's whole list (worst first) through TanStack Query when opened. The LiveProvider
// invalidates it with every other `[team]` key when someone changes the team's data, so an open
// list stays current while the page's few re-render from the server.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CanvasStageKpi } from "@/lib/journeys/canvas";
import { kpisOfView, StageKpiItems, type StageKpiView } from "./stage-kpi-lists";

/** Where a canvas's stage lists come from: the team and the journey. */
export interface StageKpiSource {
  team: string;
  journeyId: string;
}

const NOUN: Record<StageKpiView, [string, string]> = {
  lane: ["KPI", "KPIs"],
  grouped: ["KPI", "KPIs"],
  leading: ["leading indicator", "leading indicators"],
  lagging: ["lagging indicator", "lagging indicators"],
};

async function fetchStageKpis(url: string, signal?: AbortSignal): Promise<CanvasStageKpi[]> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Stage KPIs: ${response.status}`);
  return ((await response.json()) as { kpis: CanvasStageKpi[] }).kpis;
}

export function StageKpis({ source, stage, shown, total, view }: { source: StageKpiSource; stage: { id: string; name: string }; shown: CanvasStageKpi[]; total: number; view: StageKpiView }) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const all = useQuery({
    // One list per stage, shared by its lane and the adoption panel.
    queryKey: [source.team, "journey-stage-kpis", source.journeyId, stage.id],
    queryFn: ({ signal }) => fetchStageKpis(`/t/${source.team}/journeys/${source.journeyId}/stages/${stage.id}/kpis`, signal),
    enabled: open,
  });
  const kpis = open && all.data ? kpisOfView(all.data, view) : shown;
  const more = total - shown.length;
  const [one, many] = NOUN[view];
  return (
    <div className="flex flex-col gap-1" aria-busy={(open && all.status === "pending") || undefined}>
      <div id={listId}>
        <StageKpiItems kpis={kpis} view={view} />
      </div>
      {more > 0 ? (
        <>
          <Button variant="ghost" size="xs" className="self-start" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)} data-print-hidden>
            {open ? `Show the ${shown.length} worst` : `Show all ${total} ${many}`}
            <span className="sr-only"> of {stage.name}</span>
          </Button>
          {/* On paper the list stays short: say what it leaves out. */}
          <span className="hidden text-xs text-muted-foreground print:inline">
            and {more} more {more === 1 ? one : many}
          </span>
          {open && all.status === "pending" ? (
            <p className="text-xs text-muted-foreground" role="status">
              Loading all {many} of {stage.name}…
            </p>
          ) : null}
          {open && all.status === "error" ? (
            <p className="text-xs text-muted-foreground" role="alert">
              The list could not be loaded.{" "}
              <button type="button" className="text-primary underline" onClick={() => void all.refetch()}>
                Try again
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
