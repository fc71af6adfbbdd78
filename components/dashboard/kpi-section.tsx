// KpiSection: the dashboard's objectives and KPIs, perspective by perspective. The server renders
// the headings; each perspective's objectives and cards come from the panel the page passes in
// (members' page: fetched as the reader scrolls to them; share page: rendered with the page).
import { Fragment, type ReactNode } from "react";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";
import type { KpiCardsSource } from "./team-kpi-cards";

export function KpiSection({ model, basePath, cards }: { model: DashboardModel; basePath: string; cards: (source: KpiCardsSource) => ReactNode }) {
  const query = periodQuery(model.period.params);
  const window = { from: model.period.history.from, to: model.period.history.to };
  return (
    <section aria-labelledby="kpis-heading" className="flex flex-col gap-4 print:break-before-page">
      <div>
        <h2 id="kpis-heading" className="text-lg font-semibold">
          Objectives and KPIs
        </h2>
        <p className="text-sm text-muted-foreground">
          Each objective&apos;s score and trend, then each KPI&apos;s latest value as of the period with the trailing year of values. Open a chart for actual
          against target and thresholds.
        </p>
      </div>
      {model.perspectives.map((p) => {
        const kpiCount = p.objectives.reduce((n, o) => n + o.kpis.length, 0);
        const objectiveCount = p.objectives.length;
        const url = `${basePath}/kpis${query ? `${query}&` : "?"}perspective=${p.id}`;
        return (
          <section key={p.id} aria-labelledby={`kpis-${p.id}`} className="flex flex-col gap-2">
            <h3 id={`kpis-${p.id}`} className="text-sm font-semibold tracking-wide text-muted-foreground uppercase">
              {p.name}{" "}
              <span className="font-normal normal-case">
                ({objectiveCount} {objectiveCount === 1 ? "objective" : "objectives"}, {kpiCount} {kpiCount === 1 ? "KPI" : "KPIs"})
              </span>
            </h3>
            {objectiveCount === 0 ? (
              <p className="text-sm text-muted-foreground">No objectives in this perspective yet.</p>
            ) : (
              // Keyed by its URL: another period is another set of cards, not an update of these.
              <Fragment key={url}>{cards({ perspectiveId: p.id, perspectiveName: p.name, objectiveCount, kpiCount, previousLabel: model.period.previous.label, url, basePath, window })}</Fragment>
            )}
          </section>
        );
      })}
      {model.perspectives.every((p) => p.objectives.length === 0) ? <p className="text-sm text-muted-foreground">This scorecard has no objectives yet.</p> : null}
    </section>
  );
}
