// Period math for KPI measurements. A period is named by the ISO date (YYYY-MM-DD) it
// starts on: weeks start on Monday, months on the 1st, quarters on months aligned to the
// team's fiscal-year start month.
//
// Dates are handled as calendar dates, never as instants: arithmetic runs on UTC-midnight
// Date values (whole days since the epoch), so DST shifts can never move a boundary.
// Only `localDate` touches a time zone, to turn "now" into the team's calendar date.

export const FREQUENCIES = ["weekly", "monthly", "quarterly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export type TeamCalendar = {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** 1 (January) … 12 (December). */
  fiscalYearStartMonth: number;
};

type CivilDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

// setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Strict `YYYY-MM-DD` check: a real day of the Gregorian calendar, years 0001–9999. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIsoDate(iso: string): CivilDate {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function formatCivil({ year, month, day }: CivilDate): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Date outside years 0001–9999: year ${year}`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return utcDate(year, month, day).getTime() / DAY_MS;
}

function fromDayNumber(days: number): string {
  const date = new Date(days * DAY_MS);
  return formatCivil({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Only ever called on the 1st of a month, so no day-of-month clamping is needed. */
function addMonthsToMonthStart(iso: string, months: number): string {
  const { year, month } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  return formatCivil({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

function assertCalendar(calendar: TeamCalendar): void {
  const m = calendar.fiscalYearStartMonth;
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    throw new RangeError(`fiscalYearStartMonth must be an integer 1–12, got ${m}`);
  }
}

/** Months since the fiscal year started (0–11) for a calendar month (1–12). */
function fiscalMonthOffset(month: number, calendar: TeamCalendar): number {
  return (month - calendar.fiscalYearStartMonth + 12) % 12;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA time zone (for validating team settings). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (ISO) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  if (!Number.isFinite(instant.getTime())) throw new RangeError("Invalid Date");
  const parts = dateFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  // Years before 1 CE come back as a positive year with era "BC", which the range check
  // in formatCivil would not catch.
  if (parts.find((p) => p.type === "era")?.value !== "AD") throw new RangeError("Date before year 1");
  return formatCivil({ year: part("year"), month: part("month"), day: part("day") });
}

/**
 * Remembers a pure function of (date, frequency, fiscal start month): a dashboard asks for the
 * same few hundred periods thousands of times. Bounded, so odd inputs cannot grow it forever.
 */
function memoized(compute: (isoDate: string, frequency: Frequency, calendar: TeamCalendar) => string) {
  const memo = new Map<string, string>();
  return (isoDate: string, frequency: Frequency, calendar: TeamCalendar): string => {
    const key = `${isoDate}|${frequency}|${calendar.fiscalYearStartMonth}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(isoDate, frequency, calendar);
      if (memo.size >= 20_000) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}

/** The start of the period that contains `isoDate`. */
export const periodStartFor = memoized(function periodStartFor(isoDate: string, frequency: Frequency, calendar: TeamCalendar): string {
  assertCalendar(calendar);
  const { year, month } = parseIsoDate(isoDate);
  switch (frequency) {
    case "weekly": {
      const days = dayNumber(isoDate);
      // 1970-01-01 was a Thursday: index 3 when Monday is 0.
      const weekday = (((days + 3) % 7) + 7) % 7;
      return fromDayNumber(days - weekday);
    }
    case "monthly":
      return formatCivil({ year, month, day: 1 });
    case "quarterly": {
      const monthsIntoQuarter = fiscalMonthOffset(month, calendar) % 3;
      return addMonthsToMonthStart(formatCivil({ year, month, day: 1 }), -monthsIntoQuarter);
    }
  }
});

/** The period that contains `now` on the team's calendar. */
export function currentPeriod(now: Date, frequency: Frequency, calendar: TeamCalendar): string {
  return periodStartFor(localDate(now, calendar.timeZone), frequency, calendar);
}

function shiftPeriod(period: string, frequency: Frequency, calendar: TeamCalendar, steps: number): string {
  const start = periodStartFor(period, frequency, calendar);
  switch (frequency) {
    case "weekly":
      return addDays(start, 7 * steps);
    case "monthly":
      return addMonthsToMonthStart(start, steps);
    case "quarterly":
      return addMonthsToMonthStart(start, 3 * steps);
  }
}

/** The period before the one containing `period` (any date inside a period is accepted). */
export function previousPeriod(period: string, frequency: Frequency, calendar: TeamCalendar): string {
  return shiftPeriod(period, frequency, calendar, -1);
}

/** The period after the one containing `period` (any date inside a period is accepted). */
export function nextPeriod(period: string, frequency: Frequency, calendar: TeamCalendar): string {
  return shiftPeriod(period, frequency, calendar, 1);
}

/** True when `isoDate` names a period (is its first day); false for anything else. */
export function isPeriodStart(isoDate: string, frequency: Frequency, calendar: TeamCalendar): boolean {
  return isIsoDate(isoDate) && periodStartFor(isoDate, frequency, calendar) === isoDate;
}

/** Every period from the one containing `fromPeriod` to the one containing `toPeriod`,
 * inclusive and ascending; empty when `fromPeriod` is after `toPeriod`. */
export function periodsBetween(
  fromPeriod: string,
  toPeriod: string,
  frequency: Frequency,
  calendar: TeamCalendar,
): string[] {
  const last = periodStartFor(toPeriod, frequency, calendar);
  const periods: string[] = [];
  // ISO dates with four-digit years sort as strings in calendar order.
  for (let p = periodStartFor(fromPeriod, frequency, calendar); p <= last; p = nextPeriod(p, frequency, calendar)) {
    periods.push(p);
  }
  return periods;
}

/** The last day (ISO) of the period containing `period`. */
export function periodEnd(period: string, frequency: Frequency, calendar: TeamCalendar): string {
  return addDays(nextPeriod(period, frequency, calendar), -1);
}

/** A human label: "Week of 2026-11-23", "Nov 2026", "Q3 FY2026".
 * A fiscal year that does not start in January is named by the calendar year it ends in. */
export const formatPeriod = memoized(function formatPeriod(period: string, frequency: Frequency, calendar: TeamCalendar): string {
  const start = periodStartFor(period, frequency, calendar);
  const { year, month } = parseIsoDate(start);
  switch (frequency) {
    case "weekly":
      return `Week of ${start}`;
    case "monthly":
      return `${MONTH_NAMES[month - 1]} ${year}`;
    case "quarterly": {
      const quarter = Math.floor(fiscalMonthOffset(month, calendar) / 3) + 1;
      const fiscalYear = calendar.fiscalYearStartMonth !== 1 && month >= calendar.fiscalYearStartMonth ? year + 1 : year;
      return `Q${quarter} FY${fiscalYear}`;
    }
  }
});
