// The measurements grid as the browser receives it (GridModel) and as its component reads it
// (GridSection…). A 128-KPI grid sent as objects repeats a dozen keys on every row and every
// cell, and the same period labels and targets on many rows, in the page's RSC payload: the
// model sends each row as a short tuple and each shared text once. No calendar code here (the
// server formats every label), so the browser ships only the reader.
import type { KpiUnit } from "@/lib/kpi-library";
import type { Frequency } from "@/lib/periods";
import type { Coverage, Status } from "@/lib/scoring";

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
}

/** [score, status, scored, total]: a roll-up's figures. */
export type SummaryTuple = [score: number | null, status: Status, scored: number, total: number];

/**
 * One KPI row. Texts are indexes into GridModel.texts; `versions[i]` is null exactly where
 * `values[i]` is (no value stored for that period); `notes` is there only when a cell has one.
 */
export type RowTuple = [
  kpiId: string,
  name: number,
  unit: KpiUnit,
  currency: string | null,
  target: number,
  status: Status,
  stale: 0 | 1,
  score: number | null,
  latestLabel: number | null,
  values: Array<number | null>,
  versions: Array<number | null>,
  notes?: string[],
];

export interface SectionModel {
  frequency: Frequency;
  /** [period, label, short header], oldest first; the last one is the current period. */
  columns: Array<[period: string, label: string, short: string]>;
  perspectives: Array<{
    id: string;
    name: string;
    summary: SummaryTuple;
    objectives: Array<{ id: string; title: string; summary: SummaryTuple; rows: RowTuple[] }>;
  }>;
}

export interface GridModel {
  /** Texts that rows share (KPI names, targets, period labels), each once. */
  texts: string[];
  sections: SectionModel[];
}

const summaryOf = ([score, status, scored, total]: SummaryTuple): ScoreSummary => ({ score, status, coverage: { scored, total } });

/** The model as the grid's component works with it: rows and cells as objects. */
export function readGridModel(model: GridModel): GridSection[] {
  const text = (i: number) => model.texts[i]!;
  return model.sections.map((section) => {
    const columns = section.columns.map(([period, label, short], i): GridColumn => ({ period, label, short, current: i === section.columns.length - 1 }));
    return {
      frequency: section.frequency,
      columns,
      perspectives: section.perspectives.map((p) => ({
        id: p.id,
        name: p.name,
        summary: summaryOf(p.summary),
        objectives: p.objectives.map((o) => ({
          id: o.id,
          title: o.title,
          summary: summaryOf(o.summary),
          rows: o.rows.map(([kpiId, name, unit, currency, target, status, stale, score, latest, values, versions, notes]): GridRow => ({
            kpiId,
            name: text(name),
            unit,
            currency,
            frequency: section.frequency,
            target: text(target),
            status,
            stale: stale === 1,
            score,
            latestLabel: latest === null ? null : text(latest),
            cells: columns.map((c, i) => ({ period: c.period, value: values[i] ?? null, note: notes?.[i] ?? "", version: versions[i] ?? null })),
          })),
        })),
      })),
    };
  });
}

/**
 * The first `count` KPI rows of the grid, in table order across its sections (a perspective or
 * objective without any of them left out), and how many rows of each section follow. What the
 * server draws of a large grid: its first screens.
 */
export function firstRows(sections: readonly GridSection[], count: number): Array<{ section: GridSection; later: number }> {
  let left = count;
  return sections.map((section) => {
    let later = 0;
    const perspectives: GridPerspective[] = [];
    for (const perspective of section.perspectives) {
      const objectives: GridObjective[] = [];
      for (const objective of perspective.objectives) {
        const rows = objective.rows.slice(0, left);
        left -= rows.length;
        later += objective.rows.length - rows.length;
        if (rows.length > 0) objectives.push(rows.length === objective.rows.length ? objective : { ...objective, rows });
      }
      if (objectives.length > 0) perspectives.push({ ...perspective, objectives });
    }
    return { section: { ...section, perspectives }, later };
  });
}
