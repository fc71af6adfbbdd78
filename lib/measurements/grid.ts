// The measurements grid as data: one section per frequency (its own period columns), KPIs as
// rows grouped by perspective and objective, each with its target, latest status and the
// values of the shown periods. Pure: built from an evaluated scorecard (the one scoring path)
// and the loaded values, so the page only renders it.
import type { Kpi } from "@/db/schema";
import type { KpiUnit } from "@/lib/kpi-library";
import { formatPeriod, FREQUENCIES, periodStartFor, previousPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import type { EvaluatedScorecard } from "@/lib/scorecards/evaluate";
import type { Coverage, Status, Trend } from "@/lib/scoring";
import { formatValue, formatWithUnit } from "./values";

export const DEFAULT_PERIODS_SHOWN = 6;
export const MAX_PERIODS_SHOWN = 60;

export interface GridColumn {
  period: string;
  /** "Mar 2026", "Q2 FY2026", "Week of 2026-03-02" */
  label: string;
  /** Narrow header text: "Mar 2026", "Q2 FY2026", "2 Mar". */
  short: string;
  current: boolean;
}

export interface GridCell {
  period: string;
  value: number | null;
  note: string;
  version: number | null;
}

export interface ScoreSummary {
  score: number | null;
  status: Status;
  coverage: Coverage;
}

export interface GridRow {
  kpiId: string;
  name: string;
  unit: KpiUnit;
  currency: string | null;
  frequency: Frequency;
  target: string;
  status: Status;
  stale: boolean;
  score: number | null;
  trend: Trend | null;
  /** Label of the period the status comes from, or null without data. */
  latestLabel: string | null;
  cells: GridCell[];
}

export interface GridObjective {
  id: string;
  title: string;
  summary: ScoreSummary;
  rows: GridRow[];
}

export interface GridPerspective {
  id: string;
  name: string;
  summary: ScoreSummary;
  objectives: GridObjective[];
}

export interface GridSection {
  frequency: Frequency;
  columns: GridColumn[];
  perspectives: GridPerspective[];
  rowCount: number;
}

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The `count` most recent periods of a frequency, oldest first, ending with the one containing `today`. */
export function recentPeriods(frequency: Frequency, today: string, count: number, calendar: TeamCalendar): string[] {
  const periods = [periodStartFor(today, frequency, calendar)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!, frequency, calendar));
  return periods;
}

function column(period: string, frequency: Frequency, calendar: TeamCalendar, current: string): GridColumn {
  const label = formatPeriod(period, frequency, calendar);
  const short = frequency === "weekly" ? `${Number(period.slice(8, 10))} ${SHORT_MONTHS[Number(period.slice(5, 7)) - 1]}` : label;
  return { period, label, short, current: period === current };
}


/** "≥ 40% (red below 30%)": the target and red line of a KPI, in words that read without colour. */
export function describeTarget(kpi: Pick<Kpi, "direction" | "target" | "targetMax" | "redThreshold" | "unit" | "currency">): string {
  const f = (v: number) => formatWithUnit(v, kpi.unit, kpi.currency);
  switch (kpi.direction) {
    case "up":
      return `≥ ${f(kpi.target)} (red below ${f(kpi.redThreshold)})`;
    case "down":
      return `≤ ${f(kpi.target)} (red above ${f(kpi.redThreshold)})`;
    case "range": {
      const top = kpi.targetMax ?? kpi.target;
      return `${f(kpi.target)} to ${f(top)} (red beyond ${formatValue(kpi.redThreshold)} outside)`;
    }
  }
}


export function buildMeasurementGrid(
  evaluated: EvaluatedScorecard,
  values: ReadonlyArray<{ kpiId: string; period: string; value: number; note: string; version: number }>,
  calendar: TeamCalendar,
  today: string,
  periodsShown: number,
): GridSection[] {
  const byCell = new Map(values.map((v) => [`${v.kpiId}|${v.period}`, v]));
  const summary = (r: { score: number | null; status: Status; coverage: Coverage }): ScoreSummary => ({ score: r.score, status: r.status, coverage: r.coverage });

  return FREQUENCIES.map((frequency) => {
    const periods = recentPeriods(frequency, today, periodsShown, calendar);
    const current = periods[periods.length - 1]!;
    let rowCount = 0;
    const perspectives = evaluated.perspectives
      .map((p) => ({
        id: p.perspective.id,
        name: p.perspective.name,
        summary: summary(p.rollup),
        objectives: p.objectives
          .map((o) => ({
            id: o.objective.id,
            title: o.objective.title,
            summary: summary(o.rollup),
            rows: o.kpis
              .filter(({ kpi }) => kpi.frequency === frequency)
              .map(({ kpi, evaluation }): GridRow => ({
                kpiId: kpi.id,
                name: kpi.name,
                unit: kpi.unit,
                currency: kpi.currency,
                frequency,
                target: describeTarget(kpi),
                status: evaluation.status,
                stale: evaluation.stale,
                score: evaluation.score,
                trend: evaluation.trend,
                latestLabel: evaluation.period ? formatPeriod(evaluation.period, frequency, calendar) : null,
                cells: periods.map((period) => {
                  const v = byCell.get(`${kpi.id}|${period}`);
                  return { period, value: v?.value ?? null, note: v?.note ?? "", version: v?.version ?? null };
                }),
              })),
          }))
          .filter((o) => o.rows.length > 0),
      }))
      .filter((p) => p.objectives.length > 0);
    for (const p of perspectives) for (const o of p.objectives) rowCount += o.rows.length;
    return { frequency, columns: periods.map((period) => column(period, frequency, calendar, current)), perspectives, rowCount };
  }).filter((section) => section.rowCount > 0);
}
