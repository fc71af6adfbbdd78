"use client";
// SharedKpiChartDisclosure: a KPI's detail chart on the public share page, fetched with plain
// fetch when opened (no query cache there: the page ships as little script as it can).
import { useEffect, useState } from "react";
import { fetchKpiHistory, KpiChartPanel, type KpiChartMeta, type KpiHistoryState } from "./kpi-chart-panel";

export function SharedKpiChartDisclosure({ meta }: { meta: KpiChartMeta }) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [history, setHistory] = useState<KpiHistoryState>({ status: "pending" });
  const loaded = history.status === "success";

  useEffect(() => {
    if (!open || loaded) return;
    const controller = new AbortController();
    fetchKpiHistory(meta.historyUrl, controller.signal).then(
      (points) => setHistory({ status: "success", points }),
      () => {
        if (!controller.signal.aborted) setHistory({ status: "error", retry: () => { setHistory({ status: "pending" }); setAttempt((n) => n + 1); } });
      },
    );
    return () => controller.abort();
  }, [open, loaded, attempt, meta.historyUrl]);

  return <KpiChartPanel meta={meta} open={open} onToggle={() => setOpen((o) => !o)} history={history} />;
}
