// Direction of travel between two periods' scores.
import type { Trend } from "./types";

/** Score changes this small (on the 0–10 scale) count as flat. */
export const TREND_FLAT_BAND = 0.05;
// 0.14 - 0.09 is 0.05000000000000002 in binary floating point; it should still be flat.
const TOLERANCE = 1e-9;

export function trend(current: number | null, previous: number | null): Trend | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return null;
  }
  const change = current - previous;
  if (Math.abs(change) <= TREND_FLAT_BAND + TOLERANCE) return "flat";
  return change > 0 ? "improving" : "declining";
}
