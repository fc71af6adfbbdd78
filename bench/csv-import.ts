// The 100,000-row CSV import, end to end as a person runs it: the file is parsed and checked by
// the same code the browser's worker runs (lib/csv-import/parse-file.ts), the checked rows are
// posted to the import route of the big scorecard, and the clock stops at the stream's "done".
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { kpis, objectives } from "@/db/schema";
import { parseCsvFile } from "@/lib/csv-import/parse-file";
import type { ImportContext } from "@/lib/csv-import/rows";
import { teamToday } from "@/lib/scorecards/evaluate";
import type { Dataset } from "./dataset";
import { round } from "./stats";

export interface CsvImportTiming {
  ms: number;
  parseMs: number;
  writeMs: number;
  httpStatus: number;
  /** Why the import did not finish, when it did not. */
  error?: string;
}

/** `rows` lines of `kpi_id,period,value,note`: every KPI of the scorecard, week after week going back. */
export function csvFile(kpiIds: readonly string[], lastPeriod: string, rows: number): string {
  const lines = ["kpi_id,period,value,note"];
  for (let i = 0; i < rows; i++) {
    const d = new Date(`${lastPeriod}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7 * Math.floor(i / kpiIds.length));
    lines.push(`${kpiIds[i % kpiIds.length]},${d.toISOString().slice(0, 10)},${50 + (i % 100) / 10},`);
  }
  return lines.join("\n");
}

export async function timeCsvImport(db: Database, baseUrl: string, dataset: Dataset, cookie: string, rows: number): Promise<CsvImportTiming> {
  const scorecardId = dataset.scorecards.big.id;
  const cardKpis = await db
    .select({ id: kpis.id, name: kpis.name, unit: kpis.unit, frequency: kpis.frequency })
    .from(kpis)
    .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
    .where(eq(objectives.scorecardId, scorecardId))
    .orderBy(asc(kpis.id));
  const context: ImportContext = { kpis: cardKpis, calendar: dataset.calendar, today: teamToday(dataset.calendar) };
  const file = csvFile(cardKpis.map((k) => k.id), dataset.periods.at(-1)!, rows);

  const started = performance.now();
  const parsed = await parseCsvFile(file, { context, mapping: { kpi: 0, period: 1, value: 2, note: 3 }, hasHeader: true });
  const parseMs = performance.now() - started;
  const timing = (httpStatus: number, error?: string): CsvImportTiming => ({
    ms: round(performance.now() - started) ?? 0,
    parseMs: round(parseMs) ?? 0,
    writeMs: round(performance.now() - started - parseMs) ?? 0,
    httpStatus,
    ...(error ? { error } : {}),
  });
  if (parsed.issueCount > 0) return timing(0, `the file has ${parsed.issueCount} problems, first: ${parsed.issues[0]?.reason}`);

  const response = await fetch(new URL(`/t/${dataset.team.slug}/api/scorecards/${scorecardId}/import`, baseUrl), {
    method: "POST",
    // The server's APP_URL names localhost (bench/server.ts): the import accepts its own pages only.
    headers: { cookie, "content-type": "application/json", origin: `http://localhost:${new URL(baseUrl).port}` },
    body: JSON.stringify({ kpiIds: context.kpis.map((k) => k.id), rows: parsed.rows }),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok) return timing(response.status, text.slice(0, 200));
  const last = JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; detail?: string };
  return timing(response.status, last.type === "done" ? undefined : (last.detail ?? `ended with "${last.type}"`));
}
