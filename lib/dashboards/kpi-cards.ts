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

/** What an objective's row shows: its owner, score, status and trend. */
const OBJECTIVE_FIELDS = ["id", "title", "ownerName", "score", "status", "coverage", "trend", "previousScore"] as const satisfies ReadonlyArray<keyof ObjectiveView>;

export type ObjectiveRowData = Pick<ObjectiveView, (typeof OBJECTIVE_FIELDS)[number]>;

/** `fields` of `from`, and nothing else. */
function pick<T, K extends keyof T>(from: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, from[field]])) as Pick<T, K>;
}

export type KpiCardData = CardFields & {
  /** The value of the KPI's own period before its latest one. */
  priorValue: number | null;
  /** The values in the dashboard's history window, oldest first, and the labels of the first and last. */
  sparkline: { values: number[]; from: string; to: string } | null;
};

export interface KpiCardsBody {
  objectives: ObjectiveRowData[];
  kpis: KpiCardData[];
}

export function objectiveRows(objectives: ObjectiveView[]): ObjectiveRowData[] {
  return objectives.map((objective) => pick(objective, OBJECTIVE_FIELDS));
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
      ...pick(kpi, CARD_FIELDS),
      priorValue: kpi.priorPeriod ? (points.find((p) => p.period === kpi.priorPeriod)?.value ?? null) : null,
      sparkline:
        first && last
          ? { values: points.map((p) => p.value), from: formatPeriod(first.period, kpi.frequency, calendar), to: formatPeriod(last.period, kpi.frequency, calendar) }
          : null,
    };
  });
}
