// When a KPI owes a value, in one pure module shared by My updates, the reminders, the update
// links and the freshness figures, so they can never disagree.
//
// A period's value is *due* once the period has ended: on any day, a KPI reports for the period
// just before the current one (its "reporting period"). That is DESIGN.md's staleness rule read
// forwards: a KPI whose latest value is older than its reporting period is stale. Ahead of that,
// a heads-up goes out `daysBefore` days before the current period ends ("coming due"), and a
// reminder `daysAfter` days after the reporting period ended if its value is still missing.
import { formatPeriod, nextPeriod, periodEnd, periodStartFor, previousPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import { measurementPeriodIssue } from "@/lib/measurements/rules";

export interface ReminderSettings {
  enabled: boolean;
  /** Days before a period ends for the heads-up; null: none. */
  daysBefore: number | null;
  /** Days after a period ends for the reminder about a missing value; null: none. */
  daysAfter: number | null;
  /** Hour (0–23, team time zone) at which scheduled reminders go out. */
  sendHour: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, daysBefore: 3, daysAfter: 1, sendHour: 8 };

export type DueKind = "overdue" | "upcoming";

export interface DueItem {
  period: string;
  /** overdue: the reporting period has ended without a value · upcoming: the current period ends soon. */
  kind: DueKind;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const addDays = (iso: string, days: number) => new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);

/** The period a KPI reports for on `today`: the last one that has ended. */
export function reportingPeriod(frequency: Frequency, today: string, calendar: TeamCalendar): string {
  return previousPeriod(periodStartFor(today, frequency, calendar), frequency, calendar);
}

/** The day a period's value falls due: the day after it ends. */
export function dueDate(period: string, frequency: Frequency, calendar: TeamCalendar): string {
  return nextPeriod(period, frequency, calendar);
}

/**
 * The day of the heads-up for `period` (which must be a period start): `daysBefore` days before
 * it ends, but never before it starts (a weekly KPI with "10 days before" hears on the Monday).
 */
export function headsUpDate(period: string, frequency: Frequency, calendar: TeamCalendar, daysBefore: number): string {
  const day = addDays(periodEnd(period, frequency, calendar), -daysBefore);
  return day < period ? period : day;
}

/**
 * The day of the reminder about a missing value of `period`: `daysAfter` days after it ends,
 * but never once the next period has ended too (by then another period is the one due).
 */
export function overdueReminderDate(period: string, frequency: Frequency, calendar: TeamCalendar, daysAfter: number): string {
  const day = addDays(periodEnd(period, frequency, calendar), daysAfter);
  const lastDayDue = periodEnd(nextPeriod(period, frequency, calendar), frequency, calendar);
  return day > lastDayDue ? lastDayDue : day;
}

export interface KpiValueState {
  frequency: Frequency;
  /** The latest period with a value at or before today, or null without one. */
  latestPeriod: string | null;
}

/**
 * What a KPI owes on `today`. With `onlyScheduledFor` set to today, only the items whose
 * reminder day is today (the scheduled run); without it, everything owed now (My updates,
 * "send reminders now").
 */
export function dueItems(kpi: KpiValueState, today: string, calendar: TeamCalendar, settings: Pick<ReminderSettings, "daysBefore" | "daysAfter">, options: { scheduledOnly?: boolean } = {}): DueItem[] {
  const current = periodStartFor(today, kpi.frequency, calendar);
  const reporting = previousPeriod(current, kpi.frequency, calendar);
  const items: DueItem[] = [];
  const latest = kpi.latestPeriod === null ? null : periodStartFor(kpi.latestPeriod, kpi.frequency, calendar);

  if (latest === null || latest < reporting) {
    const remindToday = settings.daysAfter !== null && overdueReminderDate(reporting, kpi.frequency, calendar, settings.daysAfter) === today;
    if (!options.scheduledOnly || remindToday) items.push({ period: reporting, kind: "overdue" });
  }
  if (settings.daysBefore !== null && (latest === null || latest < current)) {
    const headsUp = headsUpDate(current, kpi.frequency, calendar, settings.daysBefore);
    if (options.scheduledOnly ? headsUp === today : today >= headsUp) items.push({ period: current, kind: "upcoming" });
  }
  return items;
}

/**
 * Why a value for `period` is not taken from My updates or an update link, or null when it is:
 * those take the reporting period and the current one. Older values are corrected in the
 * scorecard's measurements grid; periods that have not begun take no value anywhere.
 */
export function notDueReason(period: string, frequency: Frequency, calendar: TeamCalendar, today: string): string | null {
  const issue = measurementPeriodIssue(period, frequency, calendar, today);
  if (issue) return issue;
  const reporting = reportingPeriod(frequency, today, calendar);
  if (period >= reporting) return null;
  const label = (p: string) => formatPeriod(p, frequency, calendar);
  const current = periodStartFor(today, frequency, calendar);
  return (
    `${label(period)} is not due any more: values are due for ${label(reporting)} (ended ${addDays(current, -1)}) ` +
    `and may be entered for ${label(current)} (in progress). Correct older values in the scorecard's measurements grid`
  );
}

/** "due since 1 Mar" / "period ends 31 Mar": the short words beside a due item. */
export function describeDue(item: DueItem, frequency: Frequency, calendar: TeamCalendar): string {
  return item.kind === "overdue"
    ? `due since ${dueDate(item.period, frequency, calendar)}`
    : `period ends ${periodEnd(item.period, frequency, calendar)}`;
}
