// What the parsing worker (or the same code on the page, where workers are unavailable) reports.
import type { ParseOutcome, ParseProgress } from "@/lib/csv-import/parse-file";
import type { ImportContext, LineIssue } from "@/lib/csv-import/rows";

export interface ParseSummary {
  type: "done";
  rowCount: number;
  records: number;
  skipped: number;
  issues: LineIssue[];
  issueCount: number;
  /** The import request, serialized once (it can be megabytes), when there is something clean to send. */
  body: string | null;
  /** Where the file was parsed: in a worker, or on the page when no worker could start. */
  parsedIn: "worker" | "page";
}

export type WorkerMessage = ({ type: "progress" } & ParseProgress) | ParseSummary | { type: "error"; message: string };

export function summarizeParse(outcome: ParseOutcome, context: ImportContext, parsedIn: ParseSummary["parsedIn"]): ParseSummary {
  const clean = outcome.issueCount === 0 && outcome.rows.length > 0;
  return {
    type: "done",
    rowCount: outcome.rows.length,
    records: outcome.records,
    skipped: outcome.skipped,
    issues: outcome.issues,
    issueCount: outcome.issueCount,
    body: clean ? JSON.stringify({ kpiIds: context.kpis.map((k) => k.id), rows: outcome.rows }) : null,
    parsedIn,
  };
}
