// KpiCardList: one perspective's KPIs as cards — value, status, target, sparkline, the KPI's own
// trend and its detail chart. Rendered from the cards' data (lib/dashboards/kpi-cards): in the browser on
// the members' dashboard, on the server on the share page.
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { describeThresholds, formatKpiValue, formatScore } from "@/lib/dashboards/format";
import type { KpiCardData } from "@/lib/dashboards/kpi-cards";
import { Sparkline } from "./sparkline";
import { TrendIndicator } from "./trend-indicator";

export const KPI_GRID_CLASS = "grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-3";

function KpiCard({ kpi, chart }: { kpi: KpiCardData; chart: ReactNode }) {
  // The look is the .kpi-card component class (globals.css): a dashboard shows up to hundreds.
  return (
    <li data-testid={`kpi-${kpi.id}`} className="kpi-card">
      <header>
        <div>
          <h4>{kpi.name}</h4>
          {/* One text node each (no <!-- --> between parts in the server HTML). */}
          <p className="hint">{`${kpi.objectiveTitle}${kpi.ownerName ? ` · ${kpi.ownerName}` : ""}`}</p>
        </div>
        <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" />
      </header>
      <p className="kpi-value">
        <strong>{formatKpiValue(kpi.value, kpi.unit, kpi.currency)}</strong>
        <span className="hint">{`${kpi.periodLabel ? `${kpi.periodLabel} · ` : ""}score ${formatScore(kpi.score)}`}</span>
      </p>
      <p className="hint">{describeThresholds(kpi)}</p>
      <Sparkline
        values={kpi.sparkline?.values ?? []}
        from={kpi.sparkline?.from ?? ""}
        to={kpi.sparkline?.to ?? ""}
        target={kpi.target}
        targetMax={kpi.direction === "range" ? kpi.targetMax : null}
        unit={kpi.unit}
        currency={kpi.currency}
        status={kpi.stale ? "grey" : kpi.status}
        name={kpi.name}
      />
      {kpi.priorPeriodLabel ? (
        <p className="hint">{`${kpi.priorPeriodLabel}: ${formatKpiValue(kpi.priorValue, kpi.unit, kpi.currency)}`}</p>
      ) : null}
      {/* The KPI's own period-over-period direction: its latest value against the period named just above. */}
      <TrendIndicator trend={kpi.ownTrend} score={kpi.score} previousScore={kpi.priorScore} />
      {chart}
    </li>
  );
}

/** `chart` renders a KPI's chart: the members' disclosure, or the share page's link to the KPI's chart page. */
export function KpiCardList({ kpis, chart }: { kpis: KpiCardData[]; chart: (kpi: KpiCardData) => ReactNode }) {
  return (
    <ul className={KPI_GRID_CLASS}>
      {kpis.map((kpi) => (
        <KpiCard key={kpi.id} kpi={kpi} chart={chart(kpi)} />
      ))}
    </ul>
  );
}
