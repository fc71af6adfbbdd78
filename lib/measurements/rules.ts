// What makes one measurement acceptable: a number, inside the unit's range, for a period that
// starts a period of the KPI's frequency and has begun. Pure, with messages that name the cell,
// so the grid and the server refuse the same things in the same words.
import type { KpiUnit } from "@/lib/kpi-library";
import { formatPeriod, isIsoDate, isPeriodStart, periodStartFor, type Frequency, type TeamCalendar } from "@/lib/periods";
import { parseDecimal } from "./decimal";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Activation rate, Mar 2026": how messages name a cell of the grid. */
export function cellLabel(kpiName: string, period: string, frequency: Frequency, calendar: TeamCalendar): string {
  return isIsoDate(period) ? `${kpiName}, ${formatPeriod(period, frequency, calendar)}` : `${kpiName}, period ${JSON.stringify(period)}`;
}

function periodRule(frequency: Frequency, calendar: TeamCalendar): string {
  switch (frequency) {
    case "weekly":
      return "weeks start on a Monday";
    case "monthly":
      return "months start on the 1st";
    case "quarterly": {
      const starts = [0, 3, 6, 9].map((offset) => MONTHS[(calendar.fiscalYearStartMonth - 1 + offset) % 12]);
      return `quarters start on the 1st of ${starts.slice(0, 3).join(", ")} and ${starts[3]}`;
    }
  }
}

/** Why `period` cannot hold a value of a KPI with this frequency, or null. */
export function measurementPeriodIssue(
  period: string,
  frequency: Frequency,
  calendar: TeamCalendar,
  /** The team's today (ISO): a period that starts after it has not begun. */
  today?: string,
): string | null {
  if (!isIsoDate(period)) return `Period ${JSON.stringify(period)} is not a date (YYYY-MM-DD)`;
  if (!isPeriodStart(period, frequency, calendar)) {
    return `Period ${period} does not start a ${frequency} period (${periodRule(frequency, calendar)}); the period containing it starts on ${periodStartFor(period, frequency, calendar)}`;
  }
  if (today && period > periodStartFor(today, frequency, calendar)) {
    return `Period ${formatPeriod(period, frequency, calendar)} has not started yet`;
  }
  return null;
}

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
