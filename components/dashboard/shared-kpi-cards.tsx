"use client";
// SharedKpiCards: a perspective's objectives and KPI cards on the public share page, fetched with plain fetch
// (no query cache there: the page ships as little script as it can).
import { useEffect, useRef, useState } from "react";
import { chartMeta, fetchKpiCards, KpiCardsPanel, useWanted, type KpiCardsSource, type KpiCardsState } from "./kpi-cards-panel";
import { SharedKpiChartDisclosure } from "./shared-kpi-chart-disclosure";

export function SharedKpiCards({ source }: { source: KpiCardsSource }) {
  const panelRef = useRef<HTMLDivElement>(null);
  const wanted = useWanted(panelRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<KpiCardsState>({ status: "pending" });
  const loaded = state.status === "success";

  useEffect(() => {
    if (!wanted || loaded) return;
    const controller = new AbortController();
    fetchKpiCards(source.url, controller.signal).then(
      (body) => setState({ status: "success", body }),
      () => {
        if (!controller.signal.aborted) setState({ status: "error", retry: () => { setState({ status: "pending" }); setAttempt((n) => n + 1); } });
      },
    );
    return () => controller.abort();
  }, [wanted, loaded, attempt, source.url]);

  return <KpiCardsPanel panelRef={panelRef} source={source} state={state} chart={(kpi) => <SharedKpiChartDisclosure meta={chartMeta(kpi, source)} />} />;
}
