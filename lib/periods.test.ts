import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currentPeriod,
  formatPeriod,
  FREQUENCIES,
  isIsoDate,
  isPeriodStart,
  isValidTimeZone,
  localDate,
  nextPeriod,
  periodEnd,
  periodsBetween,
  periodStartFor,
  previousPeriod,
  type Frequency,
  type TeamCalendar,
} from "./periods";
import { clock } from "@/lib/clock";

const utc = (fiscalYearStartMonth = 1): TeamCalendar => ({ timeZone: "UTC", fiscalYearStartMonth });
const DAY_MS = 86_400_000;

/** Any day from 1900 to 2200, as an ISO date. */
const isoDateArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2200, 11, 31) / DAY_MS })
  .map((days) => new Date(days * DAY_MS).toISOString().slice(0, 10));
const frequencyArb = fc.constantFrom<Frequency>(...FREQUENCIES);
const calendarArb = fc.integer({ min: 1, max: 12 }).map((m) => utc(m));
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY_MS;

describe("isIsoDate", () => {
  it.each(["2026-11-23", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-04-30", "2026-12-31"])(
    "accepts %s",
    (value) => expect(isIsoDate(value)).toBe(true),
  );

  it.each([
    "2026-02-30",
    "2026-02-29",
    "2100-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "0000-01-01",
    "2026-1-01",
    "26-01-01",
    "20260101",
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
    "2026-01-01 ",
    "2026/01/01",
    "２０２６-01-01",
    "",
  ])("rejects %j", (value) => expect(isIsoDate(value)).toBe(false));

  it("rejects non-strings", () => {
    for (const value of [null, undefined, 20260101, clock.now(), {}]) expect(isIsoDate(value)).toBe(false);
  });

  it("agrees with Date on every real day", () => {
    fc.assert(fc.property(isoDateArb, (iso) => isIsoDate(iso)));
  });
});

describe("localDate", () => {
  it("takes the calendar date in the team's zone", () => {
    const instant = new Date("2026-11-30T23:30:00Z");
    expect(localDate(instant, "UTC")).toBe("2026-11-30");
    expect(localDate(instant, "Europe/Berlin")).toBe("2026-12-01");
    expect(localDate(instant, "America/New_York")).toBe("2026-11-30");
  });

  it("handles zones west of UTC across a year boundary", () => {
    expect(localDate(new Date("2027-01-01T05:00:00Z"), "America/Los_Angeles")).toBe("2026-12-31");
    expect(localDate(new Date("2027-01-01T08:00:00Z"), "America/Los_Angeles")).toBe("2027-01-01");
  });

  it("handles extreme and half-hour offsets", () => {
    expect(localDate(new Date("2026-06-30T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-07-01"); // UTC+14
    expect(localDate(new Date("2026-06-30T10:59:00Z"), "Pacific/Pago_Pago")).toBe("2026-06-29"); // UTC-11
    expect(localDate(new Date("2026-06-30T18:29:00Z"), "Asia/Kolkata")).toBe("2026-06-30");
    expect(localDate(new Date("2026-06-30T18:30:00Z"), "Asia/Kolkata")).toBe("2026-07-01");
  });

  it("uses the offset in force on that day (DST)", () => {
    // Berlin: CET (+1) until 2026-03-29 01:00Z, CEST (+2) after.
    expect(localDate(new Date("2026-03-28T22:59:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(localDate(new Date("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDate(new Date("2026-07-31T21:59:00Z"), "Europe/Berlin")).toBe("2026-07-31");
    expect(localDate(new Date("2026-07-31T22:00:00Z"), "Europe/Berlin")).toBe("2026-08-01");
    // New York: EDT (-4) ends 2026-11-01 06:00Z.
    expect(localDate(new Date("2026-11-01T03:59:00Z"), "America/New_York")).toBe("2026-10-31");
    expect(localDate(new Date("2026-11-01T04:00:00Z"), "America/New_York")).toBe("2026-11-01");
  });

  it("refuses an invalid date or zone", () => {
    expect(() => localDate(new Date(Number.NaN), "UTC")).toThrow(RangeError);
    expect(() => localDate(clock.now(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("refuses dates outside years 1–9999", () => {
    expect(() => localDate(new Date("0001-01-01T05:00:00Z"), "America/Los_Angeles")).toThrow(RangeError);
    expect(() => localDate(new Date("+010000-01-01T00:00:00Z"), "UTC")).toThrow(RangeError);
    expect(localDate(new Date("0001-01-01T05:00:00Z"), "UTC")).toBe("0001-01-01");
  });

  it("matches toISOString in UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect(localDate(instant, "UTC")).toBe(instant.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("isValidTimeZone", () => {
  it("knows IANA zones and refuses others", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("periodStartFor", () => {
  it.each([
    ["2026-11-23", "2026-11-23"], // Monday
    ["2026-11-29", "2026-11-23"], // Sunday
    ["2026-11-30", "2026-11-30"],
    ["2026-01-01", "2025-12-29"], // Thursday: the week started in the previous year
    ["2027-01-01", "2026-12-28"],
    ["2024-12-31", "2024-12-30"],
    ["2021-01-03", "2020-12-28"],
    ["2024-02-29", "2024-02-26"],
    ["2028-03-01", "2028-02-28"],
    ["1969-12-31", "1969-12-29"], // before the epoch
    ["0001-01-07", "0001-01-01"], // 0001-01-01 is a Monday in the proleptic calendar
  ])("weekly: %s → %s", (date, start) => {
    expect(periodStartFor(date, "weekly", utc())).toBe(start);
  });

  it.each([
    ["2026-11-23", "2026-11-01"],
    ["2026-11-01", "2026-11-01"],
    ["2024-02-29", "2024-02-01"],
    ["2026-12-31", "2026-12-01"],
  ])("monthly: %s → %s", (date, start) => {
    expect(periodStartFor(date, "monthly", utc())).toBe(start);
  });

  it.each([
    [1, "2026-02-15", "2026-01-01"],
    [1, "2026-11-23", "2026-10-01"],
    [1, "2026-12-31", "2026-10-01"],
    [4, "2026-02-15", "2026-01-01"],
    [4, "2026-04-01", "2026-04-01"],
    [4, "2026-06-30", "2026-04-01"],
    [4, "2026-12-31", "2026-10-01"],
    [2, "2026-01-15", "2025-11-01"], // quarters Feb, May, Aug, Nov
    [2, "2026-02-01", "2026-02-01"],
    [11, "2026-01-31", "2025-11-01"], // quarters Nov, Feb, May, Aug
    [12, "2026-02-28", "2025-12-01"], // quarters Dec, Mar, Jun, Sep
    [12, "2026-12-01", "2026-12-01"],
  ])("quarterly, fiscal start %i: %s → %s", (fiscalStart, date, start) => {
    expect(periodStartFor(date, "quarterly", utc(fiscalStart))).toBe(start);
  });

  it("refuses an invalid date or calendar", () => {
    expect(() => periodStartFor("2026-02-30", "monthly", utc())).toThrow(RangeError);
    for (const m of [0, 13, 1.5, Number.NaN]) {
      expect(() => periodStartFor("2026-02-01", "monthly", utc(m))).toThrow(RangeError);
    }
  });

  it("is idempotent and contains the date", () => {
    fc.assert(
      fc.property(isoDateArb, frequencyArb, calendarArb, (date, frequency, calendar) => {
        const start = periodStartFor(date, frequency, calendar);
        expect(periodStartFor(start, frequency, calendar)).toBe(start);
        expect(start <= date).toBe(true);
        expect(date <= periodEnd(start, frequency, calendar)).toBe(true);
      }),
    );
  });

  it("starts weeks on Monday, months on the 1st, quarters on fiscal-aligned months", () => {
    fc.assert(
      fc.property(isoDateArb, calendarArb, (date, calendar) => {
        expect(new Date(periodStartFor(date, "weekly", calendar)).getUTCDay()).toBe(1);
        expect(periodStartFor(date, "monthly", calendar).slice(8)).toBe("01");
        const quarter = periodStartFor(date, "quarterly", calendar);
        expect(quarter.slice(8)).toBe("01");
        expect((Number(quarter.slice(5, 7)) - calendar.fiscalYearStartMonth + 12) % 3).toBe(0);
      }),
    );
  });
});

describe("currentPeriod", () => {
  const now = new Date("2026-11-30T23:30:00Z"); // Monday night in UTC, Tuesday Dec 1 in Berlin
  const berlin = (m = 1): TeamCalendar => ({ timeZone: "Europe/Berlin", fiscalYearStartMonth: m });

  it("follows the team's zone", () => {
    expect(currentPeriod(now, "weekly", utc())).toBe("2026-11-30");
    expect(currentPeriod(now, "weekly", berlin())).toBe("2026-11-30");
    expect(currentPeriod(now, "monthly", utc())).toBe("2026-11-01");
    expect(currentPeriod(now, "monthly", berlin())).toBe("2026-12-01");
    expect(currentPeriod(now, "quarterly", utc(12))).toBe("2026-09-01");
    expect(currentPeriod(now, "quarterly", berlin(12))).toBe("2026-12-01");
  });

  it("turns the week at local midnight between Sunday and Monday", () => {
    const ny: TeamCalendar = { timeZone: "America/New_York", fiscalYearStartMonth: 1 };
    expect(currentPeriod(new Date("2026-11-30T04:59:00Z"), "weekly", ny)).toBe("2026-11-23");
    expect(currentPeriod(new Date("2026-11-30T05:00:00Z"), "weekly", ny)).toBe("2026-11-30");
  });
});

describe("previousPeriod / nextPeriod", () => {
  it.each<[Frequency, number, string, string, string]>([
    ["weekly", 1, "2026-01-05", "2025-12-29", "2026-01-12"],
    ["weekly", 1, "2024-02-26", "2024-02-19", "2024-03-04"],
    ["monthly", 1, "2026-01-01", "2025-12-01", "2026-02-01"],
    ["monthly", 1, "2026-12-01", "2026-11-01", "2027-01-01"],
    ["quarterly", 1, "2026-01-01", "2025-10-01", "2026-04-01"],
    ["quarterly", 4, "2026-01-01", "2025-10-01", "2026-04-01"],
    ["quarterly", 2, "2026-11-01", "2026-08-01", "2027-02-01"],
    ["quarterly", 12, "2026-12-01", "2026-09-01", "2027-03-01"],
  ])("%s (fiscal %i): %s ← %s, → %s", (frequency, fiscal, period, previous, next) => {
    expect(previousPeriod(period, frequency, utc(fiscal))).toBe(previous);
    expect(nextPeriod(period, frequency, utc(fiscal))).toBe(next);
  });

  it("accepts a date inside the period", () => {
    expect(previousPeriod("2026-11-26", "weekly", utc())).toBe("2026-11-16");
    expect(nextPeriod("2026-11-26", "monthly", utc())).toBe("2026-12-01");
    expect(nextPeriod("2026-03-31", "quarterly", utc(4))).toBe("2026-04-01");
  });

  it("refuses to leave years 0001–9999", () => {
    expect(() => previousPeriod("0001-01-01", "monthly", utc())).toThrow(RangeError);
    expect(() => nextPeriod("9999-12-01", "monthly", utc())).toThrow(RangeError);
  });

  it("are inverse and move by one period length", () => {
    fc.assert(
      fc.property(isoDateArb, frequencyArb, calendarArb, (date, frequency, calendar) => {
        const period = periodStartFor(date, frequency, calendar);
        const next = nextPeriod(period, frequency, calendar);
        expect(previousPeriod(next, frequency, calendar)).toBe(period);
        expect(nextPeriod(previousPeriod(period, frequency, calendar), frequency, calendar)).toBe(period);
        expect(isPeriodStart(next, frequency, calendar)).toBe(true);
        const length = daysBetween(period, next);
        const [min, max] = { weekly: [7, 7], monthly: [28, 31], quarterly: [89, 92] }[frequency];
        expect(length).toBeGreaterThanOrEqual(min!);
        expect(length).toBeLessThanOrEqual(max!);
      }),
    );
  });
});

describe("isPeriodStart", () => {
  it("recognises period names only", () => {
    expect(isPeriodStart("2026-11-23", "weekly", utc())).toBe(true);
    expect(isPeriodStart("2026-11-24", "weekly", utc())).toBe(false);
    expect(isPeriodStart("2026-11-01", "monthly", utc())).toBe(true);
    expect(isPeriodStart("2026-11-02", "monthly", utc())).toBe(false);
    expect(isPeriodStart("2026-04-01", "quarterly", utc(4))).toBe(true);
    expect(isPeriodStart("2026-04-01", "quarterly", utc(2))).toBe(false);
    expect(isPeriodStart("2026-05-01", "quarterly", utc(2))).toBe(true);
  });

  it("is false for anything that is not an ISO date", () => {
    expect(isPeriodStart("2026-02-30", "monthly", utc())).toBe(false);
    expect(isPeriodStart("garbage", "weekly", utc())).toBe(false);
  });
});

describe("periodsBetween", () => {
  it("lists periods inclusively in ascending order", () => {
    expect(periodsBetween("2026-10-01", "2027-01-01", "monthly", utc())).toEqual([
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
      "2027-01-01",
    ]);
    expect(periodsBetween("2025-12-29", "2026-01-12", "weekly", utc())).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
    ]);
    expect(periodsBetween("2026-01-01", "2026-12-31", "quarterly", utc(4))).toEqual([
      "2026-01-01",
      "2026-04-01",
      "2026-07-01",
      "2026-10-01",
    ]);
  });

  it("normalises dates inside periods, gives one period for the same one, none when reversed", () => {
    expect(periodsBetween("2026-11-25", "2026-12-02", "weekly", utc())).toEqual(["2026-11-23", "2026-11-30"]);
    expect(periodsBetween("2026-11-01", "2026-11-30", "monthly", utc())).toEqual(["2026-11-01"]);
    expect(periodsBetween("2026-12-01", "2026-11-01", "monthly", utc())).toEqual([]);
  });

  it("steps by nextPeriod from the first to the last", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 60 }), frequencyArb, calendarArb, (date, span, frequency, calendar) => {
        const to = new Date(Date.parse(date) + span * 7 * DAY_MS).toISOString().slice(0, 10);
        const periods = periodsBetween(date, to, frequency, calendar);
        expect(periods[0]).toBe(periodStartFor(date, frequency, calendar));
        expect(periods.at(-1)).toBe(periodStartFor(to, frequency, calendar));
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i]).toBe(nextPeriod(periods[i - 1]!, frequency, calendar));
        }
      }),
    );
  });
});

describe("periodEnd", () => {
  it.each<[Frequency, number, string, string]>([
    ["weekly", 1, "2026-12-28", "2027-01-03"],
    ["monthly", 1, "2024-02-01", "2024-02-29"],
    ["monthly", 1, "2026-02-01", "2026-02-28"],
    ["monthly", 1, "2026-12-15", "2026-12-31"],
    ["quarterly", 1, "2026-10-01", "2026-12-31"],
    ["quarterly", 4, "2026-01-01", "2026-03-31"],
    ["quarterly", 12, "2027-12-01", "2028-02-29"],
  ])("%s (fiscal %i): %s ends %s", (frequency, fiscal, period, end) => {
    expect(periodEnd(period, frequency, utc(fiscal))).toBe(end);
  });
});

describe("formatPeriod", () => {
  it.each<[Frequency, number, string, string]>([
    ["weekly", 1, "2026-11-23", "Week of 2026-11-23"],
    ["weekly", 1, "2026-11-26", "Week of 2026-11-23"],
    ["monthly", 1, "2026-11-01", "Nov 2026"],
    ["monthly", 4, "2026-01-01", "Jan 2026"],
    ["quarterly", 1, "2026-07-01", "Q3 FY2026"],
    ["quarterly", 1, "2026-01-01", "Q1 FY2026"],
    ["quarterly", 4, "2026-04-01", "Q1 FY2027"],
    ["quarterly", 4, "2026-10-01", "Q3 FY2027"],
    ["quarterly", 4, "2027-01-01", "Q4 FY2027"],
    ["quarterly", 10, "2026-10-01", "Q1 FY2027"],
    ["quarterly", 10, "2026-07-01", "Q4 FY2026"],
    ["quarterly", 2, "2026-01-15", "Q4 FY2026"], // quarter Nov 2025 – Jan 2026, FY Feb 2025 – Jan 2026
  ])("%s (fiscal %i): %s → %s", (frequency, fiscal, period, label) => {
    expect(formatPeriod(period, frequency, utc(fiscal))).toBe(label);
  });

  it("numbers four quarters per fiscal year, Q1 on the fiscal start month", () => {
    fc.assert(
      fc.property(isoDateArb, calendarArb, (date, calendar) => {
        const start = periodStartFor(date, "quarterly", calendar);
        const label = formatPeriod(start, "quarterly", calendar);
        const quarter = Number(label[1]);
        expect(quarter === 1).toBe(Number(start.slice(5, 7)) === calendar.fiscalYearStartMonth);
        const next = formatPeriod(nextPeriod(start, "quarterly", calendar), "quarterly", calendar);
        expect(Number(next[1])).toBe((quarter % 4) + 1);
        // The fiscal year label changes exactly when a new Q1 starts.
        expect(next.slice(3) !== label.slice(3)).toBe(next.startsWith("Q1"));
      }),
    );
  });
});
