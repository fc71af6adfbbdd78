"use client";
// KpiChartDisclosure: a KPI's detail chart on the members' dashboard. Its values are fetched
// through TanStack Query when the chart is opened; the LiveProvider invalidates them with every
// other `[team]` key when someone changes the team's data.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchKpiHistory, KpiChartPanel, type KpiChartMeta } from "./kpi-chart-panel";

export function KpiChartDisclosure({ teamSlug, meta }: { teamSlug: string; meta: KpiChartMeta }) {
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: [teamSlug, "kpi-history", meta.kpiId, `${meta.window.from}..${meta.window.to}`],
    queryFn: ({ signal }) => fetchKpiHistory(meta.historyUrl, signal),
    enabled: open,
  });
  const history =
    query.status === "success"
      ? ({ status: "success", points: query.data } as const)
      : query.status === "error"
        ? ({ status: "error", retry: () => void query.refetch() } as const)
        : ({ status: "pending" } as const);
  return <KpiChartPanel meta={meta} open={open} onToggle={() => setOpen((o) => !o)} history={history} />;
}
