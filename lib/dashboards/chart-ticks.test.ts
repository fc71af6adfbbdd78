import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { niceTicks } from "./chart-ticks";

/** The gap between ticks, with the float noise of the subtraction rounded off. */
const stepOf = (ticks: number[]) => Number((ticks[1]! - ticks[0]!).toPrecision(4));

describe("niceTicks", () => {
  it("rounds the bounds out to whole steps", () => {
    expect(niceTicks(7.26, 57.26)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-3, 7)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
  });

  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceTicks(0, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(0, 8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 12)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
  });

  it("gives clean decimals, not float noise", () => {
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("gives a flat series two ticks, so the axis still has a span", () => {
    expect(niceTicks(5, 5)).toEqual([5, 6]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2]);
    expect(niceTicks(-40, -40)).toEqual([-40, -30]);
  });

  it("gives bounds float arithmetic cannot step between just the bounds, rather than looping forever", () => {
    expect(niceTicks(1e16, 1e16 + 2)).toEqual([1e16, 1e16 + 2]);
    expect(niceTicks(-Number.MAX_VALUE, Number.MAX_VALUE)).toEqual([-Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(niceTicks(0, 5e-324)).toEqual([0, 5e-324]);
  });

  it("always covers the range with evenly spaced ticks at a 1–2–2.5–5 step", () => {
    // KPI values as people enter them: up to four decimals, up to ten million either side of zero.
    const bound = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 1e4);
    fc.assert(
      fc.property(bound, bound, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const ticks = niceTicks(lo, hi);
        const step = stepOf(ticks);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(12);
        expect(ticks[0]!).toBeLessThanOrEqual(lo);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(hi);
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(4));
        expect([1, 2, 2.5, 5]).toContain(mantissa);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6);
      }),
    );
  });
});
