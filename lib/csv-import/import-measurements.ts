// The server side of a CSV import: the rows the browser checked are checked again against the
// scorecard's KPIs (the server decides), then written all or nothing through the same batch
// path as the REST API, reporting progress as each slice of rows is written.
import type { Tx } from "@/db/client";
import { findKpisInScorecard } from "@/db/queries/measurements";
import { AppError } from "@/lib/errors";
import { saveMeasurementBatch, type BatchResult } from "@/lib/measurements/save-measurement-batch";
import type { TeamCalendar } from "@/lib/periods";
import { checkImportRequest, type ImportRequest, type LineIssue } from "./rows";

/** A refused import: every problem counted, the first few hundred listed with their lines. */
export class ImportRefused extends AppError {
  constructor(
    readonly issues: LineIssue[],
    readonly issueCount: number,
  ) {
    super("validation", `${issueCount === 1 ? "One row has a problem" : `${issueCount.toLocaleString("en")} rows have problems`}: nothing was imported. First: line ${issues[0]?.line}: ${issues[0]?.reason}.`);
  }
}

interface ImportInput {
  scorecardId: string;
  calendar: TeamCalendar;
  today: string;
  request: ImportRequest;
}

async function checked(tx: Tx, ctx: { teamId: string }, input: ImportInput) {
  const kpis = await findKpisInScorecard(tx, ctx, input.scorecardId, [...new Set(input.request.kpiIds)]);
  const context = { kpis: [...kpis.values()].map((k) => ({ id: k.id, name: k.name, unit: k.unit, frequency: k.frequency })), calendar: input.calendar, today: input.today };
  const { issues, issueCount } = checkImportRequest(input.request, context);
  if (issueCount > 0) throw new ImportRefused(issues, issueCount);
  return kpis;
}

/** Checks without writing (before the answer starts streaming): throws ImportRefused. */
export async function checkImport(tx: Tx, ctx: { teamId: string }, input: ImportInput): Promise<void> {
  await checked(tx, ctx, input);
}

export async function importMeasurements(
  tx: Tx,
  ctx: { teamId: string; userId: string | null },
  input: ImportInput & { onProgress?: (written: number, total: number) => void | Promise<void> },
): Promise<BatchResult> {
  const kpis = await checked(tx, ctx, input);
  const { kpiIds, rows } = input.request;
  return saveMeasurementBatch(tx, ctx, {
    // A mapped note column is the truth, an empty cell included; without one, stored notes stay.
    items: rows.map(([, index, period, value, note]) => (note === null ? { kpiId: kpiIds[index]!, period, value } : { kpiId: kpiIds[index]!, period, value, note })),
    kpis: new Map([...kpis].map(([id, kpi]) => [id, { kpi, scorecardId: input.scorecardId }])),
    calendar: input.calendar,
    today: input.today,
    prechecked: true,
    onProgress: input.onProgress,
  });
}
