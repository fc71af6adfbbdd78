import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStale } from "@/lib/scoring/evaluate";
import { nextPeriod, periodEnd, periodStartFor, previousPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import { DEFAULT_REMINDER_SETTINGS, dueItems, headsUpDate, notDueReason, overdueReminderDate, reportingPeriod } from "./due";

const calendar: TeamCalendar = { timeZone: "UTC", fiscalYearStartMonth: 4 };
const settings = { daysBefore: 3, daysAfter: 1 };

describe("reportingPeriod", () => {
  it("is the last period that has ended", () => {
    expect(reportingPeriod("monthly", "2026-03-15", calendar)).toBe("2026-02-01");
    expect(reportingPeriod("monthly", "2026-03-01", calendar)).toBe("2026-02-01");
    expect(reportingPeriod("weekly", "2026-03-15", calendar)).toBe("2026-03-02"); // a Sunday: the week before this one
    expect(reportingPeriod("quarterly", "2026-05-10", calendar)).toBe("2026-01-01"); // fiscal quarters from April
  });
});

describe("dueItems", () => {
  const monthly = (latestPeriod: string | null) => ({ frequency: "monthly" as Frequency, latestPeriod });

  it("owes the reporting period when its value is missing, and nothing once it is there", () => {
    expect(dueItems(monthly("2026-01-01"), "2026-03-15", calendar, settings)).toEqual([{ period: "2026-02-01", kind: "overdue" }]);
    expect(dueItems(monthly(null), "2026-03-15", calendar, settings)).toEqual([{ period: "2026-02-01", kind: "overdue" }]);
    expect(dueItems(monthly("2026-02-01"), "2026-03-15", calendar, settings)).toEqual([]);
    // A value for the current period (entered early) counts as current too.
    expect(dueItems(monthly("2026-03-01"), "2026-03-15", calendar, settings)).toEqual([]);
  });

  it("adds the current period from `daysBefore` days before it ends", () => {
    expect(dueItems(monthly("2026-02-01"), "2026-03-27", calendar, settings)).toEqual([]);
    expect(dueItems(monthly("2026-02-01"), "2026-03-28", calendar, settings)).toEqual([{ period: "2026-03-01", kind: "upcoming" }]);
    expect(dueItems(monthly("2026-01-01"), "2026-03-31", calendar, settings)).toEqual([
      { period: "2026-02-01", kind: "overdue" },
      { period: "2026-03-01", kind: "upcoming" },
    ]);
    expect(dueItems(monthly("2026-02-01"), "2026-03-31", calendar, { daysBefore: null, daysAfter: 1 })).toEqual([]);
  });

  it("on a schedule, names an item only on its reminder day", () => {
    // Heads-up: 3 days before 31 March. Reminder: 1 day after 28 February.
    expect(dueItems(monthly("2026-01-01"), "2026-03-28", calendar, settings, { scheduledOnly: true })).toEqual([{ period: "2026-03-01", kind: "upcoming" }]);
    expect(dueItems(monthly("2026-01-01"), "2026-03-29", calendar, settings, { scheduledOnly: true })).toEqual([]);
    expect(dueItems(monthly("2026-01-01"), "2026-03-01", calendar, settings, { scheduledOnly: true })).toEqual([{ period: "2026-02-01", kind: "overdue" }]);
    expect(dueItems(monthly("2026-02-01"), "2026-03-01", calendar, settings, { scheduledOnly: true })).toEqual([]);
    expect(dueItems(monthly("2026-01-01"), "2026-03-01", calendar, { daysBefore: null, daysAfter: null }, { scheduledOnly: true })).toEqual([]);
  });

  it("owes a value exactly when the KPI is stale or has none (DESIGN.md's rule, read forwards)", () => {
    const frequencies: Frequency[] = ["weekly", "monthly", "quarterly"];
    fc.assert(
      fc.property(
        fc.constantFrom(...frequencies),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 2100 }), { nil: null }),
        (frequency, todayOffset, latestOffset) => {
          const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const today = day(todayOffset);
          const latest = latestOffset === null ? null : periodStartFor(day(latestOffset), frequency, calendar);
          if (latest !== null && latest > periodStartFor(today, frequency, calendar)) return; // periods that have not begun hold no values
          const overdue = dueItems({ frequency, latestPeriod: latest }, today, calendar, { daysBefore: null, daysAfter: null }).length > 0;
          expect(overdue).toBe(latest === null || isStale(latest, frequency, periodStartFor(today, frequency, calendar), calendar));
        },
      ),
    );
  });
});

describe("reminder days", () => {
  it("never fall outside the window in which the period is due", () => {
    expect(headsUpDate("2026-03-02", "weekly", calendar, 3)).toBe("2026-03-05");
    expect(headsUpDate("2026-03-02", "weekly", calendar, 10)).toBe("2026-03-02"); // clamped to the first day
    expect(overdueReminderDate("2026-03-02", "weekly", calendar, 1)).toBe("2026-03-09");
    expect(overdueReminderDate("2026-03-02", "weekly", calendar, 10)).toBe("2026-03-15"); // the last day it is still due
    fc.assert(
      fc.property(fc.constantFrom<Frequency>("weekly", "monthly", "quarterly"), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 30 }), (frequency, offset, days) => {
        const period = periodStartFor(new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10), frequency, calendar);
        const headsUp = headsUpDate(period, frequency, calendar, days);
        expect(headsUp >= period && headsUp <= periodEnd(period, frequency, calendar)).toBe(true);
        const reminder = overdueReminderDate(period, frequency, calendar, Math.max(1, days));
        expect(reminder > periodEnd(period, frequency, calendar)).toBe(true);
        expect(reminder <= periodEnd(nextPeriod(period, frequency, calendar), frequency, calendar)).toBe(true);
      }),
    );
  });
});

describe("notDueReason", () => {
  it("takes the reporting and the current period, and explains anything else", () => {
    expect(notDueReason("2026-02-01", "monthly", calendar, "2026-03-15")).toBeNull();
    expect(notDueReason("2026-03-01", "monthly", calendar, "2026-03-15")).toBeNull();
    expect(notDueReason("2026-01-01", "monthly", calendar, "2026-03-15")).toBe(
      "Jan 2026 is not due any more: values are due for Feb 2026 (ended 2026-02-28) and may be entered for Mar 2026 (in progress). Correct older values in the scorecard's measurements grid",
    );
    expect(notDueReason("2026-04-01", "monthly", calendar, "2026-03-15")).toBe("Period Apr 2026 has not started yet");
    expect(notDueReason("2026-02-15", "monthly", calendar, "2026-03-15")).toMatch(/does not start a monthly period/);
    expect(notDueReason("someday", "monthly", calendar, "2026-03-15")).toMatch(/is not a date/);
    expect(previousPeriod("2026-02-01", "monthly", calendar)).toBe("2026-01-01");
  });

  it("has defaults that match the issue's example (3 days before, 1 day after)", () => {
    expect(DEFAULT_REMINDER_SETTINGS).toMatchObject({ enabled: true, daysBefore: 3, daysAfter: 1 });
  });
});
