// Words and numbers for people: KPI values in their unit, scores, thresholds, labels.
import type { KpiUnit, PerspectiveKind } from "@/lib/kpi-library";
import type { Frequency } from "@/lib/periods";
import { numberFormat } from "@/lib/number-format";
import type { KpiDirection } from "@/lib/scoring";

// The few words and numbers client components draw themselves live in display.ts (so they do not
// bring this module along); they are part of the same vocabulary.
export { formatScore, INDICATOR_LABELS, INITIATIVE_STATUS_LABELS } from "./display";

export const UNIT_LABELS: Record<KpiUnit, string> = { percent: "Percent (%)", currency: "Currency", count: "Count", duration: "Duration", score: "Score" };
export const DIRECTION_LABELS: Record<KpiDirection, string> = { up: "Higher is better", down: "Lower is better", range: "Within a range" };
export const FREQUENCY_LABELS: Record<Frequency, string> = { weekly: "Weekly", monthly: "Monthly", quarterly: "Quarterly" };
export const SOURCE_LABELS = { manual: "Manual entry", csv: "CSV import", api: "API" } as const;
export const PERSPECTIVE_KIND_LABELS: Record<PerspectiveKind, string> = {
  financial: "Financial",
  customer: "Customer",
  internal: "Internal processes",
  learning: "Learning & growth",
};
export const TARGET_FIELD_LABELS = { target: "Target", targetMax: "Top of target range", redThreshold: "Red threshold" } as const;

const plain = (value: number, digits = 2) => numberFormat({ maximumFractionDigits: digits }).format(value);

/** "85%", "$4,000", "1,200", "12"; an em dash for no value. */
export function formatKpiValue(value: number | null | undefined, kpi: { unit: KpiUnit; currency?: string | null }): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (kpi.unit) {
    case "percent":
      return `${plain(value)}%`;
    case "currency":
      try {
        return numberFormat({ style: "currency", currency: kpi.currency ?? "USD", minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 }).format(value);
      } catch {
        return `${plain(value)} ${kpi.currency ?? ""}`.trim();
      }
    default:
      return plain(value);
  }
}


/** "Target ≥ 85%, red below 75%" — what green and red mean for this KPI. */
export function describeThresholds(kpi: { unit: KpiUnit; currency?: string | null; direction: KpiDirection; target: number; targetMax: number | null; redThreshold: number }): string {
  const f = (v: number) => formatKpiValue(v, kpi);
  switch (kpi.direction) {
    case "up":
      return `Target ≥ ${f(kpi.target)}, red below ${f(kpi.redThreshold)}`;
    case "down":
      return `Target ≤ ${f(kpi.target)}, red above ${f(kpi.redThreshold)}`;
    case "range":
      return `Target ${f(kpi.target)}–${f(kpi.targetMax ?? kpi.target)}, red beyond ${kpi.unit === "percent" ? `${plain(kpi.redThreshold)} points` : f(kpi.redThreshold)} outside`;
  }
}

/** A weight as its share of its siblings' total: "25%". */
export function weightShare(weight: number, siblings: readonly number[]): string {
  const total = siblings.reduce((sum, w) => sum + (w > 0 ? w : 0), 0);
  if (total <= 0) return siblings.length ? `${plain(100 / siblings.length, 0)}%` : "—";
  return `${plain(((weight > 0 ? weight : 0) / total) * 100, 0)}%`;
}

/** "3 of 4 scored" — coverage of a roll-up. */
export function formatCoverage(coverage: { scored: number; total: number }): string {
  return coverage.total === 0 ? "Nothing to score yet" : `${coverage.scored} of ${coverage.total} scored`;
}
