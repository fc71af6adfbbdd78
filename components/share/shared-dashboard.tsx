// The public copy of one dashboard: the members' DashboardView with every perspective's objectives
// and KPI cards rendered with the page (no script loads them), each KPI linking to its chart page.
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { KpiCardList } from "@/components/dashboard/kpi-card-list";
import { ObjectivesTable } from "@/components/dashboard/objectives-table";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { periodQuery } from "@/lib/dashboards/period-selection";
import { SharePrintButton } from "./print-script";

export function sharePath(token: string): string {
  return `/share/${encodeURIComponent(token)}`;
}

export function SharedDashboard({ token, teamName, model, cards }: { token: string; teamName: string; model: DashboardModel; cards: Record<string, KpiCardsBody> }) {
  const basePath = sharePath(token);
  const query = periodQuery(model.period.params);
  return (
    <DashboardView
      model={model}
      basePath={basePath}
      cards={(source) => {
        const body = cards[source.perspectiveId] ?? { objectives: [], kpis: [] };
        return (
          <div className="flex flex-col gap-3">
            <ObjectivesTable objectives={body.objectives} perspectiveName={source.perspectiveName} previousLabel={source.previousLabel} />
            {body.kpis.length ? (
              <KpiCardList
                kpis={body.kpis}
                chart={(kpi) => (
                  // Styled and left out of print by `.kpi-card > a` (globals.css); no icon: the words say it, 128 times on a large board.
                  <a href={`${basePath}/kpis/${kpi.id}${query}`}>
                    Chart and values<span className="sr-only">{` of ${kpi.name}`}</span>
                  </a>
                )}
              />
            ) : null}
          </div>
        );
      }}
      eyebrow={<p className="text-sm font-medium text-muted-foreground">Shared by {teamName}</p>}
      actions={<SharePrintButton />}
    />
  );
}
