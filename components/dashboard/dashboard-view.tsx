// DashboardView: one scorecard's executive dashboard, shared by the members' page (whose
// perspectives' objectives and KPI cards load as they come into view) and the public share page
// (which renders them all with the page). Server-rendered.
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import { JourneyHeatmap } from "./journey-heatmap";
import type { KpiCardsSource } from "./team-kpi-cards";
import { KpiSection } from "./kpi-section";
import { NeedsAttention } from "./needs-attention";
import { PeriodSelector } from "./period-selector";
import { ScoreTiles } from "./score-tiles";
import { UpdateLoopFigures } from "@/components/update-loop/update-loop-figures";

export function DashboardView({
  model,
  basePath,
  cards,
  actions,
  eyebrow,
}: {
  model: DashboardModel;
  /** Where period links point: the dashboard's own path. */
  basePath: string;
  /** Renders one perspective's objectives and KPI cards (TeamKpiCards, or the share page's server-rendered cards). */
  cards: (source: KpiCardsSource) => ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  const { period } = model;
  return (
    <div className="flex flex-col gap-6 print:gap-4 print:text-[12px]">
      <PageHeader
        title={model.scorecard.name}
        flush
        description={
          <>
            {period.label} · scores as of {period.asOf} · compared with {period.previous.label}
          </>
        }
        actions={actions}
      >
        {eyebrow}
        {model.scorecard.description ? <p className="max-w-3xl text-sm">{model.scorecard.description}</p> : null}
      </PageHeader>
      {period.notice ? <Alert variant="warning">{period.notice}</Alert> : null}
      <PeriodSelector period={period} basePath={basePath} />
      <ScoreTiles model={model} />
      <UpdateLoopFigures figures={model.updateLoop} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-5 print:grid-cols-5">
        <div className="min-w-0 lg:col-span-2 print:col-span-2">
          <NeedsAttention attention={model.attention} />
        </div>
        <div className="min-w-0 lg:col-span-3 print:col-span-3">
          <JourneyHeatmap heatmaps={model.heatmaps} />
        </div>
      </div>
      <KpiSection model={model} basePath={basePath} cards={cards} />
    </div>
  );
}
