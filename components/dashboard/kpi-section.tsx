// KpiSection: every KPI with its value, status, target, a server-rendered sparkline and an
// on-demand detail chart. Streams in behind its own Suspense boundary (it waits for the history).
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DashboardModel, KpiView } from "@/lib/dashboards/build-dashboard";
import { describeThresholds, formatKpiValue, formatScore } from "@/lib/dashboards/format";
import type { KpiHistories } from "@/lib/dashboards/load-dashboard";
import type { KpiChartMeta } from "./kpi-chart-panel";
import { Sparkline } from "./sparkline";
import { TrendIndicator } from "./trend-indicator";

/** Where the detail charts fetch their values, and which client component shows them. */
export interface KpiChartSource {
  /** The dashboard's own path; each KPI's values are at `<basePath>/kpis/<id>/history`. */
  basePath: string;
  window: { from: string; to: string };
  /**
   * The disclosure, chosen by the page: the members' one reads through the team's query cache,
   * the share page's uses plain fetch. Passed in rather than imported here so that the share
   * page's script does not carry TanStack Query.
   */
  render: (meta: KpiChartMeta) => React.ReactNode;
}

function KpiCard({ kpi, history, charts }: { kpi: KpiView; history: KpiHistories[string]; charts: KpiChartSource }) {
  const prior = kpi.priorPeriod ? history.find((p) => p.period === kpi.priorPeriod) : undefined;
  return (
    <li
      data-slot="card"
      data-testid={`kpi-${kpi.id}`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border bg-card p-4 shadow-xs break-inside-avoid sm:has-[[data-chart-open]]:col-span-full"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h4 className="font-semibold break-words">{kpi.name}</h4>
          <p className="text-xs text-muted-foreground">
            {kpi.objectiveTitle}
            {kpi.ownerName ? ` · ${kpi.ownerName}` : ""}
          </p>
        </div>
        <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" className="shrink-0" />
      </div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-semibold tabular-nums">{formatKpiValue(kpi.value, kpi.unit, kpi.currency)}</span>
        <span className="text-xs text-muted-foreground">
          {kpi.periodLabel ? `${kpi.periodLabel} · ` : ""}score {formatScore(kpi.score)}
        </span>
      </p>
      <p className="text-xs text-muted-foreground">{describeThresholds(kpi)}</p>
      <Sparkline points={history} target={kpi.target} targetMax={kpi.direction === "range" ? kpi.targetMax : null} unit={kpi.unit} currency={kpi.currency} status={kpi.stale ? "grey" : kpi.status} name={kpi.name} />
      {kpi.priorPeriodLabel ? (
        <p className="text-xs text-muted-foreground">
          {kpi.priorPeriodLabel}: {formatKpiValue(prior?.value ?? null, kpi.unit, kpi.currency)}
        </p>
      ) : null}
      {/* The KPI's own period-over-period direction: its latest value against the period before it. */}
      <TrendIndicator trend={kpi.ownTrend} score={kpi.score} previousScore={kpi.priorScore} previousLabel={kpi.priorPeriodLabel ?? undefined} />
      {charts.render(chartMeta(kpi, charts))}
    </li>
  );
}

// The chart's values are not props: 128 KPIs × a year of points made the page megabytes long.
function chartMeta(kpi: KpiView, charts: KpiChartSource): KpiChartMeta {
  const query = new URLSearchParams(charts.window).toString();
  return {
    kpiId: kpi.id,
    historyUrl: `${charts.basePath}/kpis/${kpi.id}/history?${query}`,
    window: charts.window,
    name: kpi.name,
    unit: kpi.unit,
    currency: kpi.currency,
    direction: kpi.direction,
    target: kpi.target,
    targetMax: kpi.targetMax,
    redThreshold: kpi.redThreshold,
  };
}

export async function KpiSection({ model, histories, charts }: { model: DashboardModel; histories: Promise<KpiHistories>; charts: KpiChartSource }) {
  const history = await histories;
  return (
    <KpiSectionFrame>
      {model.perspectives
        .filter((p) => p.objectives.some((o) => o.kpis.length > 0))
        .map((p) => (
          <section key={p.id} aria-labelledby={`kpis-${p.id}`} className="flex flex-col gap-2">
            <h3 id={`kpis-${p.id}`} className="text-sm font-semibold tracking-wide text-muted-foreground uppercase">
              {p.name}
            </h3>
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-3">
              {p.objectives.flatMap((o) => o.kpis.map((k) => <KpiCard key={k.id} kpi={k} history={history[k.id] ?? []} charts={charts} />))}
            </ul>
          </section>
        ))}
      {model.kpiCount === 0 ? <p className="text-sm text-muted-foreground">This scorecard has no KPIs yet.</p> : null}
    </KpiSectionFrame>
  );
}

function KpiSectionFrame({ children, busy = false }: { children: React.ReactNode; busy?: boolean }) {
  return (
    <section aria-labelledby="kpis-heading" aria-busy={busy || undefined} className="flex flex-col gap-4 print:break-before-page">
      <div>
        <h2 id="kpis-heading" className="text-lg font-semibold">
          KPIs
        </h2>
        <p className="text-sm text-muted-foreground">Latest value as of the period, with the trailing year of values. Open a chart for actual against target and thresholds.</p>
      </div>
      {children}
    </section>
  );
}

export function KpiSectionSkeleton({ count }: { count: number }) {
  return (
    <KpiSectionFrame busy>
      <p className="sr-only">Loading KPIs…</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: Math.min(Math.max(count, 1), 9) }, (_, i) => (
          <Skeleton key={i} className="h-56" />
        ))}
      </div>
    </KpiSectionFrame>
  );
}
