import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollupObjective, rollupPerspective, rollupScorecard, stageHealth, weightedMean, type WeightedScore } from "./rollup";

const score = fc.double({ min: 0, max: 10, noNaN: true });
// Zero or a weight someone would type: subnormal weights (5e-324) underflow to 0 when scaled,
// a float artifact rather than a rule of the roll-up.
const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));
const scoredItems = fc.array(fc.record({ score, weight }), { minLength: 1, maxLength: 20 });
const items = fc.array(fc.record({ score: fc.option(score), weight }), { maxLength: 20 });
const plainMean = (scores: number[]) => scores.reduce((a, b) => a + b, 0) / scores.length;

describe("weightedMean", () => {
  it("weights scores", () => {
    expect(weightedMean([{ score: 9, weight: 3 }, { score: 3, weight: 1 }])).toEqual({
      score: 7.5,
      coverage: { scored: 2, total: 2 },
    });
  });

  it("leaves out unscored items but counts them in coverage", () => {
    expect(weightedMean([{ score: 8, weight: 1 }, { score: null, weight: 5 }, { score: 4, weight: 1 }])).toEqual({
      score: 6,
      coverage: { scored: 2, total: 3 },
    });
    expect(weightedMean([{ score: Number.NaN, weight: 1 }, { score: 2, weight: 1 }])).toEqual({
      score: 2,
      coverage: { scored: 1, total: 2 },
    });
  });

  it("has no score without scored items", () => {
    expect(weightedMean([])).toEqual({ score: null, coverage: { scored: 0, total: 0 } });
    expect(weightedMean([{ score: null, weight: 1 }])).toEqual({ score: null, coverage: { scored: 0, total: 1 } });
  });

  it("falls back to the plain mean when every scored item weighs 0", () => {
    expect(weightedMean([{ score: 2, weight: 0 }, { score: 6, weight: 0 }, { score: null, weight: 3 }]).score).toBe(4);
  });

  it("gives a zero-weight item no say when others weigh something", () => {
    expect(weightedMean([{ score: 2, weight: 0 }, { score: 6, weight: 1 }]).score).toBe(6);
  });

  it("treats negative and non-finite weights as 0", () => {
    expect(weightedMean([{ score: 2, weight: -5 }, { score: 6, weight: 1 }]).score).toBe(6);
    expect(weightedMean([{ score: 2, weight: Number.NaN }, { score: 6, weight: 1 }]).score).toBe(6);
    expect(weightedMean([{ score: 2, weight: Infinity }, { score: 6, weight: 1 }]).score).toBe(6);
  });

  it("does not overflow with huge weights", () => {
    expect(weightedMean([{ score: 2, weight: Number.MAX_VALUE }, { score: 6, weight: Number.MAX_VALUE }]).score).toBe(4);
  });

  it("gives the plain mean for equal weights", () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 20 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (scores, w) => {
        const result = weightedMean(scores.map((s) => ({ score: s, weight: w })));
        expect(result.score).toBeCloseTo(plainMean(scores), 12);
      }),
    );
  });

  it("lies between the lowest and highest scored item", () => {
    fc.assert(
      fc.property(items, (list) => {
        const scores = list.flatMap((i) => (i.score === null ? [] : [i.score]));
        const result = weightedMean(list);
        expect(result.coverage).toEqual({ scored: scores.length, total: list.length });
        if (scores.length === 0) {
          expect(result.score).toBeNull();
        } else {
          expect(result.score).toBeGreaterThanOrEqual(Math.min(...scores));
          expect(result.score).toBeLessThanOrEqual(Math.max(...scores));
        }
      }),
      { numRuns: 1000 },
    );
  });

  // Scores are shown to two decimals; scaling weights may move the float sum by an ulp or so.
  it("does not change when all weights are scaled", () => {
    fc.assert(
      fc.property(scoredItems, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (list, k) => {
        const scaled = list.map((i) => ({ ...i, weight: i.weight * k }));
        expect(weightedMean(scaled).score).toBeCloseTo(weightedMean(list).score!, 6);
      }),
    );
  });

  it("does not depend on item order", () => {
    fc.assert(
      fc.property(scoredItems, (list) => {
        expect(weightedMean([...list].reverse()).score).toBeCloseTo(weightedMean(list).score!, 6);
      }),
    );
  });
});

describe("rollupObjective", () => {
  it("leaves stale KPIs out of the score and counts them as unscored", () => {
    const result = rollupObjective([
      { score: 8, stale: false, weight: 1 },
      { score: 10, stale: true, weight: 1 },
      { score: null, stale: false, weight: 1 },
    ]);
    expect(result).toEqual({ score: 8, status: "green", coverage: { scored: 1, total: 3 } });
  });

  it("is grey when every KPI is stale or missing", () => {
    expect(
      rollupObjective([
        { score: 9, stale: true, weight: 1 },
        { score: null, stale: false, weight: 2 },
      ]),
    ).toEqual({ score: null, status: "grey", coverage: { scored: 0, total: 2 } });
    expect(rollupObjective([])).toEqual({ score: null, status: "grey", coverage: { scored: 0, total: 0 } });
  });

  it("colours the weighted mean", () => {
    expect(rollupObjective([{ score: 2, stale: false, weight: 1 }, { score: 5, stale: false, weight: 1 }]).status).toBe("amber");
    expect(rollupObjective([{ score: 1, stale: false, weight: 1 }, { score: 5, stale: false, weight: 1 }]).status).toBe("red");
  });
});

describe("rollupPerspective, rollupScorecard, stageHealth", () => {
  const objectives: WeightedScore[] = [
    { score: 9, weight: 2 },
    { score: 3, weight: 1 },
    { score: null, weight: 1 },
  ];

  it("take the weighted mean one level up, counting items at that level", () => {
    for (const rollup of [rollupPerspective, rollupScorecard, stageHealth]) {
      expect(rollup(objectives)).toEqual({ score: 7, status: "green", coverage: { scored: 2, total: 3 } });
    }
  });

  it("compose: KPIs → objectives → perspectives → scorecard", () => {
    const growth = rollupObjective([
      { score: 8, stale: false, weight: 1 },
      { score: 4, stale: false, weight: 1 },
    ]);
    const retention = rollupObjective([{ score: 2, stale: false, weight: 1 }]);
    const customer = rollupPerspective([
      { ...growth, weight: 1 },
      { ...retention, weight: 1 },
    ]);
    const learning = rollupPerspective([{ ...rollupObjective([]), weight: 1 }]);
    const scorecard = rollupScorecard([
      { ...customer, weight: 3 },
      { ...learning, weight: 1 },
    ]);
    expect(customer).toEqual({ score: 4, status: "amber", coverage: { scored: 2, total: 2 } });
    expect(learning.status).toBe("grey");
    expect(scorecard).toEqual({ score: 4, status: "amber", coverage: { scored: 1, total: 2 } });
    expect(stageHealth([{ ...growth, weight: 1 }]).score).toBe(6);
  });
});
