// One KPI of a shared dashboard on a page of its own: its values over the dashboard's history window
// as a chart (server-drawn SVG) and as a table, with a way back to the dashboard at the same period.
import { KpiHistoryChart } from "@/components/dashboard/kpi-history-chart";
import { KpiValuesTable } from "@/components/dashboard/kpi-values-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DashboardModel, KpiView } from "@/lib/dashboards/build-dashboard";
import { describeThresholds, formatKpiValue } from "@/lib/dashboards/format";
import type { KpiHistoryPoint } from "@/lib/dashboards/load-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";
import { sharedUnitPath, sharePath } from "./shared-dashboard";

export function SharedKpiChart({
  token,
  dashboard,
  kpi,
  points,
  unitId = null,
}: {
  token: string;
  dashboard: DashboardModel;
  kpi: KpiView;
  points: KpiHistoryPoint[];
  /** The unit page of a link that includes the units below, which the dashboard is. */
  unitId?: string | null;
}) {
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <div className="flex flex-col gap-4">
      <a href={`${unitId ? sharedUnitPath(token, unitId) : sharePath(token)}${periodQuery(dashboard.period.params)}`} className="self-start text-sm text-primary underline-offset-4 hover:underline" data-print-hidden>
        ← Back to {dashboard.scorecard.name}
      </a>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{kpi.name}</h1>
          <p className="text-sm text-muted-foreground">
            {kpi.perspectiveName} · {kpi.objectiveTitle}
            {kpi.ownerName ? ` · ${kpi.ownerName}` : ""}
          </p>
        </div>
        <StatusBadge status={kpi.status} stale={kpi.stale} className="shrink-0" />
      </div>
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums">{formatKpiValue(kpi.value, kpi.unit, kpi.currency)}</span>{" "}
        <span className="text-muted-foreground">{kpi.periodLabel ? `${kpi.periodLabel} · ` : ""}as of {dashboard.period.asOf}</span>
      </p>
      <p className="text-sm text-muted-foreground">{describeThresholds(kpi)}</p>
      <section aria-labelledby="kpi-values-heading" className="flex flex-col gap-2 rounded-lg border bg-card p-4">
        <h2 id="kpi-values-heading" className="font-semibold">
          {first && last ? `Values from ${first.label} to ${last.label}` : "Values"}
        </h2>
        {points.length === 0 ? (
          <p className="text-sm text-muted-foreground">No values in this window.</p>
        ) : (
          <>
            <KpiHistoryChart data={{ ...kpi, points }} />
            <KpiValuesTable name={kpi.name} unit={kpi.unit} currency={kpi.currency} points={points} />
          </>
        )}
      </section>
    </div>
  );
}
