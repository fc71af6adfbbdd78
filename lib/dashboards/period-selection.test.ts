import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TeamCalendar } from "@/lib/periods";
import { addDays, daysBetweenInclusive, earliestOverlappingPeriodStart, fiscalYearOf, kindSwitches, periodQuery, resolveDashboardPeriod } from "./period-selection";

const calendar: TeamCalendar = { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 };
const april: TeamCalendar = { timeZone: "UTC", fiscalYearStartMonth: 4 };
const TODAY = "2026-11-23";

describe("resolveDashboardPeriod", () => {
  it("defaults to the current month, as of today, compared with the end of last month", () => {
    const p = resolveDashboardPeriod({}, calendar, TODAY);
    expect(p).toMatchObject({
      kind: "month",
      from: "2026-11-01",
      to: "2026-11-30",
      asOf: TODAY,
      label: "Nov 2026",
      previous: { from: "2026-10-01", to: "2026-10-31", asOf: "2026-10-31", label: "Oct 2026" },
      params: { period: "month", at: "2026-11-01" },
      earlier: { period: "month", at: "2026-10-01" },
      later: null,
      notice: null,
    });
  });

  it("takes a past month as of its last day and offers the next one", () => {
    const p = resolveDashboardPeriod({ period: "month", at: "2026-02-14" }, calendar, TODAY);
    expect(p).toMatchObject({ from: "2026-02-01", to: "2026-02-28", asOf: "2026-02-28", previous: { asOf: "2026-01-31" }, later: { period: "month", at: "2026-03-01" } });
  });

  it("follows the fiscal year for quarters and years", () => {
    const q = resolveDashboardPeriod({ period: "quarter", at: "2026-05-10" }, april, TODAY);
    expect(q).toMatchObject({ from: "2026-04-01", to: "2026-06-30", label: "Q1 FY2027", previous: { from: "2026-01-01", to: "2026-03-31", label: "Q4 FY2026" } });
    const y = resolveDashboardPeriod({ period: "year", at: "2026-02-10" }, april, TODAY);
    expect(y).toMatchObject({ from: "2025-04-01", to: "2026-03-31", label: "FY2026", previous: { from: "2024-04-01", to: "2025-03-31", label: "FY2025" } });
    const calendarYear = resolveDashboardPeriod({ period: "year" }, calendar, TODAY);
    expect(calendarYear).toMatchObject({ from: "2026-01-01", to: "2026-12-31", asOf: TODAY, label: "2026", previous: { label: "2025", asOf: "2025-12-31" } });
  });

  it("compares a custom range with the range of the same length just before it", () => {
    const p = resolveDashboardPeriod({ period: "custom", from: "2026-03-10", to: "2026-03-19" }, calendar, TODAY);
    expect(p).toMatchObject({
      kind: "custom",
      from: "2026-03-10",
      to: "2026-03-19",
      asOf: "2026-03-19",
      label: "2026-03-10 – 2026-03-19",
      previous: { from: "2026-02-28", to: "2026-03-09", asOf: "2026-03-09" },
      params: { period: "custom", from: "2026-03-10", to: "2026-03-19" },
    });
  });

  it("never takes scores as of a day after today, even for a range reaching into the future", () => {
    const p = resolveDashboardPeriod({ period: "custom", from: "2026-11-01", to: "2027-01-31" }, calendar, TODAY);
    expect(p.asOf).toBe(TODAY);
    expect(p.later).toBeNull();
  });

  it.each([
    [{ period: "weekly" }, "Unknown period type"],
    [{ period: "month", at: "2026-02-30" }, "not valid"],
    [{ period: "month", at: "2027-01-01" }, "not started"],
    [{ period: "custom", from: "2026-03-10" }, "start and an end"],
    [{ period: "custom", from: "2026-03-10", to: "2026-03-01" }, "ends before it starts"],
    [{ period: "custom", from: "2000-01-01", to: "2026-01-01" }, "ten years"],
    [{ period: "custom", from: "2027-01-01", to: "2027-02-01" }, "not started"],
  ])("falls back to the current period with a notice for %j", (input, notice) => {
    const p = resolveDashboardPeriod(input, calendar, TODAY);
    expect(p.notice).toContain(notice);
    expect(p.asOf).toBe(TODAY);
  });

  it("reads the first value of a repeated parameter", () => {
    expect(resolveDashboardPeriod({ period: ["quarter", "year"] }, calendar, TODAY).kind).toBe("quarter");
  });

  it("keeps at least the trailing year of history, ending at the as-of date", () => {
    const p = resolveDashboardPeriod({}, calendar, TODAY);
    expect(p.history).toEqual({ from: "2025-10-01", to: TODAY });
    const long = resolveDashboardPeriod({ period: "custom", from: "2023-01-01", to: "2026-01-31" }, calendar, TODAY);
    expect(long.history).toEqual({ from: "2023-01-01", to: "2026-01-31" });
  });

  it("property: the previous period ends the day before the selected one starts, and as-of stays inside the range", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2018-01-01", n));
    fc.assert(
      fc.property(fc.constantFrom("month", "quarter", "year"), day, fc.integer({ min: 1, max: 12 }), (kind, at, fiscal) => {
        const cal = { timeZone: "UTC", fiscalYearStartMonth: fiscal };
        const p = resolveDashboardPeriod({ period: kind, at }, cal, TODAY);
        expect(p.notice).toBeNull();
        expect(addDays(p.previous.to, 1)).toBe(p.from);
        expect(p.from <= at && at <= p.to).toBe(true);
        expect(p.from <= p.asOf && p.asOf <= p.to).toBe(true);
        expect(p.previous.asOf).toBe(p.previous.to);
      }),
    );
  });
});

describe("helpers", () => {
  it("computes fiscal years and inclusive day counts", () => {
    expect(fiscalYearOf("2026-03-31", april)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(fiscalYearOf("2026-04-01", april)).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(daysBetweenInclusive("2024-02-28", "2024-03-01")).toBe(3);
  });

  it("finds the earliest period that can overlap a range start", () => {
    // 2026-04-01 is a Wednesday: its week began on Monday 2026-03-30, before the quarter.
    expect(earliestOverlappingPeriodStart("2026-04-01", calendar)).toBe("2026-03-30");
    expect(earliestOverlappingPeriodStart("2026-05-15", calendar)).toBe("2026-04-01");
  });

  it("builds query strings and kind switches that keep the date in view", () => {
    expect(periodQuery({ period: "month", at: "2026-11-01" })).toBe("?period=month&at=2026-11-01");
    expect(periodQuery(null)).toBe("");
    const p = resolveDashboardPeriod({ period: "month", at: "2026-02-01" }, calendar, TODAY);
    expect(kindSwitches(p).map((s) => s.params)).toEqual([
      { period: "month", at: "2026-02-28" },
      { period: "quarter", at: "2026-02-28" },
      { period: "year", at: "2026-02-28" },
      { period: "custom", from: "2026-02-01", to: "2026-02-28" },
    ]);
  });
});
