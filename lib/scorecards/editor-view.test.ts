import { describe, expect, it } from "vitest";
import { eagerObjectiveCounts } from "./editor-view";

const perspective = (...kpiCounts: number[]) => ({ objectives: kpiCounts.map((n) => ({ kpis: Array.from({ length: n }) })) });

describe("eagerObjectiveCounts", () => {
  it("draws objectives in page order until the budget of KPIs is drawn", () => {
    expect(eagerObjectiveCounts([perspective(4, 4, 4, 4, 4), perspective(4, 4)], 16)).toEqual([4, 0]);
    expect(eagerObjectiveCounts([perspective(4, 4), perspective(4, 4, 4)], 16)).toEqual([2, 2]);
    // The objective that crosses the budget is drawn whole.
    expect(eagerObjectiveCounts([perspective(10, 10, 10)], 16)).toEqual([2]);
  });

  it("draws a scorecard within the budget whole, and always the first objective", () => {
    expect(eagerObjectiveCounts([perspective(2, 2), perspective(2), perspective(), perspective(2, 2)], 16)).toEqual([2, 1, 0, 2]);
    expect(eagerObjectiveCounts([perspective(40), perspective(1)], 16)).toEqual([1, 0]);
    expect(eagerObjectiveCounts([perspective(), perspective(0, 3)], 0)).toEqual([0, 1]);
  });
});
