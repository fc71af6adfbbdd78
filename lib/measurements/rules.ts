// What makes a measurement's period acceptable: the start of a period of the KPI's frequency,
// one that has begun (its value: values.ts). Pure, with messages that name the cell, so the grid
// and the server refuse the same things in the same words.
import { formatPeriod, isIsoDate, isPeriodStart, periodStartFor, type Frequency, type TeamCalendar } from "@/lib/periods";

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



