"use client";
// Import a CSV of measurements: choose a file, see its first rows, say which column holds the
// KPI (name or id), the period, the value and the note, get a report of every bad line, then
// import all rows at once with a progress bar. The file is read in slices in a Web Worker
// (on the page itself where workers are unavailable), so 100,000 rows never freeze the page;
// the server checks everything again and writes in one transaction.
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Select } from "@/components/ui/select";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { guessMapping } from "@/lib/csv-import/columns";
import type { ColumnMapping, ImportContext, LineIssue } from "@/lib/csv-import/rows";
import { summarizeParse, type ParseSummary, type WorkerMessage } from "./parse-messages";
import { sendImport } from "./send-import";

type Step =
  | { kind: "choose" }
  | { kind: "map"; file: File; records: string[][] }
  | { kind: "checking"; file: File; fraction: number }
  | { kind: "report"; file: File; summary: ParseSummary }
  | { kind: "sending"; file: File; summary: ParseSummary; phase: "upload" | "write"; fraction: number; written: number }
  | { kind: "done"; created: number; updated: number; unchanged: number }
  | { kind: "failed"; file: File; detail: string; issues: LineIssue[]; issueCount: number };

type Choice = { kpi: string; period: string; value: string; note: string };

const FIELDS: Array<{ key: keyof Choice; label: string; hint: string; optional?: boolean }> = [
  { key: "kpi", label: "KPI", hint: "The KPI's name or its id" },
  { key: "period", label: "Period", hint: "The date the period starts, YYYY-MM-DD" },
  { key: "value", label: "Value", hint: "A number (12.5 or 12,5)" },
  { key: "note", label: "Note", hint: "Optional: an empty cell clears the note", optional: true },
];

// The CSV parser (papaparse and the row checks, with zod) is only needed once a file is chosen:
// loading it then keeps it out of the page's first load.
const loadParser = () => import("@/lib/csv-import/parse-file");

/** Parses in a worker when the browser allows one, else on the page (still in slices). */
function parseInBackground(file: File, context: ImportContext, mapping: ColumnMapping, hasHeader: boolean, onFraction: (f: number) => void): Promise<ParseSummary> {
  const onPage = () =>
    loadParser()
      .then(({ parseCsvFile }) => parseCsvFile(file, { context, mapping, hasHeader, onProgress: (p) => onFraction(p.bytes / Math.max(1, p.totalBytes)) }))
      .then((o) => summarizeParse(o, context, "page"));
  let worker: Worker;
  try {
    worker = new Worker(new URL("./parse-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return onPage();
  }
  return new Promise((resolve, reject) => {
    let started = false;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      started = true;
      const message = event.data;
      if (message.type === "progress") onFraction(message.bytes / Math.max(1, message.totalBytes));
      else {
        worker.terminate();
        if (message.type === "done") resolve(message);
        else reject(new Error(message.message));
      }
    };
    // A worker the page may not start (a strict policy, an old browser): do the same work here.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (started) reject(new Error(event.message || "The file could not be read."));
      else onPage().then(resolve, reject);
    };
    worker.postMessage({ file, context, mapping, hasHeader });
  });
}

function IssueTable({ issues, total }: { issues: LineIssue[]; total: number }) {
  return (
    <div className="flex flex-col gap-2">
      <Table scrollLabel="Problems by line" containerClassName="max-h-96 rounded-md border" data-testid="import-issues">
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">Line</TableHead>
            <TableHead>Problem</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {issues.map((issue, i) => (
            <TableRow key={`${issue.line}-${i}`}>
              <TableCell className="tabular-nums">Line {issue.line}</TableCell>
              <TableCell>{issue.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > issues.length ? <p className="text-sm text-muted-foreground">The first {issues.length} of {total.toLocaleString("en")} problems are listed.</p> : null}
    </div>
  );
}

export function CsvImport({ context, importUrl, measurementsHref }: { context: ImportContext; importUrl: string; measurementsHref: string }) {
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [hasHeader, setHasHeader] = useState(true);
  const [choice, setChoice] = useState<Choice>({ kpi: "", period: "", value: "", note: "" });
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const busy = step.kind === "checking" || step.kind === "sending";

  // Leaving mid-import would cancel it (the server rolls back): ask first.
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  async function choose(file: File | undefined) {
    setError(null);
    if (!file) return;
    try {
      const { previewCsv } = await loadParser();
      const { records } = await previewCsv(file);
      if (records.length === 0) throw new Error("This file is empty.");
      const guess = guessMapping(records[0]!);
      const text = (n: number | null) => (n === null ? "" : String(n));
      setChoice({ kpi: text(guess.kpi), period: text(guess.period), value: text(guess.value), note: text(guess.note) });
      setHasHeader(guess.kpi !== null || guess.period !== null || guess.value !== null);
      setStep({ kind: "map", file, records });
    } catch (e) {
      setError(`This file could not be read as CSV: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function check(file: File) {
    if (!choice.kpi || !choice.period || !choice.value) {
      setError("Choose the columns that hold the KPI, the period and the value.");
      return;
    }
    setError(null);
    const mapping: ColumnMapping = { kpi: Number(choice.kpi), period: Number(choice.period), value: Number(choice.value), note: choice.note === "" ? null : Number(choice.note) };
    setStep({ kind: "checking", file, fraction: 0 });
    try {
      const summary = await parseInBackground(file, context, mapping, hasHeader, (fraction) => setStep({ kind: "checking", file, fraction }));
      setStep({ kind: "report", file, summary });
    } catch (e) {
      setError(`This file could not be read: ${e instanceof Error ? e.message : String(e)}`);
      setStep({ kind: "choose" });
    }
  }

  async function send(file: File, summary: ParseSummary) {
    if (!summary.body) return;
    setStep({ kind: "sending", file, summary, phase: "upload", fraction: 0, written: 0 });
    const outcome = await sendImport(importUrl, summary.body, {
      onUpload: (fraction) => setStep((s) => (s.kind === "sending" && s.phase === "upload" ? { ...s, fraction } : s)),
      onEvent: (event) => {
        if (event.type === "checked") setStep((s) => (s.kind === "sending" ? { ...s, phase: "write", fraction: 0 } : s));
        if (event.type === "progress") setStep((s) => (s.kind === "sending" ? { ...s, phase: "write", fraction: event.written / event.total, written: event.written } : s));
      },
    });
    if (outcome.ok) setStep({ kind: "done", created: outcome.result.created, updated: outcome.result.updated, unchanged: outcome.result.unchanged });
    else setStep({ kind: "failed", file, detail: outcome.detail, issues: outcome.issues, issueCount: outcome.issueCount });
  }

  function restart() {
    setStep({ kind: "choose" });
    setError(null);
    if (input.current) input.current.value = "";
  }

  const columns = step.kind === "map" ? Math.max(...step.records.map((r) => r.length)) : 0;
  const columnName = (records: string[][], index: number) => (hasHeader && records[0]?.[index]?.trim() ? `${records[0][index]} (column ${index + 1})` : `Column ${index + 1}`);

  return (
    <div className="flex flex-col gap-6" data-testid="csv-import">
      {error ? <Alert variant="error">{error}</Alert> : null}

      {step.kind === "choose" || step.kind === "map" ? (
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-file`}>CSV file</Label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="block w-full text-sm file:mr-3 file:h-10 file:rounded-md file:border-0 file:bg-secondary file:px-4 file:text-sm file:font-medium"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
          <p className="text-sm text-muted-foreground">One row per value: the KPI (its name or id), the period (the date it starts, YYYY-MM-DD), the value and, if you like, a note. The export below has this shape.</p>
        </div>
      ) : null}

      {step.kind === "map" ? (
        <div className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold">Preview and columns</h2>
          <Table scrollLabel="First rows of the file" containerClassName="rounded-md border" data-testid="import-preview">
            <TableBody>
              {step.records.map((record, r) => (
                <TableRow key={r} className={r === 0 && hasHeader ? "font-medium" : undefined}>
                  <TableCell className="w-16 text-muted-foreground tabular-nums">{r + 1}</TableCell>
                  {Array.from({ length: columns }, (_, c) => (
                    <TableCell key={c} className="max-w-48 truncate">
                      {record[c] ?? ""}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={hasHeader} onChange={(e) => setHasHeader(e.currentTarget.checked)} />
            The first row holds column names
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            {FIELDS.map((field) => (
              <div key={field.key} className="flex flex-col gap-2">
                <Label htmlFor={`${id}-${field.key}`}>
                  {field.label} column{field.optional ? " (optional)" : ""}
                </Label>
                <Select id={`${id}-${field.key}`} value={choice[field.key]} onChange={(e) => setChoice({ ...choice, [field.key]: e.currentTarget.value })} aria-describedby={`${id}-${field.key}-hint`}>
                  <option value="">{field.optional ? "No note column" : "Choose a column"}</option>
                  {Array.from({ length: columns }, (_, c) => (
                    <option key={c} value={String(c)}>
                      {columnName(step.records, c)}
                    </option>
                  ))}
                </Select>
                <p id={`${id}-${field.key}-hint`} className="text-xs text-muted-foreground">
                  {field.hint}
                </p>
              </div>
            ))}
          </div>
          <Button className="self-start" onClick={() => void check(step.file)}>
            Check file
          </Button>
        </div>
      ) : null}

      {step.kind === "checking" ? <Progress value={step.fraction * 100} label={`Reading and checking ${step.file.name}…`} /> : null}

      {step.kind === "report" ? (
        <div className="flex flex-col gap-4" data-testid="import-report" data-parsed-in={step.summary.parsedIn}>
          <h2 className="text-lg font-semibold">Check of {step.file.name}</h2>
          {step.summary.issueCount > 0 ? (
            <>
              <Alert variant="error" title={`${step.summary.issueCount.toLocaleString("en")} ${step.summary.issueCount === 1 ? "row has a problem" : "rows have problems"}`}>
                Nothing is imported until every row is right: fix these lines in the file and choose it again.
                {step.summary.rowCount > 0 ? ` The ${step.summary.rowCount.toLocaleString("en")} other rows are fine.` : ""}
              </Alert>
              <IssueTable issues={step.summary.issues} total={step.summary.issueCount} />
              <Button variant="outline" className="self-start" onClick={restart}>
                Choose another file
              </Button>
            </>
          ) : step.summary.rowCount === 0 ? (
            <>
              <Alert variant="warning">This file has no values to import{step.summary.skipped ? ` (${step.summary.skipped} rows have no period and value)` : ""}.</Alert>
              <Button variant="outline" className="self-start" onClick={restart}>
                Choose another file
              </Button>
            </>
          ) : (
            <>
              <Alert variant="success" title={`${step.summary.rowCount.toLocaleString("en")} values are ready to import`}>
                Every row passed the check.{step.summary.skipped ? ` ${step.summary.skipped} rows without a period and value are left out.` : ""} Values already stored for the same KPI and period are replaced; the import is all or nothing.
              </Alert>
              <div className="flex flex-wrap gap-2">
                <Button onClick={() => void send(step.file, step.summary)}>
                  <SpriteIcon name="file-up" />
                  Import {step.summary.rowCount.toLocaleString("en")} values
                </Button>
                <Button variant="outline" onClick={restart}>
                  Choose another file
                </Button>
              </div>
            </>
          )}
        </div>
      ) : null}

      {step.kind === "sending" ? (
        <div className="flex flex-col gap-3" data-testid="import-progress">
          <Progress
            value={(step.phase === "upload" ? step.fraction * 0.3 : 0.3 + step.fraction * 0.7) * 100}
            label={step.phase === "upload" ? "Sending the values…" : `Saving: ${step.written.toLocaleString("en")} of ${step.summary.rowCount.toLocaleString("en")} values written`}
          />
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <SpriteIcon name="loader-circle" className="size-4 animate-spin" />
            Keep this page open until the import is done: nothing is saved until every value is.
          </p>
        </div>
      ) : null}

      {step.kind === "done" ? (
        <div className="flex flex-col gap-4">
          <Alert variant="success" title="Import complete" data-testid="import-done">
            <p className="flex items-center gap-2">
              <SpriteIcon name="circle-check" className="size-4" />
              {step.created.toLocaleString("en")} new, {step.updated.toLocaleString("en")} changed, {step.unchanged.toLocaleString("en")} already up to date.
            </p>
          </Alert>
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href={measurementsHref}>Open the measurements</Link>
            </Button>
            <Button variant="outline" onClick={restart}>
              Import another file
            </Button>
          </div>
        </div>
      ) : null}

      {step.kind === "failed" ? (
        <div className="flex flex-col gap-4" data-testid="import-failed">
          <Alert variant="error" title="Nothing was imported">
            {step.detail}
          </Alert>
          {step.issues.length ? <IssueTable issues={step.issues} total={step.issueCount} /> : null}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void check(step.file)}>Check the file again</Button>
            <Button variant="outline" onClick={restart}>
              Choose another file
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
