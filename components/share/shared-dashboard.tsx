// The public copy of one dashboard: the members' DashboardView with every perspective's objectives
// and KPI cards rendered with the page (no script loads them), each KPI linking to its chart page.
// SharedOrganisation: the organisation view of a link that includes the units below.
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { OrgDashboardView } from "@/components/dashboard/org-dashboard-view";
import { KpiCardList } from "@/components/dashboard/kpi-card-list";
import { ObjectivesTable } from "@/components/dashboard/objectives-table";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import type { OrgDashboardModel } from "@/lib/dashboards/org-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";
import { SharePrintButton } from "./print-script";

export function sharePath(token: string): string {
  return `/share/${encodeURIComponent(token)}`;
}

/** A unit's dashboard through a link that includes the units below. */
export function sharedUnitPath(token: string, unitId: string): string {
  return `${sharePath(token)}/units/${unitId}`;
}

export function SharedDashboard({
  token,
  teamName,
  model,
  cards,
  unitId,
}: {
  token: string;
  teamName: string;
  model: DashboardModel;
  cards: Record<string, KpiCardsBody>;
  /** Set on a unit page of a link that includes the units below: links stay on that unit, and lead back to the organisation. */
  unitId?: string;
}) {
  const basePath = unitId ? sharedUnitPath(token, unitId) : sharePath(token);
  const query = periodQuery(unitId ? { ...model.period.params, unit: unitId } : model.period.params);
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
                  <a href={`${sharePath(token)}/kpis/${kpi.id}${query}`}>
                    Chart and values<span className="sr-only">{` of ${kpi.name}`}</span>
                  </a>
                )}
              />
            ) : null}
          </div>
        );
      }}
      eyebrow={
        <>
          {unitId ? (
            <a href={`${sharePath(token)}${periodQuery(model.period.params)}`} className="self-start text-sm text-primary underline-offset-4 hover:underline" data-print-hidden>
              ← Back to the organisation
            </a>
          ) : null}
          <p className="text-sm font-medium text-muted-foreground">Shared by {teamName}</p>
        </>
      }
      actions={<SharePrintButton />}
    />
  );
}

export function SharedOrganisation({ token, teamName, model }: { token: string; teamName: string; model: OrgDashboardModel }) {
  const query = periodQuery(model.period.params);
  return (
    <OrgDashboardView
      model={model}
      basePath={sharePath(token)}
      unitHref={(id) => `${sharedUnitPath(token, id)}${query}`}
      eyebrow={<p className="text-sm font-medium text-muted-foreground">Shared by {teamName}</p>}
      actions={<SharePrintButton />}
    />
  );
}
