import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCORE_AT_RED, SCORE_AT_TARGET, statusFromScore } from "./bands";
import { kpiDefinitionIssue, kpiScore, kpiStatus } from "./kpi";
import type { KpiDefinition } from "./types";

const up = (target: number, redThreshold: number): KpiDefinition => ({ direction: "up", target, targetMax: null, redThreshold });
const down = (target: number, redThreshold: number): KpiDefinition => ({ direction: "down", target, targetMax: null, redThreshold });
const range = (target: number, targetMax: number | null, redThreshold: number): KpiDefinition => ({
  direction: "range",
  target,
  targetMax,
  redThreshold,
});

/** Every finite double, extremes, -0 and subnormals included. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Anything a double column could hold. */
const anyNumber = fc.oneof(finite, fc.constantFrom(Number.NaN, Infinity, -Infinity));
/** Two different finite doubles, lower first. */
const distinctPair = fc
  .tuple(finite, finite)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));
const upDef = distinctPair.map(([red, target]) => up(target, red));
const downDef = distinctPair.map(([target, red]) => down(target, red));
const rangeDef = fc
  .tuple(finite, finite, fc.double({ noNaN: true, noDefaultInfinity: true, min: Number.MIN_VALUE }), fc.boolean())
  .map(([a, b, red, point]) => (point ? range(a, null, red) : range(Math.min(a, b), Math.max(a, b), red)));
const validDef = fc.oneof(upDef, downDef, rangeDef);
const anyDef = fc.record({
  direction: fc.constantFrom("up" as const, "down" as const, "range" as const),
  target: anyNumber,
  targetMax: fc.option(anyNumber),
  redThreshold: anyNumber,
});

describe("kpiScore at exact points", () => {
  it("scores an up KPI 6.67 at target, 3.33 at red, 10 far better, 0 far worse", () => {
    const def = up(90, 80);
    expect(kpiScore(def, 90)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(def, 80)).toBe(SCORE_AT_RED);
    expect(kpiScore(def, 90)!.toFixed(2)).toBe("6.67");
    expect(kpiScore(def, 80)!.toFixed(2)).toBe("3.33");
    expect(kpiScore(def, 85)).toBeCloseTo(5, 12);
    expect(kpiScore(def, 75)).toBeCloseTo(5 / 3, 12);
    expect(kpiScore(def, 100)).toBe(10);
    expect(kpiScore(def, 1e9)).toBe(10);
    expect(kpiScore(def, 70)).toBe(0);
    expect(kpiScore(def, -1e9)).toBe(0);
  });

  it("scores a down KPI the same way with the sides swapped", () => {
    const def = down(2, 4);
    expect(kpiScore(def, 2)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(def, 4)).toBe(SCORE_AT_RED);
    expect(kpiScore(def, 3)).toBeCloseTo(5, 12);
    expect(kpiScore(def, 0)).toBe(10);
    expect(kpiScore(def, -5)).toBe(10);
    expect(kpiScore(def, 6)).toBe(0);
    expect(kpiScore(def, 100)).toBe(0);
  });

  it("scores a range KPI by its distance outside the range", () => {
    const def = range(20, 60, 30);
    for (const inside of [20, 35.5, 60]) expect(kpiScore(def, inside)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(def, 5)).toBeCloseTo(5, 12); // 15 below
    expect(kpiScore(def, 75)).toBeCloseTo(5, 12); // 15 above
    expect(kpiScore(def, -10)).toBe(SCORE_AT_RED); // 30 below
    expect(kpiScore(def, 90)).toBe(SCORE_AT_RED);
    expect(kpiScore(def, 120)).toBe(0);
    expect(kpiScore(def, -40)).toBe(0);
  });

  it("treats a range without an upper bound as a single target value", () => {
    const def = range(50, null, 10);
    expect(kpiScore(def, 50)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(def, 55)).toBeCloseTo(5, 12);
    expect(kpiScore(def, 45)).toBeCloseTo(5, 12);
    expect(kpiStatus(def, 50.0001)).toBe("amber");
  });

  it("works with negative and fractional thresholds", () => {
    expect(kpiScore(up(-1, -3), -1)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(up(-1, -3), -2)).toBeCloseTo(5, 12);
    expect(kpiScore(down(0.1, 0.3), 0.2)).toBeCloseTo(5, 12);
  });

  it("stays inside the band its status says when rounding would cross a boundary", () => {
    // (0.5 + 1e20) / (1 + 1e20) rounds to exactly 1, i.e. 20/3, though 0.5 is below target.
    const wide = up(1, -1e20);
    expect(kpiStatus(wide, 0.5)).toBe("amber");
    expect(kpiScore(wide, 0.5)).toBeLessThan(SCORE_AT_TARGET);
    // -1e-300 / 1e20 underflows to 0, i.e. 10/3, though the value is below red.
    const tall = up(1e20, 0);
    expect(kpiStatus(tall, -1e-300)).toBe("red");
    expect(kpiScore(tall, -1e-300)).toBeLessThan(SCORE_AT_RED);
  });

  it("does not overflow with thresholds at the ends of the double range", () => {
    const def = up(Number.MAX_VALUE, -Number.MAX_VALUE);
    expect(kpiScore(def, 0)).toBeCloseTo(5, 12);
    expect(kpiScore(def, Number.MAX_VALUE)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(def, -Number.MAX_VALUE)).toBe(SCORE_AT_RED);
    expect(kpiScore(range(-Number.MAX_VALUE, Number.MAX_VALUE, 1), 0)).toBe(SCORE_AT_TARGET);
    expect(kpiScore(range(Number.MAX_VALUE, null, 1), -Number.MAX_VALUE)).toBe(0);
  });
});

describe("kpiScore without a score", () => {
  it("returns null for a missing or non-finite value", () => {
    for (const value of [null, Number.NaN, Infinity, -Infinity]) expect(kpiScore(up(90, 80), value)).toBeNull();
  });

  it.each<[string, KpiDefinition]>([
    ["up with red at target", up(10, 10)],
    ["up with red above target", up(10, 20)],
    ["down with red at target", down(10, 10)],
    ["down with red below target", down(10, 5)],
    ["NaN target", up(Number.NaN, 0)],
    ["infinite red", down(0, Infinity)],
    ["range with zero red distance", range(0, 10, 0)],
    ["range with negative red distance", range(0, 10, -1)],
    ["range upside down", range(10, 0, 5)],
    ["range with NaN top", range(0, Number.NaN, 5)],
    ["range with infinite top", range(0, Infinity, 5)],
  ])("returns null and grey for an unusable definition: %s", (_, def) => {
    expect(kpiDefinitionIssue(def)).toEqual(expect.any(String));
    expect(kpiScore(def, 5)).toBeNull();
    expect(kpiStatus(def, 5)).toBe("grey");
  });

  it("accepts sound definitions", () => {
    for (const def of [up(90, 80), down(2, 4), range(20, 60, 30), range(5, 5, 1), range(5, null, 1)]) {
      expect(kpiDefinitionIssue(def)).toBeNull();
    }
  });

  it("ignores targetMax unless the KPI is a range", () => {
    expect(kpiScore({ ...up(90, 80), targetMax: Number.NaN }, 90)).toBe(SCORE_AT_TARGET);
  });
});

describe("kpiStatus", () => {
  it("colours an up KPI: green at or above target, red strictly below red", () => {
    const def = up(90, 80);
    expect(kpiStatus(def, 95)).toBe("green");
    expect(kpiStatus(def, 90)).toBe("green");
    expect(kpiStatus(def, 89.99)).toBe("amber");
    expect(kpiStatus(def, 80)).toBe("amber");
    expect(kpiStatus(def, 79.99)).toBe("red");
  });

  it("colours a down KPI: green at or below target, red strictly above red", () => {
    const def = down(2, 4);
    expect(kpiStatus(def, 1)).toBe("green");
    expect(kpiStatus(def, 2)).toBe("green");
    expect(kpiStatus(def, 3)).toBe("amber");
    expect(kpiStatus(def, 4)).toBe("amber");
    expect(kpiStatus(def, 4.01)).toBe("red");
  });

  it("colours a range KPI by distance outside it", () => {
    const def = range(20, 60, 30);
    expect(kpiStatus(def, 20)).toBe("green");
    expect(kpiStatus(def, 60)).toBe("green");
    expect(kpiStatus(def, 19)).toBe("amber");
    expect(kpiStatus(def, 90)).toBe("amber");
    expect(kpiStatus(def, -10)).toBe("amber");
    expect(kpiStatus(def, 90.5)).toBe("red");
    expect(kpiStatus(def, -10.5)).toBe("red");
  });

  it("is grey without a value", () => {
    expect(kpiStatus(up(90, 80), null)).toBe("grey");
    expect(kpiStatus(up(90, 80), Number.NaN)).toBe("grey");
  });
});

describe("statusFromScore", () => {
  it("maps bands with inclusive lower bounds", () => {
    expect(statusFromScore(null)).toBe("grey");
    expect(statusFromScore(Number.NaN)).toBe("grey");
    expect(statusFromScore(10)).toBe("green");
    expect(statusFromScore(SCORE_AT_TARGET)).toBe("green");
    expect(statusFromScore(6.66)).toBe("amber");
    expect(statusFromScore(SCORE_AT_RED)).toBe("amber");
    expect(statusFromScore(3.33)).toBe("red");
    expect(statusFromScore(0)).toBe("red");
  });
});

describe("kpiScore properties", () => {
  it("is null or a number in [0, 10], never NaN, for any input at all", () => {
    fc.assert(
      fc.property(anyDef, fc.option(anyNumber), (def, value) => {
        const score = kpiScore(def, value);
        if (score !== null) {
          expect(Number.isNaN(score)).toBe(false);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(10);
        }
        expect(score === null).toBe(kpiStatus(def, value) === "grey");
      }),
      { numRuns: 2000 },
    );
  });

  it("always scores a finite value against a sound definition", () => {
    fc.assert(fc.property(validDef, finite, (def, value) => kpiScore(def, value) !== null), { numRuns: 1000 });
  });

  it("scores exactly 20/3 at target and 10/3 at red", () => {
    fc.assert(
      fc.property(fc.oneof(upDef, downDef), (def) => {
        expect(kpiScore(def, def.target)).toBe(SCORE_AT_TARGET);
        expect(kpiScore(def, def.redThreshold)).toBe(SCORE_AT_RED);
      }),
    );
  });

  it("is monotonic in the better direction for up and down", () => {
    fc.assert(
      fc.property(upDef, finite, finite, (def, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(kpiScore(def, lo)!).toBeLessThanOrEqual(kpiScore(def, hi)!);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(downDef, finite, finite, (def, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(kpiScore(def, lo)!).toBeGreaterThanOrEqual(kpiScore(def, hi)!);
      }),
      { numRuns: 1000 },
    );
  });

  it("for a range, rises towards the range, is 20/3 inside it, and falls beyond it", () => {
    fc.assert(
      fc.property(rangeDef, finite, finite, (def, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const top = def.targetMax ?? def.target;
        const [sLo, sHi] = [kpiScore(def, lo)!, kpiScore(def, hi)!];
        if (hi <= def.target) expect(sLo).toBeLessThanOrEqual(sHi);
        if (lo >= top) expect(sLo).toBeGreaterThanOrEqual(sHi);
        if (lo >= def.target && lo <= top) expect(sLo).toBe(SCORE_AT_TARGET);
        expect(Math.max(sLo, sHi)).toBeLessThanOrEqual(SCORE_AT_TARGET);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives an up KPI (t, r) at v the same score as a down KPI (-t, -r) at -v", () => {
    fc.assert(
      fc.property(upDef, finite, (def, v) => {
        const mirrored = down(-def.target, -def.redThreshold);
        expect(kpiScore(mirrored, -v)).toBe(kpiScore(def, v));
        expect(kpiStatus(mirrored, -v)).toBe(kpiStatus(def, v));
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with the score bands: red ⇔ < 10/3, green ⇔ ≥ 20/3", () => {
    fc.assert(
      fc.property(validDef, finite, (def, v) => {
        expect(statusFromScore(kpiScore(def, v))).toBe(kpiStatus(def, v));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the bands near the thresholds, where rounding bites", () => {
    const nearby = (x: number) => fc.double({ noNaN: true, noDefaultInfinity: true, min: x - Math.abs(x) * 1e-12 - 1e-9, max: x + Math.abs(x) * 1e-12 + 1e-9 });
    fc.assert(
      fc.property(
        fc.oneof(upDef, downDef).chain((def) =>
          fc.tuple(fc.constant(def), fc.oneof(nearby(def.target), nearby(def.redThreshold))),
        ),
        ([def, v]) => {
          expect(statusFromScore(kpiScore(def, v))).toBe(kpiStatus(def, v));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
