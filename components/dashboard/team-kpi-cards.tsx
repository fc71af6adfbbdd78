"use client";
// TeamKpiCards: a perspective's objectives and KPI cards on the members' dashboard, read through TanStack Query
// so the LiveProvider refreshes them with every other `[team]` key when the team's data changes.
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { KpiChartDisclosure } from "./kpi-chart-disclosure";
import { chartMeta, fetchKpiCards, KpiCardsPanel, useWanted, type KpiCardsSource, type KpiCardsState } from "./kpi-cards-panel";

export function TeamKpiCards({ teamSlug, source }: { teamSlug: string; source: KpiCardsSource }) {
  const panelRef = useRef<HTMLDivElement>(null);
  const wanted = useWanted(panelRef);
  const query = useQuery({
    queryKey: [teamSlug, "kpi-cards", source.url],
    queryFn: ({ signal }) => fetchKpiCards(source.url, signal),
    enabled: wanted,
  });
  const state: KpiCardsState =
    query.status === "success"
      ? { status: "success", body: query.data }
      : query.status === "error"
        ? { status: "error", retry: () => void query.refetch() }
        : { status: "pending" };
  return <KpiCardsPanel panelRef={panelRef} source={source} state={state} chart={(kpi) => <KpiChartDisclosure teamSlug={teamSlug} meta={chartMeta(kpi, source)} />} />;
}
