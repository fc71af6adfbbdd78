// Parses a measurements CSV in the browser, in slices of 256 KB read one after another, and
// checks each record as it arrives, so a 100,000-row file never holds the thread for long
// (it runs in a Web Worker when the browser allows one). Line numbers are the file's own:
// the header is line 1, and a quoted note spanning lines moves the count on as it should.
import Papa from "papaparse";
import { MAX_IMPORT_ROWS, RowChecker, type ColumnMapping, type ImportContext, type ImportRow, type LineIssue } from "./rows";

export const SLICE_BYTES = 256 * 1024;

export interface ParseProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

export interface ParseOutcome {
  rows: ImportRow[];
  issues: LineIssue[];
  issueCount: number;
  /** Records without a period and a value (KPIs listed with nothing to import). */
  skipped: number;
  records: number;
}

const lineBreaks = (record: readonly string[]) => record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/** A File in the browser; a string in tests (Papa streams both in slices). */
export function parseCsvFile(
  file: Blob | string,
  options: { context: ImportContext; mapping: ColumnMapping; hasHeader: boolean; onProgress?: (progress: ParseProgress) => void },
): Promise<ParseOutcome> {
  const checker = new RowChecker(options.context, options.mapping);
  let line = 1;
  let records = 0;
  let bytes = 0;
  let first = true;
  const size = typeof file === "string" ? file.length : file.size;
  return new Promise((resolve, reject) => {
    const done = () => resolve({ rows: checker.rows, issues: checker.issues, issueCount: checker.issueCount, skipped: checker.skipped, records });
    Papa.parse<string[]>(file as File, {
      chunkSize: SLICE_BYTES,
      skipEmptyLines: false,
      chunk(results, parser) {
        const malformed = new Map(results.errors.filter((e) => e.type === "Quotes").map((e) => [e.row, e]));
        results.data.forEach((record, index) => {
          const at = line;
          line += 1 + lineBreaks(record);
          if (first) {
            first = false;
            if (options.hasHeader) return;
          }
          if (record.length === 1 && record[0]!.trim() === "") return;
          records++;
          if (index !== undefined && malformed.has(index)) {
            checker.issues.push({ line: at, reason: "A quoted field is never closed (a missing \")" });
            checker.issueCount++;
            return;
          }
          checker.check(record, at);
        });
        bytes = Math.min(size, results.meta.cursor);
        options.onProgress?.({ bytes, totalBytes: size, records });
        if (records > MAX_IMPORT_ROWS) {
          checker.issues.push({ line, reason: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows: split it` });
          checker.issueCount++;
          parser.abort();
          done();
        }
      },
      complete: done,
      error(error) {
        reject(error);
      },
    });
  });
}

/** The first rows of a file, for the preview and the column choice. */
export async function previewCsv(file: Blob, rows = 6): Promise<{ records: string[][]; delimiter: string }> {
  const text = await file.slice(0, 64 * 1024).text();
  const parsed = Papa.parse<string[]>(text, { preview: rows, skipEmptyLines: "greedy" });
  return { records: parsed.data, delimiter: parsed.meta.delimiter };
}
