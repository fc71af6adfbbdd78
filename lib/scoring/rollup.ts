// Weighted roll-ups: KPIs → objective → perspective → scorecard, and objectives → stage health.
import { statusFromScore } from "./bands";
import type { KpiEvaluation } from "./evaluate";
import type { Coverage, Rollup } from "./types";

export type WeightedScore = { score: number | null; weight: number };
export type WeightedKpi = Pick<KpiEvaluation, "score" | "stale"> & { weight: number };

/**
 * Mean of the scored items (null or non-finite scores are left out and only counted in
 * `coverage.total`). Weights should be ≥ 0; a negative or non-finite weight counts as 0.
 * When every scored item weighs 0 the plain mean is used, so zero weights never turn a
 * scored set into "no score". The result is clamped to the items' [min, max], which
 * rounding could otherwise leave by an ulp.
 */
export function weightedMean(items: readonly WeightedScore[]): { score: number | null; coverage: Coverage } {
  const scored: { score: number; weight: number }[] = [];
  for (const { score, weight } of items) {
    if (score !== null && Number.isFinite(score)) {
      scored.push({ score, weight: Number.isFinite(weight) && weight > 0 ? weight : 0 });
    }
  }
  const coverage = { scored: scored.length, total: items.length };
  if (scored.length === 0) return { score: null, coverage };

  // Dividing by the largest weight keeps huge weights from overflowing the sums, and
  // turns equal weights into exactly 1, so they give exactly the plain mean.
  const maxWeight = scored.reduce((max, item) => Math.max(max, item.weight), 0);
  let weightSum = 0;
  let weightedSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const { score, weight } of scored) {
    const w = maxWeight > 0 ? weight / maxWeight : 1;
    weightSum += w;
    weightedSum += w * score;
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  return { score: Math.min(max, Math.max(min, weightedSum / weightSum)), coverage };
}

function rollup(items: readonly WeightedScore[]): Rollup {
  const { score, coverage } = weightedMean(items);
  return { score, status: statusFromScore(score), coverage };
}

/** A stale KPI does not count as on track: it is left out like missing data. */
export function rollupObjective(kpis: readonly WeightedKpi[]): Rollup {
  return rollup(kpis.map(({ score, stale, weight }) => ({ score: stale ? null : score, weight })));
}

/** Coverage counts objectives, not KPIs. */
export function rollupPerspective(objectives: readonly WeightedScore[]): Rollup {
  return rollup(objectives);
}

/** Coverage counts perspectives. */
export function rollupScorecard(perspectives: readonly WeightedScore[]): Rollup {
  return rollup(perspectives);
}

/**
 * A journey stage's health: the weighted mean of the roll-ups of the objectives that
 * serve it (each already built from its own KPIs), weighted by the objectives' weights.
 */
export function stageHealth(objectivesServingStage: readonly WeightedScore[]): Rollup {
  return rollup(objectivesServingStage);
}
