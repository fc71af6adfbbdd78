import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPeriod, periodStartFor, previousPeriod, type Frequency, type TeamCalendar } from "../periods";
import { SCORE_AT_TARGET, statusFromScore } from "./bands";
import { evaluateKpi, isStale, type MeasurementPoint } from "./evaluate";
import type { KpiDefinition } from "./types";

const calendar: TeamCalendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
const csat: KpiDefinition = { direction: "up", target: 90, targetMax: null, redThreshold: 80 };
const monthly = (measurements: MeasurementPoint[], asOfPeriod = "2026-11-01", def = csat) =>
  evaluateKpi({ def, frequency: "monthly", measurements, asOfPeriod, calendar });

describe("isStale", () => {
  it.each<[Frequency, string, string, boolean]>([
    ["monthly", "2026-11-01", "2026-11-01", false], // current
    ["monthly", "2026-10-01", "2026-11-01", false], // previous
    ["monthly", "2026-09-01", "2026-11-01", true],
    ["monthly", "2026-12-01", "2026-11-01", false], // ahead of "now"
    ["weekly", "2026-11-16", "2026-11-23", false],
    ["weekly", "2026-11-09", "2026-11-23", true],
    ["weekly", "2025-12-22", "2026-01-05", true],
    ["weekly", "2025-12-29", "2026-01-05", false],
    ["quarterly", "2026-07-01", "2026-10-01", false],
    ["quarterly", "2026-04-01", "2026-10-01", true],
  ])("%s: latest %s as of %s → %s", (frequency, latest, current, stale) => {
    expect(isStale(latest, frequency, current, calendar)).toBe(stale);
  });

  it("accepts dates inside periods", () => {
    expect(isStale("2026-10-31", "monthly", "2026-11-15", calendar)).toBe(false);
    expect(isStale("2026-09-30", "monthly", "2026-11-15", calendar)).toBe(true);
  });

  it("follows fiscal quarters", () => {
    const april: TeamCalendar = { timeZone: "UTC", fiscalYearStartMonth: 4 };
    // Quarters Jan, Apr, Jul, Oct: as of 2026-05-01 the previous quarter started 2026-01-01.
    expect(isStale("2026-01-01", "quarterly", "2026-05-01", april)).toBe(false);
    expect(isStale("2025-12-01", "quarterly", "2026-05-01", april)).toBe(true);
  });
});

describe("evaluateKpi", () => {
  it("is grey with no score and no trend without data", () => {
    expect(monthly([])).toEqual({
      value: null,
      period: null,
      score: null,
      status: "grey",
      stale: false,
      previousScore: null,
      trend: null,
    });
  });

  it("takes the latest value at or before the as-of period, in any input order", () => {
    const result = monthly([
      { period: "2026-10-01", value: 85 },
      { period: "2026-12-01", value: 99 }, // after as-of: ignored
      { period: "2026-11-01", value: 90 },
    ]);
    expect(result).toEqual({
      value: 90,
      period: "2026-11-01",
      score: SCORE_AT_TARGET,
      status: "green",
      stale: false,
      previousScore: expect.closeTo(5, 12),
      trend: "improving",
    });
  });

  it("is fresh with only last period's value", () => {
    const result = monthly([{ period: "2026-10-01", value: 85 }]);
    expect(result).toMatchObject({ value: 85, period: "2026-10-01", status: "amber", stale: false, trend: null });
  });

  it("flags an old value as stale but keeps its score and status for display", () => {
    const result = monthly([
      { period: "2026-08-01", value: 70 },
      { period: "2026-09-01", value: 95 },
    ]);
    expect(result).toMatchObject({ value: 95, period: "2026-09-01", status: "green", stale: true, trend: "improving" });
    expect(result.score).toBeGreaterThan(SCORE_AT_TARGET);
    expect(result.previousScore).toBe(0);
  });

  it("compares only with the period just before, not an older one", () => {
    const result = monthly([
      { period: "2026-08-01", value: 80 },
      { period: "2026-10-01", value: 90 },
    ]);
    expect(result).toMatchObject({ period: "2026-10-01", previousScore: null, trend: null });
  });

  it("reports declining and flat", () => {
    expect(monthly([{ period: "2026-10-01", value: 90 }, { period: "2026-11-01", value: 85 }]).trend).toBe("declining");
    expect(monthly([{ period: "2026-10-01", value: 90 }, { period: "2026-11-01", value: 90 }]).trend).toBe("flat");
  });

  it("ignores non-finite values", () => {
    const result = monthly([
      { period: "2026-10-01", value: 88 },
      { period: "2026-11-01", value: Number.NaN },
    ]);
    expect(result).toMatchObject({ value: 88, period: "2026-10-01" });
  });

  it("files a date inside a period under that period; the later duplicate wins", () => {
    const result = monthly([
      { period: "2026-11-01", value: 80 },
      { period: "2026-11-15", value: 92 },
    ]);
    expect(result).toMatchObject({ value: 92, period: "2026-11-01", status: "green" });
  });

  it("accepts an as-of date inside a period", () => {
    expect(monthly([{ period: "2026-11-01", value: 90 }], "2026-11-30").period).toBe("2026-11-01");
  });

  it("keeps the value but gives no score for an unusable definition", () => {
    const broken: KpiDefinition = { direction: "up", target: 10, targetMax: null, redThreshold: 10 };
    expect(monthly([{ period: "2026-11-01", value: 12 }], "2026-11-01", broken)).toMatchObject({
      value: 12,
      period: "2026-11-01",
      score: null,
      status: "grey",
    });
  });

  it("refuses a period that is not an ISO date", () => {
    expect(() => monthly([{ period: "2026-02-30", value: 1 }])).toThrow(RangeError);
    expect(() => monthly([], "soon")).toThrow(RangeError);
  });

  it("always returns the latest period at or before as-of, with status matching score", () => {
    const months = fc.integer({ min: 0, max: 36 }).map((i) => {
      let p = "2024-01-01";
      for (let k = 0; k < i; k++) p = nextPeriod(p, "monthly", calendar);
      return p;
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ period: months, value: fc.double({ min: 0, max: 120, noNaN: true }) }), { maxLength: 12 }),
        months,
        (measurements, asOf) => {
          const result = monthly(measurements, asOf);
          const eligible = measurements.filter((m) => m.period <= asOf).map((m) => m.period).sort();
          expect(result.period).toBe(eligible.at(-1) ?? null);
          expect(statusFromScore(result.score)).toBe(result.status);
          if (result.period !== null) {
            expect(result.stale).toBe(result.period < previousPeriod(asOf, "monthly", calendar));
            expect(periodStartFor(result.period, "monthly", calendar)).toBe(result.period);
          }
        },
      ),
    );
  });
});
