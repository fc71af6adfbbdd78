// Checking the rows of a measurements CSV, line by line, with the grid's own rules (period
// starts a period of the KPI's frequency and has begun; value is a number in the unit's range)
// and messages that name the line. Pure: the browser runs it while parsing (a report before
// anything is sent) and the server runs it again on what arrives (it decides).
import { z } from "zod";
import type { KpiUnit } from "@/lib/kpi-library";
import { parseDecimal } from "@/lib/measurements/decimal";
import { cellLabel, measurementPeriodIssue } from "@/lib/measurements/rules";
import { measurementValueIssue, parseMeasurementValue } from "@/lib/measurements/values";
import type { Frequency, TeamCalendar } from "@/lib/periods";
import { NOTE_MAX } from "@/lib/validation/measurements";
import { pushTo } from "@/lib/collections";

/** The most rows one import takes (a file beyond it is refused before anything is sent). */
export const MAX_IMPORT_ROWS = 200_000;
/** The most problems a report lists; all of them are counted. */
export const MAX_LISTED_ISSUES = 500;

export interface ImportKpi {
  id: string;
  name: string;
  unit: KpiUnit;
  frequency: Frequency;
}

export interface ImportContext {
  kpis: readonly ImportKpi[];
  calendar: TeamCalendar;
  /** The team's today: a period that has not started is refused. */
  today: string;
}

/** Which column (0-based) holds what; the note column is optional. */
export interface ColumnMapping {
  kpi: number;
  period: number;
  value: number;
  note: number | null;
}

export interface LineIssue {
  line: number;
  reason: string;
}

/** A checked row: KPI as an index into the context's list, value parsed, note null when not mapped. */
export type ImportRow = [line: number, kpiIndex: number, period: string, value: number, note: string | null];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * measurementPeriodIssue, remembered per (frequency, period): a file repeats the same periods
 * for every KPI, and 100,000 rows should not mean 100,000 calendar computations.
 */
function periodChecker(context: ImportContext) {
  const memo = new Map<string, string | null>();
  return (period: string, frequency: Frequency): string | null => {
    const key = `${frequency}|${period}`;
    let issue = memo.get(key);
    if (issue === undefined) {
      issue = measurementPeriodIssue(period, frequency, context.calendar, context.today);
      memo.set(key, issue);
    }
    return issue;
  };
}

/** Undoes the export's defence against spreadsheet formulas ("'=x" → "=x"), so an export imports as it was. */
export function undefuse(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

const nameKey = (name: string) => undefuse(name.trim()).replace(/\s+/g, " ").toLocaleLowerCase("en");

/** Finds a KPI by id or by name (case and spacing ignored); names shared by several KPIs must use the id. */
export function kpiFinder(kpis: readonly ImportKpi[]) {
  const byId = new Map(kpis.map((k, i) => [k.id.toLowerCase(), i]));
  const byName = new Map<string, number[]>();
  kpis.forEach((k, i) => pushTo(byName, nameKey(k.name), i));
  return (cell: string): { index: number } | { reason: string } => {
    const text = cell.trim();
    if (!text) return { reason: "The KPI is empty" };
    if (UUID.test(text)) {
      const index = byId.get(text.toLowerCase());
      return index === undefined ? { reason: `No KPI with id ${text} in this scorecard` } : { index };
    }
    const matches = byName.get(nameKey(text)) ?? [];
    if (matches.length === 1) return { index: matches[0]! };
    if (matches.length > 1) return { reason: `${matches.length} KPIs of this scorecard are named "${text}": use the KPI's id instead` };
    return { reason: `No KPI named "${text}" in this scorecard` };
  };
}

/**
 * Checks raw CSV records one at a time and keeps the good rows, the problems (with line
 * numbers) and repeats of a (KPI, period) already seen in the file.
 */
export class RowChecker {
  readonly rows: ImportRow[] = [];
  readonly issues: LineIssue[] = [];
  issueCount = 0;
  skipped = 0;
  private readonly find: ReturnType<typeof kpiFinder>;
  private readonly periodIssue: ReturnType<typeof periodChecker>;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly context: ImportContext,
    private readonly mapping: ColumnMapping,
  ) {
    this.find = kpiFinder(context.kpis);
    this.periodIssue = periodChecker(context);
  }

  private fail(line: number, reason: string) {
    this.issueCount++;
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push({ line, reason });
  }

  check(cells: readonly string[], line: number): void {
    const cell = (index: number | null) => (index === null ? "" : (cells[index] ?? "").trim());
    const [kpiCell, periodCell, valueCell] = [cell(this.mapping.kpi), cell(this.mapping.period), cell(this.mapping.value)];
    // A KPI listed without a value (as the export lists KPIs that have none yet) is not an error.
    if (!periodCell && !valueCell) {
      this.skipped++;
      return;
    }
    const found = this.find(kpiCell);
    if ("reason" in found) return this.fail(line, found.reason);
    const kpi = this.context.kpis[found.index]!;
    // Messages name the cell as the grid does ("Activation rate, Mar 2026"); made only when needed.
    const label = () => cellLabel(kpi.name, periodCell, kpi.frequency, this.context.calendar);
    const periodIssue = this.periodIssue(periodCell, kpi.frequency);
    if (periodIssue) return this.fail(line, `${kpi.name}: ${periodIssue}`);
    const parsed = parseDecimal(valueCell);
    const value = parsed.ok && !measurementValueIssue(kpi.unit, parsed.value) ? parsed.value : null;
    if (value === null) {
      const refused = parseMeasurementValue(valueCell, kpi.unit, label());
      return this.fail(line, refused.ok ? `${label()}: not a value` : refused.message);
    }
    const note = this.mapping.note === null ? null : undefuse(cell(this.mapping.note));
    if (note !== null && note.length > NOTE_MAX) return this.fail(line, `${label()}: the note is longer than ${NOTE_MAX} characters`);
    const key = `${found.index}|${periodCell}`;
    const first = this.seen.get(key);
    if (first !== undefined) return this.fail(line, `${label()} is also on line ${first}: keep one of the two`);
    this.seen.set(key, line);
    this.rows.push([line, found.index, periodCell, value, note]);
  }
}

/** What the browser sends: the KPIs by id, then compact rows pointing into that list. */
export const importRequestSchema = z.strictObject({
  kpiIds: z
    .array(z.uuid())
    .min(1)
    .max(5_000)
    .refine((ids) => new Set(ids).size === ids.length, "kpiIds must not repeat"),
  rows: z
    .array(z.tuple([z.int().positive(), z.int().min(0), z.string().max(20), z.number(), z.string().max(NOTE_MAX).nullable()]))
    .min(1, "The file has no rows to import")
    .max(MAX_IMPORT_ROWS, `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows can be imported at once: split the file`),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/**
 * The server's check of what arrived: every KPI belongs to the scorecard (ids outside it get
 * the same answer as unknown ones), and each row passes the same rules as in the browser.
 */
export function checkImportRequest(request: ImportRequest, context: ImportContext): { issues: LineIssue[]; issueCount: number } {
  const byId = new Map(context.kpis.map((k) => [k.id, k]));
  const kpis = request.kpiIds.map((id) => byId.get(id));
  const issues: LineIssue[] = [];
  let issueCount = 0;
  const fail = (line: number, reason: string) => {
    issueCount++;
    if (issues.length < MAX_LISTED_ISSUES) issues.push({ line, reason });
  };
  const seen = new Map<string, number>();
  const periodIssue = periodChecker(context);
  // Notes need no check here: the request schema already bounds their length.
  for (const [line, index, period, value] of request.rows) {
    const kpi = kpis[index];
    if (!kpi) {
      fail(line, index < request.kpiIds.length ? `No KPI with id ${request.kpiIds[index]} in this scorecard` : "The KPI is missing");
      continue;
    }
    const label = () => cellLabel(kpi.name, period, kpi.frequency, context.calendar);
    const issue = periodIssue(period, kpi.frequency);
    if (issue) {
      fail(line, `${kpi.name}: ${issue}`);
      continue;
    }
    const valueIssue = measurementValueIssue(kpi.unit, value);
    if (valueIssue) {
      fail(line, `${label()}: ${valueIssue}`);
      continue;
    }
    const key = `${index}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) fail(line, `${label()} is also on line ${first}: keep one of the two`);
    else seen.set(key, line);
  }
  return { issues, issueCount };
}
