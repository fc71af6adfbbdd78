// The 0–10 score scale and its colour bands (red < 10/3 ≤ amber < 20/3 ≤ green).
import type { Status } from "./types";

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
/** Score of a KPI exactly at its red threshold: the bottom of amber. */
export const SCORE_AT_RED = 10 / 3;
/** Score of a KPI exactly at its target: the bottom of green. */
export const SCORE_AT_TARGET = 20 / 3;

/** The largest double below a positive finite number. */
function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

// Highest scores still inside the red and amber bands.
const RED_MAX = nextDown(SCORE_AT_RED);
const AMBER_MAX = nextDown(SCORE_AT_TARGET);

export function statusFromScore(score: number | null): Status {
  if (score === null || !Number.isFinite(score)) return "grey";
  if (score >= SCORE_AT_TARGET) return "green";
  if (score >= SCORE_AT_RED) return "amber";
  return "red";
}

/**
 * Clamp a raw linear score to [0, 10] and into the band of a status decided from the
 * value itself. Rounding in the linear formula can otherwise put a value a hair below
 * target at exactly 20/3, i.e. a green score for an amber KPI.
 */
export function scoreInBand(raw: number, status: Exclude<Status, "grey">): number {
  const clamped = Math.min(SCORE_MAX, Math.max(SCORE_MIN, raw));
  switch (status) {
    case "green":
      return Math.max(clamped, SCORE_AT_TARGET);
    case "amber":
      return Math.min(Math.max(clamped, SCORE_AT_RED), AMBER_MAX);
    case "red":
      return Math.min(clamped, RED_MAX);
  }
}
