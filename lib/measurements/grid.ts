// The measurements grid as data: one section per frequency (its own period columns), KPIs as
// rows grouped by perspective and objective, each with its target, latest status and the
// values of the shown periods. Pure: built from an evaluated scorecard (the one scoring path)
// and the loaded values, so the page only renders it. Built in the compact form the browser
// receives (grid-model.ts), every label and target formatted here once.
import type { Kpi } from "@/db/schema";
import { formatPeriod, FREQUENCIES, periodStartFor, previousPeriod, type Frequency, type TeamCalendar } from "@/lib/periods";
import type { EvaluatedScorecard } from "@/lib/scorecards/evaluate";
import type { Coverage, Status } from "@/lib/scoring";
import type { GridModel, RowTuple, SectionModel, SummaryTuple } from "./grid-model";
import { formatValue, formatWithUnit } from "./values";

export type { GridCell, GridColumn, GridModel, GridObjective, GridPerspective, GridRow, GridSection, ScoreSummary } from "./grid-model";

export const DEFAULT_PERIODS_SHOWN = 6;
export const MAX_PERIODS_SHOWN = 60;

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The `count` most recent periods of a frequency, oldest first, ending with the one containing `today`. */
export function recentPeriods(frequency: Frequency, today: string, count: number, calendar: TeamCalendar): string[] {
  const periods = [periodStartFor(today, frequency, calendar)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!, frequency, calendar));
  return periods;
}

function column(period: string, frequency: Frequency, calendar: TeamCalendar): SectionModel["columns"][number] {
  const label = formatPeriod(period, frequency, calendar);
  const short = frequency === "weekly" ? `${Number(period.slice(8, 10))} ${SHORT_MONTHS[Number(period.slice(5, 7)) - 1]}` : label;
  return [period, label, short];
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


/** The first period each frequency's columns show: what the grid reads of each KPI. */
export function firstShownPeriods(today: string, periodsShown: number, calendar: TeamCalendar): Record<Frequency, string> {
  return Object.fromEntries(FREQUENCIES.map((f) => [f, recentPeriods(f, today, periodsShown, calendar)[0]!])) as Record<Frequency, string>;
}

export function buildMeasurementGrid(
  evaluated: EvaluatedScorecard,
  values: ReadonlyArray<{ kpiId: string; period: string; value: number; note: string; version: number }>,
  calendar: TeamCalendar,
  today: string,
  periodsShown: number,
): GridModel {
  const byCell = new Map(values.map((v) => [`${v.kpiId}|${v.period}`, v]));
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (t: string) => {
    let i = textIndex.get(t);
    if (i === undefined) {
      i = texts.push(t) - 1;
      textIndex.set(t, i);
    }
    return i;
  };
  const summary = (r: { score: number | null; status: Status; coverage: Coverage }): SummaryTuple => [r.score, r.status, r.coverage.scored, r.coverage.total];
  // Period labels are the same for every KPI of a frequency: formatted once per period.
  const labels = new Map<string, number>();
  const labelOf = (period: string, frequency: Frequency) => {
    const key = `${frequency}|${period}`;
    let i = labels.get(key);
    if (i === undefined) labels.set(key, (i = text(formatPeriod(period, frequency, calendar))));
    return i;
  };

  const sections = FREQUENCIES.map((frequency): SectionModel => {
    const periods = recentPeriods(frequency, today, periodsShown, calendar);
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
              .map(({ kpi, evaluation }): RowTuple => {
                const cells = periods.map((period) => byCell.get(`${kpi.id}|${period}`));
                const row: RowTuple = [
                  kpi.id,
                  text(kpi.name),
                  kpi.unit,
                  kpi.currency,
                  text(describeTarget(kpi)),
                  evaluation.status,
                  evaluation.stale ? 1 : 0,
                  evaluation.score,
                  evaluation.period ? labelOf(evaluation.period, frequency) : null,
                  cells.map((v) => v?.value ?? null),
                  cells.map((v) => v?.version ?? null),
                ];
                if (cells.some((v) => v?.note)) row.push(cells.map((v) => v?.note ?? ""));
                return row;
              }),
          }))
          .filter((o) => o.rows.length > 0),
      }))
      .filter((p) => p.objectives.length > 0);
    return { frequency, columns: periods.map((period) => column(period, frequency, calendar)), perspectives };
  }).filter((section) => section.perspectives.length > 0);
  return { texts, sections };
}
