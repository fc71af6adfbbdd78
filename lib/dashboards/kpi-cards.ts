// One perspective's objectives and KPI cards as data, fetched by the browser when that part of
// the dashboard comes into view (on a 128-KPI scorecard they were most of its page). Compact on
// purpose: the sparkline carries its values and the labels of its ends only.
import type { TeamCalendar } from "@/lib/periods";
import { formatPeriod } from "@/lib/periods";
import type { KpiView, ObjectiveView } from "./build-dashboard";

/** What a card shows of the KPI's view; `kpiCards` copies exactly these, so the response stays compact. */
const CARD_FIELDS = [
  "id", "name", "objectiveTitle", "ownerName", "unit", "currency", "direction", "target", "targetMax", "redThreshold",
  "value", "periodLabel", "score", "status", "stale", "priorPeriodLabel", "priorScore", "ownTrend",
] as const satisfies ReadonlyArray<keyof KpiView>;

type CardFields = Pick<KpiView, (typeof CARD_FIELDS)[number]>;

export type KpiCardData = CardFields & {
  /** The value of the KPI's own period before its latest one. */
  priorValue: number | null;
  /** The values in the dashboard's history window, oldest first, and the labels of the first and last. */
  sparkline: { values: number[]; from: string; to: string } | null;
};

/** An objective's row: its owner, score, status and trend. */
export type ObjectiveRowData = Pick<ObjectiveView, "id" | "title" | "ownerName" | "score" | "status" | "coverage" | "trend" | "previousScore">;

export interface KpiCardsBody {
  objectives: ObjectiveRowData[];
  kpis: KpiCardData[];
}

export function objectiveRows(objectives: ObjectiveView[]): ObjectiveRowData[] {
  return objectives.map(({ id, title, ownerName, score, status, coverage, trend, previousScore }) => ({ id, title, ownerName, score, status, coverage, trend, previousScore }));
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
      ...(Object.fromEntries(CARD_FIELDS.map((field) => [field, kpi[field]])) as CardFields),
      priorValue: kpi.priorPeriod ? (points.find((p) => p.period === kpi.priorPeriod)?.value ?? null) : null,
      sparkline:
        first && last
          ? { values: points.map((p) => p.value), from: formatPeriod(first.period, kpi.frequency, calendar), to: formatPeriod(last.period, kpi.frequency, calendar) }
          : null,
    };
  });
}
