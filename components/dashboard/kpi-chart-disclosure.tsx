"use client";
// KpiChartDisclosure: a KPI's "Show chart" toggle on the members' dashboard and what it opens — its
// history chart and the same values as a table for screen readers and keyboard users. The values
// are fetched through TanStack Query once the chart is opened; the LiveProvider invalidates them
// with every other `[team]` key when someone changes the team's data.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { describeThresholds } from "@/lib/dashboards/format";
import { KpiHistoryChart, type KpiChartData } from "./kpi-history-chart";
import { KpiValuesTable } from "./kpi-values-table";

// Button's and Skeleton's looks as plain classes: no class merging ships with every KPI card.
const TOGGLE_CLASS =
  "inline-flex h-10 shrink-0 cursor-pointer items-center justify-center gap-1.5 self-start rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors hover:bg-accent hover:text-accent-foreground [&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0";
const placeholder = <div aria-hidden="true" data-slot="skeleton" className="h-64 w-full animate-pulse rounded-md bg-muted" />;

/** What the server renders per KPI: everything but the values, and where to fetch them. */
export type KpiChartMeta = Omit<KpiChartData, "points"> & {
  kpiId: string;
  /** The history route of this KPI, with the dashboard's history window as `from`/`to`. */
  historyUrl: string;
  window: { from: string; to: string };
};

async function fetchKpiHistory(url: string, signal?: AbortSignal): Promise<KpiChartData["points"]> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`KPI history: ${response.status}`);
  return ((await response.json()) as { points: KpiChartData["points"] }).points;
}

export function KpiChartDisclosure({ teamSlug, meta }: { teamSlug: string; meta: KpiChartMeta }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: [teamSlug, "kpi-history", meta.kpiId, `${meta.window.from}..${meta.window.to}`],
    queryFn: ({ signal }) => fetchKpiHistory(meta.historyUrl, signal),
    enabled: open,
  });
  return (
    <div className="flex flex-col gap-2" data-chart-open={open || undefined}>
      <button type="button" className={TOGGLE_CLASS} data-print-hidden aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <SpriteIcon name="chart-line" />
        {open ? "Hide chart" : "Show chart"}
        <span className="sr-only"> of {meta.name}</span>
      </button>
      <div id={panelId} hidden={!open} className="flex flex-col gap-2" aria-busy={(open && history.status === "pending") || undefined}>
        {open ? (
          <>
            <p className="text-xs text-muted-foreground">{describeThresholds(meta)}</p>
            {history.status === "pending" ? (
              <>
                <p className="sr-only" role="status">Loading the values of {meta.name}…</p>
                {placeholder}
              </>
            ) : history.status === "error" ? (
              <p className="text-sm text-muted-foreground" role="alert">
                The values could not be loaded.{" "}
                <button type="button" className="text-primary underline" onClick={() => void history.refetch()}>
                  Try again
                </button>
              </p>
            ) : history.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">No values in this window.</p>
            ) : (
              <>
                <KpiHistoryChart data={{ ...meta, points: history.data }} />
                <KpiValuesTable name={meta.name} unit={meta.unit} currency={meta.currency} points={history.data} />
              </>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
