// A KPI's standing as of a period: latest value, score, status, staleness and trend.
import { previousPeriod, periodStartFor, type Frequency, type TeamCalendar } from "../periods";
import { kpiScore, kpiStatus } from "./kpi";
import { trend } from "./trend";
import type { KpiDefinition, Status, Trend } from "./types";

export type MeasurementPoint = { period: string; value: number };

export type KpiEvaluationInput = {
  def: KpiDefinition;
  frequency: Frequency;
  measurements: readonly MeasurementPoint[];
  /** Usually the current period; any date inside a period is accepted. */
  asOfPeriod: string;
  calendar: TeamCalendar;
};

export type KpiEvaluation = {
  /** The latest value at or before the as-of period, or null without one. */
  value: number | null;
  /** The period that value belongs to. */
  period: string | null;
  score: number | null;
  /** Kept for display even when stale; roll-ups look at `stale` and leave it out. */
  status: Status;
  stale: boolean;
  /** Score for the period just before `period`, when there is a value for it. */
  previousScore: number | null;
  trend: Trend | null;
};

/**
 * A value is fresh for the current and the previous period (the previous one is often
 * entered only after it ends); anything older is stale. A value for a later period
 * than `currentPeriod` is not stale.
 */
export function isStale(
  latestPeriod: string,
  frequency: Frequency,
  currentPeriod: string,
  calendar: TeamCalendar,
): boolean {
  return periodStartFor(latestPeriod, frequency, calendar) < previousPeriod(currentPeriod, frequency, calendar);
}

/**
 * Measurements are keyed by the period containing their date; a non-finite value is
 * not a measurement and is ignored. If two share a period, the later one in the list wins.
 * Throws RangeError for a period string that is not an ISO date.
 */
export function evaluateKpi({ def, frequency, measurements, asOfPeriod, calendar }: KpiEvaluationInput): KpiEvaluation {
  const asOf = periodStartFor(asOfPeriod, frequency, calendar);
  const byPeriod = new Map<string, number>();
  for (const { period, value } of measurements) {
    if (Number.isFinite(value)) byPeriod.set(periodStartFor(period, frequency, calendar), value);
  }

  let latest: string | null = null;
  for (const period of byPeriod.keys()) {
    if (period <= asOf && (latest === null || period > latest)) latest = period;
  }
  if (latest === null) {
    return { value: null, period: null, score: null, status: "grey", stale: false, previousScore: null, trend: null };
  }

  const value = byPeriod.get(latest) ?? null;
  const score = kpiScore(def, value);
  const previousScore = kpiScore(def, byPeriod.get(previousPeriod(latest, frequency, calendar)) ?? null);
  return {
    value,
    period: latest,
    score,
    status: kpiStatus(def, value),
    stale: isStale(latest, frequency, asOf, calendar),
    previousScore,
    trend: trend(score, previousScore),
  };
}
