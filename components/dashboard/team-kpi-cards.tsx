"use client";
// TeamKpiCards: where one perspective's objectives and KPI cards go on the members' dashboard. They
// are fetched once the panel is within a screen of the viewport (or the page is about to print), so
// a dashboard with a hundred KPIs renders its scores at once and its details as the reader scrolls.
// They are read through TanStack Query, so the LiveProvider refreshes them with every other
// `[team]` key when the team's data changes.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type RefObject } from "react";
import type { KpiCardData, KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { ObjectivesTable } from "./objectives-table";
import { KpiChartDisclosure, type KpiChartMeta } from "./kpi-chart-disclosure";
import { KPI_GRID_CLASS, KpiCardList } from "./kpi-card-list";
import { PREPARE_PRINT_EVENT } from "./print-events";

/** What the server tells a panel: its perspective, and where its cards and charts are read. */
export interface KpiCardsSource {
  perspectiveId: string;
  perspectiveName: string;
  objectiveCount: number;
  kpiCount: number;
  /** The period the objectives' trends compare with, e.g. "Oct 2026". */
  previousLabel: string;
  /** The cards route with this perspective and the dashboard's period. */
  url: string;
  /** The dashboard's own path; each KPI's values are at `<basePath>/kpis/<id>/history`. */
  basePath: string;
  window: { from: string; to: string };
}

async function fetchKpiCards(url: string, signal?: AbortSignal): Promise<KpiCardsBody> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`KPI cards: ${response.status}`);
  return (await response.json()) as KpiCardsBody;
}

/** True from the moment `ref`'s element comes within a screen of the viewport, or a print is near. */
function useWanted(ref: RefObject<HTMLElement | null>): boolean {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (wanted || !element) return;
    const want = () => setWanted(true);
    window.addEventListener(PREPARE_PRINT_EVENT, want);
    window.addEventListener("beforeprint", want);
    const observer = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), { rootMargin: "100% 0px" }) : null;
    if (observer) observer.observe(element);
    else want();
    return () => {
      observer?.disconnect();
      window.removeEventListener(PREPARE_PRINT_EVENT, want);
      window.removeEventListener("beforeprint", want);
    };
  }, [ref, wanted]);
  return wanted;
}

function chartMeta(kpi: KpiCardData, source: KpiCardsSource): KpiChartMeta {
  return {
    kpiId: kpi.id,
    historyUrl: `${source.basePath}/kpis/${kpi.id}/history?${new URLSearchParams(source.window)}`,
    window: source.window,
    name: kpi.name,
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    target: kpi.target,
    targetMax: kpi.targetMax,
    redThreshold: kpi.redThreshold,
  };
}

export function TeamKpiCards({ teamSlug, source }: { teamSlug: string; source: KpiCardsSource }) {
  const panelRef = useRef<HTMLDivElement>(null);
  const wanted = useWanted(panelRef);
  const cards = useQuery({
    queryKey: [teamSlug, "kpi-cards", source.url],
    queryFn: ({ signal }) => fetchKpiCards(source.url, signal),
    enabled: wanted,
  });
  return (
    <div ref={panelRef} data-kpi-cards aria-busy={cards.status === "pending" || undefined} className="flex flex-col gap-3">
      {cards.status === "success" ? (
        <>
          <ObjectivesTable objectives={cards.data.objectives} perspectiveName={source.perspectiveName} previousLabel={source.previousLabel} />
          {cards.data.kpis.length ? <KpiCardList kpis={cards.data.kpis} chart={(kpi) => <KpiChartDisclosure teamSlug={teamSlug} meta={chartMeta(kpi, source)} />} /> : null}
        </>
      ) : cards.status === "error" ? (
        <p className="text-sm text-muted-foreground" role="alert">
          The objectives and KPIs of {source.perspectiveName} could not be loaded.{" "}
          <button type="button" className="text-primary underline" onClick={() => void cards.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <>
          <p className="sr-only">Loading the objectives and KPIs of {source.perspectiveName}…</p>
          <div aria-hidden="true" data-slot="skeleton" className="animate-pulse rounded-lg bg-muted" style={{ height: `${2.5 + 3.5 * source.objectiveCount}rem` }} />
          <div aria-hidden="true" className={KPI_GRID_CLASS}>
            {Array.from({ length: Math.min(source.kpiCount, 6) }, (_, i) => (
              <div key={i} data-slot="skeleton" className="h-56 animate-pulse rounded-lg bg-muted" />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
