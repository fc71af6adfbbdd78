// The dashboard's period selector as pure date math: search params → the selected range,
// the date the scores are taken at (as-of), the previous period to compare with, and the
// window of history the sparklines and the CSV export read.
import { z } from "zod";
import { formatPeriod, isIsoDate, periodEnd, periodStartFor, type TeamCalendar } from "@/lib/periods";

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: "Month", quarter: "Quarter", year: "Year", custom: "Custom" };

/** A custom range may span at most this many days (ten years), so a typo cannot ask for centuries. */
export const MAX_CUSTOM_DAYS = 3660;

export interface DateRange {
  from: string;
  to: string;
}

export interface ComparedPeriod extends DateRange {
  /** Scores are taken as of this date: the end of the range, or today while it is running. */
  asOf: string;
  label: string;
}

export interface DashboardPeriod extends ComparedPeriod {
  kind: PeriodKind;
  /** The period just before, of the same kind and length. */
  previous: ComparedPeriod;
  /** What the sparklines and detail charts show: at least the trailing year up to `asOf`. */
  history: DateRange;
  /** Search params naming this selection (a canonical, shareable URL). */
  params: Record<string, string>;
  /** Search params of the period before and after (null when it would start after today). */
  earlier: Record<string, string> | null;
  later: Record<string, string> | null;
  /** Set when the request asked for something unusable and a default was shown instead. */
  notice: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const fromDayNumber = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

export function daysBetweenInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** The first day of the month `months` away from the month containing `iso`. */
function shiftMonth(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The fiscal year containing `iso`: from its first day to its last. */
export function fiscalYearOf(iso: string, calendar: TeamCalendar): DateRange {
  const month = Number(iso.slice(5, 7));
  const year = Number(iso.slice(0, 4));
  const startYear = month >= calendar.fiscalYearStartMonth ? year : year - 1;
  const from = `${String(startYear).padStart(4, "0")}-${String(calendar.fiscalYearStartMonth).padStart(2, "0")}-01`;
  return { from, to: addDays(shiftMonth(from, 12), -1) };
}

/** "2026" for calendar years; "FY2027" for a fiscal year named, like quarters, by the year it ends in. */
export function fiscalYearLabel(range: DateRange, calendar: TeamCalendar): string {
  return calendar.fiscalYearStartMonth === 1 ? range.from.slice(0, 4) : `FY${range.to.slice(0, 4)}`;
}

function rangeOf(kind: Exclude<PeriodKind, "custom">, at: string, calendar: TeamCalendar): DateRange & { label: string } {
  switch (kind) {
    case "month": {
      const from = periodStartFor(at, "monthly", calendar);
      return { from, to: periodEnd(from, "monthly", calendar), label: formatPeriod(from, "monthly", calendar) };
    }
    case "quarter": {
      const from = periodStartFor(at, "quarterly", calendar);
      return { from, to: periodEnd(from, "quarterly", calendar), label: formatPeriod(from, "quarterly", calendar) };
    }
    case "year": {
      const range = fiscalYearOf(at, calendar);
      return { ...range, label: fiscalYearLabel(range, calendar) };
    }
  }
}

function customLabel(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} – ${range.to}`;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isoDate = z.string().refine(isIsoDate);

const asOfFor = (range: DateRange, today: string) => (range.to < today ? range.to : today);

/**
 * Reads `period` (month | quarter | year | custom), `at` (any date inside the period; default
 * today) and, for custom, `from` and `to`. Anything unusable falls back to the current month with
 * a notice, never an error page: a dashboard link should always open.
 */
export function resolveDashboardPeriod(input: SearchParams, calendar: TeamCalendar, today: string): DashboardPeriod {
  const kind = z.enum(PERIOD_KINDS).safeParse(one(input.period) ?? "month");
  if (!kind.success) return fixedPeriod("month", today, calendar, today, "Unknown period type; showing the current month.");

  if (kind.data === "custom") {
    const from = isoDate.safeParse(one(input.from));
    const to = isoDate.safeParse(one(input.to));
    if (!from.success || !to.success) return fixedPeriod("month", today, calendar, today, "A custom range needs a start and an end date; showing the current month.");
    if (from.data > to.data) return fixedPeriod("month", today, calendar, today, "The custom range ends before it starts; showing the current month.");
    if (from.data > today) return fixedPeriod("month", today, calendar, today, "That range has not started yet; showing the current month.");
    if (daysBetweenInclusive(from.data, to.data) > MAX_CUSTOM_DAYS) return fixedPeriod("month", today, calendar, today, "A custom range can span at most ten years; showing the current month.");
    return customPeriod({ from: from.data, to: to.data }, calendar, today);
  }

  const at = one(input.at) ?? today;
  if (!isIsoDate(at)) return fixedPeriod(kind.data, today, calendar, today, "That date is not valid; showing the current period.");
  if (at > today) return fixedPeriod(kind.data, today, calendar, today, "That period has not started yet; showing the current one.");
  return fixedPeriod(kind.data, at, calendar, today, null);
}

function historyWindow(from: string, asOf: string, calendar: TeamCalendar): DateRange {
  // A trailing year (from the start of the quarter a year back, so quarterly KPIs show four or five points).
  const yearBack = periodStartFor(shiftMonth(asOf, -12), "quarterly", calendar);
  return { from: from < yearBack ? from : yearBack, to: asOf };
}

function fixedPeriod(kind: Exclude<PeriodKind, "custom">, at: string, calendar: TeamCalendar, today: string, notice: string | null): DashboardPeriod {
  const current = rangeOf(kind, at, calendar);
  const before = rangeOf(kind, addDays(current.from, -1), calendar);
  const after = addDays(current.to, 1);
  const asOf = asOfFor(current, today);
  return {
    kind,
    ...current,
    asOf,
    previous: { ...before, asOf: before.to },
    history: historyWindow(current.from, asOf, calendar),
    params: { period: kind, at: current.from },
    earlier: { period: kind, at: before.from },
    later: after <= today ? { period: kind, at: after } : null,
    notice,
  };
}

function customPeriod(range: DateRange, calendar: TeamCalendar, today: string): DashboardPeriod {
  const length = daysBetweenInclusive(range.from, range.to);
  const previous = { from: addDays(range.from, -length), to: addDays(range.from, -1) };
  const next = { from: addDays(range.to, 1), to: addDays(range.to, length) };
  const asOf = asOfFor(range, today);
  return {
    kind: "custom",
    ...range,
    asOf,
    label: customLabel(range),
    previous: { ...previous, asOf: previous.to, label: customLabel(previous) },
    history: historyWindow(range.from, asOf, calendar),
    params: { period: "custom", from: range.from, to: range.to },
    earlier: { period: "custom", ...previous },
    later: next.from <= today ? { period: "custom", ...next } : null,
    notice: null,
  };
}

/**
 * The earliest period start (of any KPI frequency) whose period overlaps `from`: a week or a
 * quarter that began before the range still has a value for it.
 */
export function earliestOverlappingPeriodStart(from: string, calendar: TeamCalendar): string {
  const week = periodStartFor(from, "weekly", calendar);
  const quarter = periodStartFor(from, "quarterly", calendar);
  return week < quarter ? week : quarter;
}

/** Query string for a selection, e.g. "?period=quarter&at=2026-01-01". */
export function periodQuery(params: Record<string, string> | null | undefined): string {
  if (!params) return "";
  const search = new URLSearchParams(params).toString();
  return search ? `?${search}` : "";
}

/** The selections offered as tabs, each keeping the date the person is looking at. */
export function kindSwitches(period: DashboardPeriod): Array<{ kind: PeriodKind; label: string; params: Record<string, string> }> {
  const at = period.asOf;
  return PERIOD_KINDS.map((kind) => {
    const params: Record<string, string> = kind === "custom" ? { period: "custom", from: period.from, to: period.to } : { period: kind, at };
    return { kind, label: PERIOD_KIND_LABELS[kind], params };
  });
}
