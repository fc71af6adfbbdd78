// Shapes shared by the scoring functions; kept free of any storage or framework type.

export const KPI_DIRECTIONS = ["up", "down", "range"] as const;
/** up: higher is better · down: lower is better · range: inside [target, targetMax] is best. */
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export type KpiDefinition = {
  direction: KpiDirection;
  /** up/down: the target; range: the lower bound of the target range. */
  target: number;
  /** range: the upper bound (null means a single-point range at `target`); ignored otherwise. */
  targetMax: number | null;
  /** up/down: the red line; range: the distance outside the range at which it turns red. */
  redThreshold: number;
};

export const STATUSES = ["green", "amber", "red", "grey"] as const;
/** grey means "no score": no data, or nothing that can be scored. */
export type Status = (typeof STATUSES)[number];

export const TRENDS = ["improving", "flat", "declining"] as const;
export type Trend = (typeof TRENDS)[number];

export type Coverage = { scored: number; total: number };

/** What every roll-up level returns. */
export type Rollup = { score: number | null; status: Status; coverage: Coverage };
