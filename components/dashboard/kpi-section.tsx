// KpiSection: the dashboard's KPIs, perspective by perspective. The server renders the headings;
// each perspective's cards come from the panel the page passes in (members' or share page's),
// which fetches them as the reader scrolls to them.
import { Fragment, type ReactNode } from "react";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";
import type { KpiCardsSource } from "./kpi-cards-panel";

export function KpiSection({ model, basePath, cards }: { model: DashboardModel; basePath: string; cards: (source: KpiCardsSource) => ReactNode }) {
  const query = periodQuery(model.period.params);
  const window = { from: model.period.history.from, to: model.period.history.to };
  return (
    <section aria-labelledby="kpis-heading" className="flex flex-col gap-4 print:break-before-page">
      <div>
        <h2 id="kpis-heading" className="text-lg font-semibold">
          KPIs
        </h2>
        <p className="text-sm text-muted-foreground">Latest value as of the period, with the trailing year of values. Open a chart for actual against target and thresholds.</p>
      </div>
      {model.perspectives.map((p) => {
        const kpiCount = p.objectives.reduce((n, o) => n + o.kpis.length, 0);
        if (kpiCount === 0) return null;
        const url = `${basePath}/kpis${query ? `${query}&` : "?"}perspective=${p.id}`;
        return (
          <section key={p.id} aria-labelledby={`kpis-${p.id}`} className="flex flex-col gap-2">
            <h3 id={`kpis-${p.id}`} className="text-sm font-semibold tracking-wide text-muted-foreground uppercase">
              {p.name} <span className="font-normal normal-case">({kpiCount})</span>
            </h3>
            {/* Keyed by its URL: another period is another set of cards, not an update of these. */}
            <Fragment key={url}>{cards({ perspectiveName: p.name, kpiCount, url, basePath, window })}</Fragment>
          </section>
        );
      })}
      {model.kpiCount === 0 ? <p className="text-sm text-muted-foreground">This scorecard has no KPIs yet.</p> : null}
    </section>
  );
}
