// A measurement's value as people type and read it: parsing a cell, the unit's range, and the
// formats of values and scores. No calendar code, so the browser's grid and dialogs ship only this.
import type { KpiUnit } from "@/lib/kpi-library";
import { parseDecimal } from "./decimal";

/** Why `value` is out of range for the unit, or null. */
export function measurementValueIssue(unit: KpiUnit, value: number): string | null {
  if (!Number.isFinite(value)) return "must be a number";
  if (unit === "percent" && (value < 0 || value > 100)) return `${formatValue(value)} is outside 0–100 for a percentage`;
  return null;
}

export type ParsedValue = { ok: true; value: number } | { ok: false; message: string };

/** Text (or a number) typed into a cell → a value for a KPI of `unit`, or a message naming the cell. */
export function parseMeasurementValue(raw: string | number, unit: KpiUnit, label: string): ParsedValue {
  let value: number;
  if (typeof raw === "number") {
    value = raw;
  } else {
    const parsed = parseDecimal(raw);
    if (!parsed.ok) {
      return { ok: false, message: parsed.reason === "empty" ? `${label}: enter a value` : `${label}: ${JSON.stringify(raw.trim())} is not a number` };
    }
    value = parsed.value;
  }
  const issue = measurementValueIssue(unit, value);
  return issue ? { ok: false, message: `${label}: ${issue}` } : { ok: true, value };
}

/** Plain, locale-free number text for messages and inputs: no grouping, at most 6 decimals. */
export function formatValue(value: number): string {
  return Math.abs(value) >= 1e12 ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** A value with its unit, for people: "42%", "USD 1200", "3.5". */
export function formatWithUnit(value: number, unit: KpiUnit, currency: string | null): string {
  const text = formatValue(value);
  if (unit === "percent") return `${text}%`;
  if (unit === "currency") return `${currency ?? ""} ${text}`.trim();
  return text;
}

/** A 0–10 score as the app prints it: two decimals (6.67 at target, 3.33 at the red line). */
export function formatScore(score: number | null): string {
  return score === null ? "–" : score.toFixed(2);
}
