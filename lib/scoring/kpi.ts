// One KPI, one value: its 0–10 score and its colour.
import { SCORE_AT_RED, scoreInBand } from "./bands";
import type { KpiDefinition, Status } from "./types";

/**
 * Why a definition cannot be scored, or null when it can. The messages are meant for
 * people, so validation at the edge can reuse them.
 */
export function kpiDefinitionIssue(def: KpiDefinition): string | null {
  const { direction, target, targetMax, redThreshold } = def;
  if (!Number.isFinite(target) || !Number.isFinite(redThreshold)) {
    return "Target and red threshold must be finite numbers.";
  }
  switch (direction) {
    case "up":
      return redThreshold < target ? null : "When higher is better, the red threshold must be below the target.";
    case "down":
      return redThreshold > target ? null : "When lower is better, the red threshold must be above the target.";
    case "range":
      if (targetMax !== null && !(Number.isFinite(targetMax) && targetMax >= target)) {
        return "The top of the target range must be a number no lower than its bottom.";
      }
      return redThreshold > 0 ? null : "For a range, the red threshold is a distance outside the range and must be above 0.";
  }
}

/** How far `value` lies outside [target, targetMax]; 0 inside. */
function distanceOutsideRange(def: KpiDefinition, value: number): number {
  const top = def.targetMax ?? def.target;
  if (value < def.target) return def.target - value;
  if (value > top) return value - top;
  return 0;
}

/** Status from value comparisons (never from the score, which has rounding error). */
function statusOfScorable(def: KpiDefinition, value: number): Exclude<Status, "grey"> {
  switch (def.direction) {
    case "up":
      return value >= def.target ? "green" : value < def.redThreshold ? "red" : "amber";
    case "down":
      return value <= def.target ? "green" : value > def.redThreshold ? "red" : "amber";
    case "range": {
      const distance = distanceOutsideRange(def, value);
      return distance === 0 ? "green" : distance > def.redThreshold ? "red" : "amber";
    }
  }
}

/**
 * Linear through (red → 10/3) and (target → 20/3). Exact at both points, since
 * x / x === 1 and 0 / x === 0. The sign of (target - red) makes one formula serve both
 * directions. Halving when the span overflows keeps Infinity / Infinity (NaN) out.
 */
function linearScore(actual: number, target: number, red: number): number {
  const span = target - red;
  const ratio = Number.isFinite(span) ? (actual - red) / span : (actual / 2 - red / 2) / (target / 2 - red / 2);
  return SCORE_AT_RED + ratio * SCORE_AT_RED;
}

/** 0–10, or null when there is nothing to score (no finite value, or an unusable definition). */
export function kpiScore(def: KpiDefinition, value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || kpiDefinitionIssue(def) !== null) return null;
  const raw =
    def.direction === "range"
      ? linearScore(distanceOutsideRange(def, value), 0, def.redThreshold)
      : linearScore(value, def.target, def.redThreshold);
  return scoreInBand(raw, statusOfScorable(def, value));
}

/** green: target met · amber: between · red: strictly beyond the red threshold · grey: no score. */
export function kpiStatus(def: KpiDefinition, value: number | null): Status {
  if (value === null || !Number.isFinite(value) || kpiDefinitionIssue(def) !== null) return "grey";
  return statusOfScorable(def, value);
}
