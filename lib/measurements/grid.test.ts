import { describe, expect, it } from "vitest";
import type { Kpi, Objective, Perspective, Scorecard } from "@/db/schema";
import { evaluateScorecard } from "@/lib/scorecards/evaluate";
import { buildMeasurementGrid, describeTarget, recentPeriods } from "./grid";
import { readGridModel } from "./grid-model";
import { formatScore, formatWithUnit } from "./values";

const calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
const at = new Date("2026-01-01T00:00:00Z");

function kpi(id: string, objectiveId: string, values: Partial<Kpi>): Kpi {
  return {
    id, teamId: "t", objectiveId, name: id, description: "", unit: "percent", currency: null, direction: "up", baseline: null, target: 80, targetMax: null,
    redThreshold: 50, frequency: "monthly", indicator: "lagging", source: "manual", aggregation: null, ownerId: null, weight: 1, position: 0, version: 1, createdAt: at, updatedAt: at,
    ...values,
  };
}

describe("recentPeriods", () => {
  it("ends with the period containing today, oldest first", () => {
    expect(recentPeriods("monthly", "2026-11-23", 3, calendar)).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
    expect(recentPeriods("weekly", "2026-11-23", 2, calendar)).toEqual(["2026-11-16", "2026-11-23"]);
    expect(recentPeriods("quarterly", "2026-11-23", 2, { ...calendar, fiscalYearStartMonth: 4 })).toEqual(["2026-07-01", "2026-10-01"]);
  });
});

describe("describeTarget and formatting", () => {
  it("says the target and red line in words, with the unit", () => {
    expect(describeTarget(kpi("a", "o", {}))).toBe("≥ 80% (red below 50%)");
    expect(describeTarget(kpi("a", "o", { direction: "down", unit: "duration", target: 7, redThreshold: 21 }))).toBe("≤ 7 (red above 21)");
    expect(describeTarget(kpi("a", "o", { direction: "range", unit: "count", target: 10, targetMax: 20, redThreshold: 5 }))).toBe("10 to 20 (red beyond 5 outside)");
    expect(formatWithUnit(1200.5, "currency", "EUR")).toBe("EUR 1200.5");
    expect(formatScore(20 / 3)).toBe("6.67");
    expect(formatScore(null)).toBe("–");
  });
});

describe("buildMeasurementGrid", () => {
  it("makes one section per frequency in use, rows grouped by perspective and objective, cells per shown period", () => {
    const scorecard = { id: "s", name: "S" } as Scorecard;
    const perspectives = [
      { id: "p1", name: "Customer", kind: "customer", weight: 1, position: 0 },
      { id: "p2", name: "Learning", kind: "learning", weight: 1, position: 1 },
    ] as Perspective[];
    const objectives = [
      { id: "o1", perspectiveId: "p1", title: "Delight", weight: 1 },
      { id: "o2", perspectiveId: "p2", title: "Learn", weight: 1 },
    ] as Objective[];
    const kpis = [kpi("k1", "o1", {}), kpi("k2", "o1", { frequency: "weekly" }), kpi("k3", "o2", {})];
    const measurements = [
      { kpiId: "k1", period: "2026-10-01", value: 65, note: "", version: 2 },
      { kpiId: "k1", period: "2026-11-01", value: 80, note: "survey", version: 1 },
    ];
    const evaluated = evaluateScorecard({ scorecard, perspectives, objectives, stageIds: new Map(), kpis, measurements }, "2026-11-23", calendar);
    const sections = readGridModel(buildMeasurementGrid(evaluated, measurements, calendar, "2026-11-23", 3));

    expect(sections.map((s) => s.frequency)).toEqual(["weekly", "monthly"]);
    const monthly = sections[1]!;
    expect(monthly.columns.map((c) => [c.period, c.label, c.current])).toEqual([
      ["2026-09-01", "Sep 2026", false],
      ["2026-10-01", "Oct 2026", false],
      ["2026-11-01", "Nov 2026", true],
    ]);
    expect(monthly.perspectives.map((p) => [p.name, p.objectives.map((o) => o.title)])).toEqual([["Customer", ["Delight"]], ["Learning", ["Learn"]]]);
    const row = monthly.perspectives[0]!.objectives[0]!.rows[0]!;
    expect(row).toMatchObject({ kpiId: "k1", status: "green", score: 20 / 3, latestLabel: "Nov 2026", target: "≥ 80% (red below 50%)" });
    expect(row.cells).toEqual([
      { period: "2026-09-01", value: null, note: "", version: null },
      { period: "2026-10-01", value: 65, note: "", version: 2 },
      { period: "2026-11-01", value: 80, note: "survey", version: 1 },
    ]);
    // The objective's score is the roll-up of all its KPIs (weekly k2 has no data), the same in every section.
    expect(monthly.perspectives[0]!.objectives[0]!.summary).toEqual({ score: 20 / 3, status: "green", coverage: { scored: 1, total: 2 } });
    expect(sections[0]!.perspectives[0]!.objectives[0]!.summary.score).toBe(20 / 3);
    expect(sections[0]!.columns.map((c) => c.short)).toEqual(["9 Nov", "16 Nov", "23 Nov"]);
  });
});

describe("the grid's model as the browser receives it", () => {
  it("sends rows as tuples and each shared text once, and reads back to the same rows", () => {
    const scorecard = { id: "s", name: "S" } as Scorecard;
    const perspectives = [{ id: "p1", name: "Customer", kind: "customer", weight: 1, position: 0 }] as Perspective[];
    const objectives = [{ id: "o1", perspectiveId: "p1", title: "Delight", weight: 1 }] as Objective[];
    const kpis = [kpi("k1", "o1", { name: "Same name" }), kpi("k2", "o1", { name: "Same name" }), kpi("k3", "o1", { target: 90 })];
    const measurements = [
      { kpiId: "k1", period: "2026-11-01", value: 70, note: "", version: 1 },
      { kpiId: "k2", period: "2026-11-01", value: 60, note: "", version: 3 },
      { kpiId: "k3", period: "2026-10-01", value: 91, note: "from the survey", version: 2 },
    ];
    const evaluated = evaluateScorecard({ scorecard, perspectives, objectives, stageIds: new Map(), kpis, measurements }, "2026-11-23", calendar);
    const model = buildMeasurementGrid(evaluated, measurements, calendar, "2026-11-23", 3);

    // Each text once: the shared name, the two targets and the two latest-period labels.
    expect([...model.texts].sort()).toEqual(["Nov 2026", "Oct 2026", "Same name", "k3", "≥ 80% (red below 50%)", "≥ 90% (red below 50%)"].sort());
    const json = JSON.stringify(model);
    for (const key of ["kpiId", "cells", "period", "version", "latestLabel"]) expect(json).not.toContain(`"${key}"`);
    const [r1, r2, r3] = model.sections[0]!.perspectives[0]!.objectives[0]!.rows;
    expect(r1![1]).toBe(r2![1]);
    expect(r1).toEqual(["k1", r1![1], "percent", null, r1![4], "amber", 0, expect.any(Number), r1![8], [null, null, 70], [null, null, 1]]);
    // Notes ride along only on a row that has one.
    expect(r2).toHaveLength(11);
    expect(r3![11]).toEqual(["", "from the survey", ""]);

    const [section] = readGridModel(model);
    expect(section!.columns.map((c) => c.current)).toEqual([false, false, true]);
    const rows = section!.perspectives[0]!.objectives[0]!.rows;
    expect(rows.map((r) => [r.kpiId, r.name, r.target, r.latestLabel])).toEqual([
      ["k1", "Same name", "≥ 80% (red below 50%)", "Nov 2026"],
      ["k2", "Same name", "≥ 80% (red below 50%)", "Nov 2026"],
      ["k3", "k3", "≥ 90% (red below 50%)", "Oct 2026"],
    ]);
    expect(rows[2]!.cells).toEqual([
      { period: "2026-09-01", value: null, note: "", version: null },
      { period: "2026-10-01", value: 91, note: "from the survey", version: 2 },
      { period: "2026-11-01", value: null, note: "", version: null },
    ]);
    expect(rows[1]).toMatchObject({ unit: "percent", currency: null, frequency: "monthly", status: "amber", stale: false });
  });
});
