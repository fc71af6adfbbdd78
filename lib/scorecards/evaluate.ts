// Turns loaded scorecard rows into scores: KPI → objective → perspective → scorecard, and
// the health of each journey stage. Pure (no I/O): the one place these numbers are made.
import type { Kpi, Objective, Perspective, Scorecard } from "@/db/schema";
import { clock } from "@/lib/clock";
import { localDate, type TeamCalendar } from "@/lib/periods";
import {
  evaluateKpi, rollupObjective, rollupPerspective, rollupScorecard, stageHealth, type KpiEvaluation, type Rollup, type Status,
} from "@/lib/scoring";
import { pushTo } from "@/lib/collections";

export interface MeasurementRow {
  kpiId: string;
  period: string;
  value: number;
}

export interface EvaluatedKpi {
  kpi: Kpi;
  evaluation: KpiEvaluation;
}
export interface EvaluatedObjective {
  objective: Objective;
  stageIds: string[];
  rollup: Rollup;
  kpis: EvaluatedKpi[];
}
export interface EvaluatedPerspective {
  perspective: Perspective;
  rollup: Rollup;
  objectives: EvaluatedObjective[];
}
export interface EvaluatedScorecard {
  scorecard: Scorecard;
  rollup: Rollup;
  perspectives: EvaluatedPerspective[];
}

/** "Today" in the team's time zone: the date every period of the team is measured from. */
export function teamToday(calendar: TeamCalendar, now = clock.now()): string {
  return localDate(now, calendar.timeZone);
}

function groupMeasurements(rows: readonly MeasurementRow[]): Map<string, MeasurementRow[]> {
  const byKpi = new Map<string, MeasurementRow[]>();
  for (const row of rows) pushTo(byKpi, row.kpiId, row);
  return byKpi;
}

export function evaluateKpiRow(kpi: Kpi, rows: readonly MeasurementRow[], asOf: string, calendar: TeamCalendar): KpiEvaluation {
  return evaluateKpi({
    def: { direction: kpi.direction, target: kpi.target, targetMax: kpi.targetMax, redThreshold: kpi.redThreshold },
    frequency: kpi.frequency,
    measurements: rows,
    asOfPeriod: asOf,
    calendar,
  });
}

export function evaluateScorecard(
  tree: { scorecard: Scorecard; perspectives: Perspective[]; objectives: Objective[]; stageIds: Map<string, string[]>; kpis: Kpi[]; measurements: MeasurementRow[] },
  asOf: string,
  calendar: TeamCalendar,
): EvaluatedScorecard {
  const byKpi = groupMeasurements(tree.measurements);
  const kpisByObjective = new Map<string, EvaluatedKpi[]>();
  for (const kpi of tree.kpis) {
    const evaluated = { kpi, evaluation: evaluateKpiRow(kpi, byKpi.get(kpi.id) ?? [], asOf, calendar) };
    pushTo(kpisByObjective, kpi.objectiveId, evaluated);
  }
  const perspectives = tree.perspectives.map((perspective) => {
    const objectives = tree.objectives
      .filter((o) => o.perspectiveId === perspective.id)
      .map((objective) => {
        const kpis = kpisByObjective.get(objective.id) ?? [];
        const rollup = rollupObjective(kpis.map(({ kpi, evaluation }) => ({ score: evaluation.score, stale: evaluation.stale, weight: kpi.weight })));
        return { objective, stageIds: tree.stageIds.get(objective.id) ?? [], rollup, kpis };
      });
    const rollup = rollupPerspective(objectives.map((o) => ({ score: o.rollup.score, weight: o.objective.weight })));
    return { perspective, rollup, objectives };
  });
  const rollup = rollupScorecard(perspectives.map((p) => ({ score: p.rollup.score, weight: p.perspective.weight })));
  return { scorecard: tree.scorecard, rollup, perspectives };
}

/** Health per stage from the objectives that serve it (weighted by objective weight). */
export function stageHealthById(
  data: { links: Array<{ objectiveId: string; stageId: string }>; objectives: Array<{ id: string; weight: number }>; kpis: Kpi[]; measurements: MeasurementRow[] },
  asOf: string,
  calendar: TeamCalendar,
): Map<string, Rollup> {
  const byKpi = groupMeasurements(data.measurements);
  const objectiveScore = new Map<string, { score: number | null; weight: number }>();
  for (const objective of data.objectives) {
    const kpis = data.kpis.filter((k) => k.objectiveId === objective.id);
    const rollup = rollupObjective(
      kpis.map((kpi) => {
        const evaluation = evaluateKpiRow(kpi, byKpi.get(kpi.id) ?? [], asOf, calendar);
        return { score: evaluation.score, stale: evaluation.stale, weight: kpi.weight };
      }),
    );
    objectiveScore.set(objective.id, { score: rollup.score, weight: objective.weight });
  }
  const byStage = new Map<string, Array<{ score: number | null; weight: number }>>();
  for (const link of data.links) {
    const score = objectiveScore.get(link.objectiveId);
    if (score) pushTo(byStage, link.stageId, score);
  }
  return new Map([...byStage].map(([stageId, items]) => [stageId, stageHealth(items)]));
}

export const GREY: Rollup = { score: null, status: "grey" as Status, coverage: { scored: 0, total: 0 } };
