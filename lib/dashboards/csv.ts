// CSV export of a dashboard: one row per KPI measurement in the selected period (RFC 4180
// quoting), produced lazily so the route can stream rows as they are made.
import { formatPeriod, periodEnd, type TeamCalendar } from "@/lib/periods";
import { kpiScore, kpiStatus } from "@/lib/scoring";
import type { DashboardModel, KpiView } from "./build-dashboard";
import { pushTo } from "@/lib/collections";

export type CsvCell = string | number | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe: an exported KPI name must never execute in Excel (CSV injection).
 * Numbers are written as numbers, so a negative value stays a number.
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : textCell(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const CSV_COLUMNS = [
  "perspective",
  "perspective_weight",
  "objective",
  "objective_weight",
  "kpi_id",
  "kpi",
  "unit",
  "currency",
  "direction",
  "target",
  "target_max",
  "red_threshold",
  "frequency",
  "kpi_weight",
  "period",
  "period_label",
  "value",
  "status",
  "score",
  "note",
] as const;

export interface CsvMeasurement {
  kpiId: string;
  period: string;
  value: number;
  note: string;
}

/** Whether a KPI's period (named by its first day) overlaps the range [from, to]. */
function overlaps(period: string, kpi: KpiView, range: { from: string; to: string }, calendar: TeamCalendar): boolean {
  return period <= range.to && periodEnd(period, kpi.frequency, calendar) >= range.from;
}

/**
 * The export's rows (header first), in dashboard order. A KPI without a value in the period
 * still gets one row with empty period and value, so the file lists every KPI.
 */
export function* dashboardCsvRows(model: DashboardModel, measurements: readonly CsvMeasurement[], calendar: TeamCalendar): Generator<CsvCell[]> {
  yield [...CSV_COLUMNS];
  const byKpi = new Map<string, CsvMeasurement[]>();
  for (const m of measurements) pushTo(byKpi, m.kpiId, m);
  const range = { from: model.period.from, to: model.period.to };
  for (const perspective of model.perspectives) {
    for (const objective of perspective.objectives) {
      for (const kpi of objective.kpis) {
        const base: CsvCell[] = [
          perspective.name, perspective.weight, objective.title, objective.weight, kpi.id, kpi.name, kpi.unit, kpi.currency ?? "",
          kpi.direction, kpi.target, kpi.targetMax, kpi.redThreshold, kpi.frequency, kpi.weight,
        ];
        const rows = (byKpi.get(kpi.id) ?? []).filter((m) => overlaps(m.period, kpi, range, calendar)).sort((a, b) => a.period.localeCompare(b.period));
        if (rows.length === 0) {
          yield [...base, "", "", "", "grey", "", ""];
          continue;
        }
        const def = { direction: kpi.direction, target: kpi.target, targetMax: kpi.targetMax, redThreshold: kpi.redThreshold };
        for (const m of rows) {
          const score = kpiScore(def, m.value);
          yield [...base, m.period, formatPeriod(m.period, kpi.frequency, calendar), m.value, kpiStatus(def, m.value), score === null ? "" : Math.round(score * 100) / 100, m.note];
        }
      }
    }
  }
}

/** A file name safe for Content-Disposition: "acme-outdoor-2026_2026-01-01_2026-01-31.csv". */
export function csvFileName(scorecardName: string, range: { from: string; to: string }): string {
  const base = scorecardName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "scorecard";
  return `${base}_${range.from}_${range.to}.csv`;
}
