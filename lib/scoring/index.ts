// Scoring: pure functions from KPI definitions and measurements to scores, colours and roll-ups.
export { SCORE_AT_RED, SCORE_AT_TARGET, SCORE_MAX, SCORE_MIN, statusFromScore } from "./bands";
export {
  evaluateKpi,
  isStale,
  type KpiEvaluation,
  type KpiEvaluationInput,
  type MeasurementPoint,
} from "./evaluate";
export { kpiDefinitionIssue, kpiScore, kpiStatus } from "./kpi";
export {
  rollupObjective,
  rollupPerspective,
  rollupScorecard,
  stageHealth,
  weightedMean,
  type WeightedKpi,
  type WeightedScore,
} from "./rollup";
export { trend, TREND_FLAT_BAND } from "./trend";
export {
  KPI_DIRECTIONS,
  STATUSES,
  TRENDS,
  type Coverage,
  type KpiDefinition,
  type KpiDirection,
  type Rollup,
  type Status,
  type Trend,
} from "./types";
