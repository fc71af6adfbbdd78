// A unit's row on the organisation dashboard, from its own dashboard model: one cell per
// perspective kind (several perspectives of a kind weighed together, a missing kind grey).
import { describe, expect, it } from "vitest";
import { statusFromScore } from "@/lib/scoring";
import type { AttentionKpi, DashboardModel, NeedsAttention } from "./build-dashboard";
import { attentionCount, orgUnitView } from "./org-dashboard";

const summary = (score: number | null, scored: number, total: number) => ({
  score,
  status: statusFromScore(score),
  coverage: { scored, total },
  previousScore: null,
  previousStatus: "grey" as const,
  trend: null,
});

const kpi = (id: string): AttentionKpi => ({
  id, name: id, objectiveTitle: "Grow", ownerName: null, value: null, unit: "count", currency: null, periodLabel: null, score: null, status: "grey", stale: false, explanation: null, plan: null,
});

const none: NeedsAttention = { offTrack: [], unexplained: [], atRisk: [], noCurrentValue: [], pastDue: [] };

function model(perspectives: Array<{ kind: "financial" | "customer" | "internal" | "learning"; score: number | null; weight: number; scored: number; total: number }>, attention = none): DashboardModel {
  return {
    scorecard: { id: "u1", name: "Sales", description: "" },
    overall: summary(6, 3, 3),
    perspectives: perspectives.map((p, i) => ({ id: `p${i}`, name: `P${i}`, kind: p.kind, weight: p.weight, objectives: [], ...summary(p.score, p.scored, p.total) })),
    kpiCount: 5,
    statusCounts: { green: 2, amber: 1, red: 1, grey: 1 },
    attention,
  } as unknown as DashboardModel;
}

const unit = { id: "u1", name: "Sales", parentId: "root", depth: 2, childCount: 0 };

describe("orgUnitView", () => {
  it("takes each kind's one perspective as it is, in the Balanced Scorecard's order", () => {
    const view = orgUnitView(unit, model([
      { kind: "customer", score: 5, weight: 1, scored: 1, total: 2 },
      { kind: "financial", score: 8, weight: 1, scored: 2, total: 2 },
      { kind: "internal", score: 2, weight: 1, scored: 1, total: 1 },
    ]));
    expect(view.perspectives.map((c) => [c.kind, c.score, c.status, c.coverage, c.perspectiveCount])).toEqual([
      ["financial", 8, "green", { scored: 2, total: 2 }, 1],
      ["customer", 5, "amber", { scored: 1, total: 2 }, 1],
      ["internal", 2, "red", { scored: 1, total: 1 }, 1],
      ["learning", null, "grey", null, 0],
    ]);
    expect([view.depth, view.parentId, view.overall.score]).toEqual([2, "root", 6]);
  });

  it("weighs several perspectives of one kind as the scorecard weighs them, and sums their coverage", () => {
    const view = orgUnitView(unit, model([
      { kind: "customer", score: 4, weight: 1, scored: 1, total: 2 },
      { kind: "customer", score: 8, weight: 3, scored: 3, total: 3 },
      { kind: "customer", score: null, weight: 5, scored: 0, total: 1 },
    ]));
    const customer = view.perspectives.find((c) => c.kind === "customer")!;
    expect(customer.score).toBeCloseTo(7, 10);
    expect(customer.status).toBe(statusFromScore(7));
    expect(customer.coverage).toEqual({ scored: 4, total: 6 });
    expect(customer.perspectiveCount).toBe(3);
  });

  it("counts the KPIs with a current value, and what needs attention", () => {
    const attention = { ...none, noCurrentValue: [kpi("a"), kpi("b")], atRisk: [kpi("c")] };
    const view = orgUnitView(unit, model([], attention));
    expect(view.kpisReporting).toBe(3);
    expect(attentionCount(view.attention)).toBe(3);
    expect(attentionCount(none)).toBe(0);
  });
});
