// A dashboard's KPI cards as data: what one perspective's cards show, fetched by the browser
// when that part of the dashboard comes into view (a 128-KPI scorecard's cards were 80% of its
// page). Compact on purpose: the sparkline carries its values and the labels of its ends only.
import type { TeamCalendar } from "@/lib/periods";
import { formatPeriod } from "@/lib/periods";
import type { Status, Trend } from "@/lib/scoring";
import type { KpiView } from "./build-dashboard";
import type { KpiUnit } from "./format";

export interface KpiCardData {
  id: string;
  name: string;
  objectiveTitle: string;
  ownerName: string | null;
  unit: KpiUnit;
  currency: string | null;
  direction: "up" | "down" | "range";
  target: number;
  targetMax: number | null;
  redThreshold: number;
  value: number | null;
  periodLabel: string | null;
  score: number | null;
  status: Status;
  stale: boolean;
  /** The KPI's own period before its latest one: label, value and score. */
  priorPeriodLabel: string | null;
  priorValue: number | null;
  priorScore: number | null;
  ownTrend: Trend | null;
  /** The values in the dashboard's history window, oldest first, and the labels of the first and last. */
  sparkline: { values: number[]; from: string; to: string } | null;
}

export interface KpiCardsBody {
  kpis: KpiCardData[];
}

/** Cards of `kpis` from their measurements in the history window (`rows` in any order). */
export function kpiCards(kpis: KpiView[], rows: Array<{ kpiId: string; period: string; value: number }>, calendar: TeamCalendar): KpiCardData[] {
  const series = new Map<string, Array<{ period: string; value: number }>>(kpis.map((k) => [k.id, []]));
  for (const row of rows) if (Number.isFinite(row.value)) series.get(row.kpiId)?.push(row);
  return kpis.map((kpi) => {
    const points = series.get(kpi.id)!.sort((a, b) => a.period.localeCompare(b.period));
    const first = points[0];
    const last = points[points.length - 1];
    return {
      id: kpi.id,
      name: kpi.name,
      objectiveTitle: kpi.objectiveTitle,
      ownerName: kpi.ownerName,
      unit: kpi.unit,
      currency: kpi.currency,
      direction: kpi.direction,
      target: kpi.target,
      targetMax: kpi.targetMax,
      redThreshold: kpi.redThreshold,
      value: kpi.value,
      periodLabel: kpi.periodLabel,
      score: kpi.score,
      status: kpi.status,
      stale: kpi.stale,
      priorPeriodLabel: kpi.priorPeriodLabel,
      priorValue: kpi.priorPeriod ? (points.find((p) => p.period === kpi.priorPeriod)?.value ?? null) : null,
      priorScore: kpi.priorScore,
      ownTrend: kpi.ownTrend,
      sparkline:
        first && last
          ? { values: points.map((p) => p.value), from: formatPeriod(first.period, kpi.frequency, calendar), to: formatPeriod(last.period, kpi.frequency, calendar) }
          : null,
    };
  });
}
