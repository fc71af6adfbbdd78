import { describe, expect, it } from "vitest";
import { describeThresholds, formatCoverage, formatKpiValue, formatScore, weightShare } from "./format";

describe("formatKpiValue", () => {
  it("writes each unit the way people read it", () => {
    expect(formatKpiValue(85, { unit: "percent" })).toBe("85%");
    expect(formatKpiValue(4000, { unit: "currency", currency: "USD" })).toBe("$4,000");
    expect(formatKpiValue(12.5, { unit: "currency", currency: "EUR" })).toBe("€12.50");
    expect(formatKpiValue(1200, { unit: "count" })).toBe("1,200");
    expect(formatKpiValue(4.75, { unit: "score" })).toBe("4.75");
  });

  it("shows a dash for no value, and never NaN", () => {
    expect(formatKpiValue(null, { unit: "count" })).toBe("—");
    expect(formatKpiValue(Number.NaN, { unit: "percent" })).toBe("—");
    expect(formatKpiValue(3, { unit: "currency", currency: "not a code" })).toBe("3 not a code");
  });
});

describe("formatScore and coverage", () => {
  it("rounds to one decimal and shows a dash for no score", () => {
    expect(formatScore(20 / 3)).toBe("6.7");
    expect(formatScore(10)).toBe("10.0");
    expect(formatScore(null)).toBe("—");
    expect(formatCoverage({ scored: 3, total: 4 })).toBe("3 of 4 scored");
    expect(formatCoverage({ scored: 0, total: 0 })).toBe("Nothing to score yet");
  });
});

describe("describeThresholds", () => {
  it("says what green and red mean in each direction", () => {
    expect(describeThresholds({ unit: "percent", direction: "up", target: 85, targetMax: null, redThreshold: 75 })).toBe("Target ≥ 85%, red below 75%");
    expect(describeThresholds({ unit: "duration", direction: "down", target: 7, targetMax: null, redThreshold: 21 })).toBe("Target ≤ 7, red above 21");
    expect(describeThresholds({ unit: "count", direction: "range", target: 20, targetMax: 60, redThreshold: 30 })).toBe("Target 20–60, red beyond 30 outside");
  });
});

describe("weightShare", () => {
  it("is the weight's share of its siblings' total", () => {
    expect(weightShare(1, [1, 1, 1, 1])).toBe("25%");
    expect(weightShare(1.5, [1.5, 1.5, 1, 1])).toBe("30%");
    // All zero: the roll-up then uses the plain mean, so each counts equally.
    expect(weightShare(0, [0, 0])).toBe("50%");
    expect(weightShare(0, [0, 2])).toBe("0%");
  });
});
