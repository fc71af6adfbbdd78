// How dashboard numbers read: scores on the 0–10 scale, KPI values in their unit, trends in words.
import { numberFormat } from "@/lib/number-format";
import type { Status, Trend } from "@/lib/scoring";

export type KpiUnit = "percent" | "currency" | "count" | "duration" | "score";

/** One decimal, the precision the dashboard, the share page and the tests agree on; "—" for no score. */
export function formatScore(score: number | null): string {
  return score === null || !Number.isFinite(score) ? "—" : score.toFixed(1);
}

/** A signed change with one decimal ("+0.4", "−1.2", "±0.0"), or null when either side is missing. */
export function formatScoreChange(current: number | null, previous: number | null): string | null {
  if (current === null || previous === null) return null;
  const change = Math.round((current - previous) * 10) / 10;
  if (change === 0) return "±0.0";
  return change > 0 ? `+${change.toFixed(1)}` : `−${Math.abs(change).toFixed(1)}`;
}

/** A KPI value in its unit: "42.5%", "$1,250", "3.2", "1,204". */
export function formatKpiValue(value: number | null, unit: KpiUnit, currency?: string | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return `${numberFormat({ maximumFractionDigits: 1 }).format(value)}%`;
    case "currency": {
      const code = currency ?? "USD";
      try {
        // Cents below a thousand only.
        return numberFormat({ style: "currency", currency: code, maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2 }).format(value);
      } catch {
        return `${value} ${code}`;
      }
    }
    default:
      return numberFormat({ maximumFractionDigits: 2 }).format(value);
  }
}

export const TREND_LABELS: Record<Trend, string> = { improving: "Improving", flat: "Flat", declining: "Declining" };

export const STATUS_WORDS: Record<Status, string> = { green: "On track", amber: "At risk", red: "Off track", grey: "No data" };

/** "Higher is better, target 40, red below 10" — the thresholds in words, for charts and tables. */
export function describeThresholds(kpi: { direction: "up" | "down" | "range"; target: number; targetMax: number | null; redThreshold: number; unit: KpiUnit; currency?: string | null }): string {
  const v = (x: number) => formatKpiValue(x, kpi.unit, kpi.currency);
  switch (kpi.direction) {
    case "up":
      return `Higher is better · target ${v(kpi.target)} · red below ${v(kpi.redThreshold)}`;
    case "down":
      return `Lower is better · target ${v(kpi.target)} · red above ${v(kpi.redThreshold)}`;
    case "range": {
      const top = kpi.targetMax ?? kpi.target;
      return `Within ${v(kpi.target)}–${v(top)} · red more than ${formatKpiValue(kpi.redThreshold, kpi.unit === "percent" ? "count" : kpi.unit, kpi.currency)}${kpi.unit === "percent" ? " points" : ""} outside`;
    }
  }
}
