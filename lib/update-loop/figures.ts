// Ownership coverage and freshness: the two numbers that show whether a scorecard is kept up
// to date. Pure; computed from the same evaluations the scores come from.

export interface Share {
  count: number;
  total: number;
}

export interface UpdateLoopFigures {
  /** KPIs with an owner (a member who answers for the number). */
  ownership: Share;
  /** KPIs with a current value: one for the reporting period or later, so not stale and not missing. */
  freshness: Share;
}

export interface KpiStanding {
  ownerId: string | null;
  evaluation: { value: number | null; stale: boolean };
}

export function updateLoopFigures(kpis: Iterable<KpiStanding>): UpdateLoopFigures {
  let total = 0;
  let owned = 0;
  let fresh = 0;
  for (const { ownerId, evaluation } of kpis) {
    total++;
    if (ownerId) owned++;
    if (evaluation.value !== null && !evaluation.stale) fresh++;
  }
  return { ownership: { count: owned, total }, freshness: { count: fresh, total } };
}

/** Whole percent, or null when there is nothing to count. */
export function percentOf(share: Share): number | null {
  return share.total === 0 ? null : Math.round((share.count / share.total) * 100);
}

export function describeShare(share: Share): string {
  const percent = percentOf(share);
  return percent === null ? "no KPIs yet" : `${percent}% (${share.count} of ${share.total})`;
}

/** The figures of an evaluated scorecard (every KPI of every objective). */
export function scorecardFigures(evaluated: { perspectives: ReadonlyArray<{ objectives: ReadonlyArray<{ kpis: ReadonlyArray<{ kpi: { ownerId: string | null }; evaluation: KpiStanding["evaluation"] }> }> }> }): UpdateLoopFigures {
  return updateLoopFigures(evaluated.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map(({ kpi, evaluation }) => ({ ownerId: kpi.ownerId, evaluation })))));
}
