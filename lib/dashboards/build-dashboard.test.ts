import { describe, expect, it } from "vitest";
import type { Kpi, Objective, Perspective, Scorecard } from "@/db/schema";
import type { TeamCalendar } from "@/lib/periods";
import { kpiScore, rollupObjective, stageHealth } from "@/lib/scoring";
import { buildDashboard, kpiHistories, type DashboardSource } from "./build-dashboard";
import { resolveDashboardPeriod } from "./period-selection";

const calendar: TeamCalendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
const TODAY = "2026-03-15";
const T = "00000000-0000-4000-8000-000000000000";
const stamp = new Date("2026-01-01T00:00:00Z");

const scorecard: Scorecard = { teamId: T, id: "sc", name: "Card", description: "", journeyId: "j1", parentId: null, restricted: false, archivedAt: null, version: 1, createdAt: stamp, updatedAt: stamp };
const perspective = (id: string, position: number): Perspective => ({ teamId: T, id, scorecardId: "sc", kind: "customer", name: id.toUpperCase(), position, weight: 1, version: 1, createdAt: stamp, updatedAt: stamp });
const objective = (id: string, perspectiveId: string, ownerId: string | null = null): Objective => ({
  teamId: T, id, scorecardId: "sc", perspectiveId, title: `Objective ${id}`, description: "", ownerId, weight: 1, position: 0, version: 1, createdAt: stamp, updatedAt: stamp,
});
const kpi = (id: string, objectiveId: string, over: Partial<Kpi> = {}): Kpi => ({
  teamId: T, id, objectiveId, name: `KPI ${id}`, description: "", unit: "count", currency: null, direction: "up", baseline: 0, target: 100, targetMax: null, redThreshold: 50,
  frequency: "monthly", indicator: "lagging", source: "manual", aggregation: null, ownerId: null, weight: 1, position: 0, version: 1, createdAt: stamp, updatedAt: stamp, ...over,
});

function source(): DashboardSource {
  return {
    tree: {
      scorecard,
      perspectives: [perspective("p1", 0), perspective("p2", 1)],
      objectives: [objective("o1", "p1", "u1"), objective("o2", "p2")],
      stageIds: new Map([["o1", ["s1", "s2"]], ["o2", ["s2"]]]),
      kpis: [kpi("green", "o1"), kpi("red", "o1"), kpi("amber", "o2"), kpi("stale", "o2"), kpi("never", "o2")],
      measurements: [
        { kpiId: "green", period: "2026-02-01", value: 120 },
        { kpiId: "green", period: "2026-01-01", value: 90 },
        { kpiId: "red", period: "2026-02-01", value: 20 },
        { kpiId: "amber", period: "2026-03-01", value: 70 },
        { kpiId: "stale", period: "2025-11-01", value: 200 },
      ],
    },
    previousMeasurements: [
      { kpiId: "green", period: "2026-02-01", value: 120 },
      { kpiId: "red", period: "2026-02-01", value: 20 },
      { kpiId: "stale", period: "2025-11-01", value: 200 },
    ],
    initiatives: [
      { id: "i1", objectiveId: "o1", title: "Late", ownerId: "u1", dueDate: "2026-03-01", status: "in_progress", progress: 40 },
      { id: "i2", objectiveId: "o1", title: "Done late", ownerId: null, dueDate: "2026-02-01", status: "done", progress: 100 },
      { id: "i3", objectiveId: "o2", title: "Future", ownerId: null, dueDate: "2026-04-01", status: "planned", progress: 0 },
      { id: "i4", objectiveId: "o2", title: "Canceled", ownerId: null, dueDate: "2026-01-01", status: "canceled", progress: 0 },
    ],
    stages: [
      { id: "s3", name: "Three", position: 2, journeyId: "j1", journeyName: "Journey" },
      { id: "s1", name: "One", position: 0, journeyId: "j1", journeyName: "Journey" },
      { id: "s2", name: "Two", position: 1, journeyId: "j1", journeyName: "Journey" },
    ],
    ownerNames: new Map([["u1", "Dana"]]),
  };
}

describe("buildDashboard", () => {
  const period = resolveDashboardPeriod({}, calendar, TODAY);
  const model = buildDashboard(source(), period, calendar, TODAY);
  const byId = Object.fromEntries(model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).map((k) => [k.id, k]));

  it("sorts KPIs into needs-attention groups, each KPI once", () => {
    expect(model.attention.offTrack.map((k) => k.id)).toEqual(["red"]);
    expect(model.attention.atRisk.map((k) => k.id)).toEqual(["amber"]);
    expect(model.attention.noCurrentValue.map((k) => [k.id, k.stale])).toEqual([["stale", true], ["never", false]]);
    expect(model.attention.pastDue).toEqual([
      { id: "i1", title: "Late", objectiveTitle: "Objective o1", ownerName: "Dana", dueDate: "2026-03-01", daysOverdue: 14, status: "in_progress", progress: 40 },
    ]);
    expect(model.statusCounts).toEqual({ green: 1, amber: 1, red: 1, grey: 2 });
  });

  it("rolls objectives up from the scoring module and compares with the previous period", () => {
    const o1 = model.perspectives[0]!.objectives[0]!;
    expect(o1.score).toBe(rollupObjective([{ score: kpiScore({ direction: "up", target: 100, targetMax: null, redThreshold: 50 }, 120), stale: false, weight: 1 }, { score: kpiScore({ direction: "up", target: 100, targetMax: null, redThreshold: 50 }, 20), stale: false, weight: 1 }]).score);
    expect(o1.ownerName).toBe("Dana");
    // o2 had nothing current last month (only the stale value); now the amber KPI is in.
    const o2 = model.perspectives[1]!.objectives[0]!;
    expect(o2.previousScore).toBeNull();
    expect(o2.trend).toBeNull();
    expect(o2.coverage).toEqual({ scored: 1, total: 3 });
    expect(byId.amber!.previousValue).toBeNull();
    expect(byId.green!.trend).toBe("flat");
    // Its own period-over-period direction: Feb (120) against Jan (90).
    expect([byId.green!.ownTrend, byId.green!.priorPeriod, byId.green!.priorPeriodLabel]).toEqual(["improving", "2026-01-01", "Jan 2026"]);
    expect(byId.never!.priorPeriod).toBeNull();
  });

  it("lays the heatmap out by stage position, with gaps where no objective serves a stage", () => {
    const [map] = model.heatmaps;
    expect(map!.stages.map((s) => s.name)).toEqual(["One", "Two", "Three"]);
    const [row1, row2] = map!.rows;
    expect(row1!.cells.map((c) => c.objectiveCount)).toEqual([1, 1, 0]);
    expect(row2!.cells.map((c) => c.objectiveCount)).toEqual([0, 1, 0]);
    const o1 = model.perspectives[0]!.objectives[0]!;
    const o2 = model.perspectives[1]!.objectives[0]!;
    expect(map!.overall[1]!.score).toBe(stageHealth([{ score: o1.score, weight: 1 }, { score: o2.score, weight: 1 }]).score);
    expect(map!.overall[2]).toMatchObject({ status: "grey", score: null, objectiveCount: 0 });
  });

  it("orders and labels each KPI's history, ignoring other KPIs", () => {
    const histories = kpiHistories(
      [{ id: "green", frequency: "monthly" }],
      [
        { kpiId: "green", period: "2026-02-01", value: 2 },
        { kpiId: "green", period: "2026-01-01", value: 1 },
        { kpiId: "elsewhere", period: "2026-01-01", value: 9 },
      ],
      calendar,
    );
    expect(histories).toEqual({ green: [{ period: "2026-01-01", label: "Jan 2026", value: 1 }, { period: "2026-02-01", label: "Feb 2026", value: 2 }] });
  });
});
