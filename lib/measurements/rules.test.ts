import { describe, expect, it } from "vitest";
import { cellLabel, measurementPeriodIssue } from "./rules";
import { formatValue, measurementValueIssue, parseMeasurementValue } from "./values";

const calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
const fiscalApril = { timeZone: "UTC", fiscalYearStartMonth: 4 };

describe("measurementPeriodIssue", () => {
  it("accepts period starts of the KPI's frequency", () => {
    expect(measurementPeriodIssue("2026-03-01", "monthly", calendar)).toBeNull();
    expect(measurementPeriodIssue("2026-03-02", "weekly", calendar)).toBeNull();
    expect(measurementPeriodIssue("2026-04-01", "quarterly", calendar)).toBeNull();
    expect(measurementPeriodIssue("2026-07-01", "quarterly", fiscalApril)).toBeNull();
  });

  it("refuses a date inside a period, naming it and the start of its period", () => {
    expect(measurementPeriodIssue("2026-03-15", "monthly", calendar)).toBe(
      "Period 2026-03-15 does not start a monthly period (months start on the 1st); the period containing it starts on 2026-03-01",
    );
    expect(measurementPeriodIssue("2026-03-04", "weekly", calendar)).toContain("weeks start on a Monday");
    expect(measurementPeriodIssue("2026-02-01", "quarterly", fiscalApril)).toBe(
      "Period 2026-02-01 does not start a quarterly period (quarters start on the 1st of April, July, October and January); the period containing it starts on 2026-01-01",
    );
  });

  it("refuses what is not a date and a period that has not started", () => {
    expect(measurementPeriodIssue("March", "monthly", calendar)).toBe('Period "March" is not a date (YYYY-MM-DD)');
    expect(measurementPeriodIssue("2026-02-30", "monthly", calendar)).toContain("is not a date");
    expect(measurementPeriodIssue("2026-12-01", "monthly", calendar, "2026-11-23")).toBe("Period Dec 2026 has not started yet");
    expect(measurementPeriodIssue("2026-11-01", "monthly", calendar, "2026-11-23")).toBeNull();
  });
});

describe("measurementValueIssue", () => {
  it("keeps percentages within 0–100 and leaves other units alone", () => {
    expect(measurementValueIssue("percent", 100)).toBeNull();
    expect(measurementValueIssue("percent", 0)).toBeNull();
    expect(measurementValueIssue("percent", 140)).toBe("140 is outside 0–100 for a percentage");
    expect(measurementValueIssue("percent", -1)).toBe("-1 is outside 0–100 for a percentage");
    expect(measurementValueIssue("score", -40)).toBeNull();
    expect(measurementValueIssue("currency", 1e9)).toBeNull();
  });
});

describe("parseMeasurementValue", () => {
  it("reads typed text and names the cell when it refuses", () => {
    expect(parseMeasurementValue("12,5", "percent", "Activation rate, Mar 2026")).toEqual({ ok: true, value: 12.5 });
    expect(parseMeasurementValue("abc", "percent", "Activation rate, Mar 2026")).toEqual({ ok: false, message: 'Activation rate, Mar 2026: "abc" is not a number' });
    expect(parseMeasurementValue("140", "percent", "Activation rate, Mar 2026")).toEqual({
      ok: false,
      message: "Activation rate, Mar 2026: 140 is outside 0–100 for a percentage",
    });
    expect(parseMeasurementValue(" ", "count", "Hours, Mar 2026")).toEqual({ ok: false, message: "Hours, Mar 2026: enter a value" });
    expect(parseMeasurementValue(7, "count", "x")).toEqual({ ok: true, value: 7 });
  });
});

describe("cellLabel and formatValue", () => {
  it("name a cell the way people read the grid", () => {
    expect(cellLabel("NPS", "2026-04-01", "quarterly", calendar)).toBe("NPS, Q2 FY2026");
    expect(cellLabel("NPS", "soon", "quarterly", calendar)).toBe('NPS, period "soon"');
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(1e13)).toBe("10000000000000");
  });
});
