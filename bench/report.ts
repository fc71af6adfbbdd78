// The benchmark's results: budgets checked, a JSON file, and the markdown table printed at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RouteBundle } from "./bundle-size";
import type { RowCounts } from "./dataset";
import type { LighthouseResult } from "./lighthouse";
import type { LiveResult } from "./live";
import type { LoadResult } from "./load";
import { BYTES_PER_KPI_BUDGET, PAGE_BYTES_BUDGET, PAGE_P95_BUDGET_MS, type PageResults } from "./pages";
import type { InProcessCount, ServerCount, StatementCount } from "./queries";

export const QUERY_BUDGET = 10;
export const LIGHTHOUSE_BUDGET = 90;
export const LIVE_P95_BUDGET_MS = 250;

/** "missing": the route (or a prerequisite such as API keys) does not exist yet. */
export type Outcome = { status: "ok" } | { status: "missing" | "error"; reason: string };

export interface LoadEntry {
  key: string;
  label: string;
  outcome: Outcome;
  p95BudgetMs?: number;
  runs: LoadResult[];
}

export interface QueryEntry {
  key: string;
  label: string;
  sizes: { A: string; B: string };
  outcome: Outcome;
  inProcess: InProcessCount | null;
  server: ServerCount | null;
}

export interface ImportEntry {
  key: string;
  label: string;
  rows: number;
  budgetMs: number;
  outcome: Outcome;
  ms?: number;
  httpStatus?: number;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  size: string;
  /** The server's database: PostgreSQL (budgets apply), or PGlite (`--db pglite`: reported, no budget). */
  database: "postgres" | "pglite";
  machine: { cores: number; cpu: string; memoryGb: number; node: string; loadAverage: number[] };
  dataset: { counts: RowCounts; seedSeconds: number } | null;
  build: { seconds: number } | { skipped: true } | null;
  load: LoadEntry[];
  /** Every main page at 10 connections, against /account in the same run. */
  pages: PageResults | null;
  queries: QueryEntry[];
  rollup: { sqlMedianMs: number | null; sqlScore: number | null; appScore: number | null; dashboardP50Ms: number | null; ratio: number | null; error?: string } | null;
  bundles: RouteBundle[];
  imports: ImportEntry[];
  lighthouse: Array<{ key: string; label: string; outcome: Outcome; result: LighthouseResult | null }>;
  live: LiveResult | null;
  errors: string[];
  checks: Check[];
}

export interface Check {
  budget: string;
  measured: string;
  limit: string;
  status: "pass" | "FAIL" | "missing";
}

export function machineInfo(): BenchResults["machine"] {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const ms = (n: number | null | undefined) => (n === null || n === undefined ? "–" : `${n} ms`);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const count = (c: StatementCount | null | undefined) => (c ? `${c.data} (${c.all})` : "–");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? null;
const reason = (o: Outcome) => (o.status === "ok" ? "" : `${o.status}: ${o.reason}`);

/** Every budget of issue 10, measured or not: a missing target fails `--check` like a missed budget. */
export function evaluateBudgets(r: Omit<BenchResults, "checks">): Check[] {
  const checks: Check[] = [];
  const add = (budget: string, measured: string, limit: string, ok: boolean | "missing") =>
    checks.push({ budget, measured, limit, status: ok === "missing" ? "missing" : ok ? "pass" : "FAIL" });

  for (const entry of r.load.filter((e) => e.p95BudgetMs !== undefined)) {
    const at10 = entry.runs.find((run) => run.connections === 10);
    if (entry.outcome.status === "missing") add(`${entry.label}: p95 at 10 connections`, reason(entry.outcome), `≤ ${entry.p95BudgetMs} ms`, "missing");
    else if (!at10 || entry.outcome.status === "error") add(`${entry.label}: p95 at 10 connections`, reason(entry.outcome) || "not measured", `≤ ${entry.p95BudgetMs} ms`, false);
    else add(`${entry.label}: p95 at 10 connections`, `${ms(at10.p95)}${at10.non2xx + at10.errors ? `, ${at10.non2xx + at10.errors} bad responses` : ""}`, `≤ ${entry.p95BudgetMs} ms`, at10.p95 !== null && at10.p95 <= entry.p95BudgetMs! && at10.non2xx + at10.errors === 0);
  }

  const pages = r.pages?.pages ?? [];
  const baselineRps = r.pages?.baselineRps ?? [];
  if (!pages.length) add("Page throughput ÷ /account", "not measured", "≥ 0.33×", false);
  for (const page of pages.filter((p) => p.key !== "account")) {
    const unmeasured = page.error ?? (page.run ? undefined : "not measured");
    const ratioLabel = `${page.label}: req/s at 10 connections ÷ /account`;
    if (unmeasured || page.ratio === null) add(ratioLabel, unmeasured ?? `no baseline (/account: ${baselineRps.join(", ") || "unmeasured"})`, `≥ ${page.minRatio}×`, false);
    else add(ratioLabel, `${page.ratio}× (${page.run!.rps} ÷ ${median(baselineRps)} req/s)`, `≥ ${page.minRatio}×`, page.ratio >= page.minRatio);
    if (r.size === "large") {
      const p95 = page.run?.p95 ?? null;
      add(`${page.label}: p95 at 10 connections`, unmeasured ?? ms(p95), `≤ ${PAGE_P95_BUDGET_MS} ms`, !unmeasured && p95 !== null && p95 <= PAGE_P95_BUDGET_MS);
    }
    if (page.key === "api-scorecard") continue; // JSON, not a page of HTML
    const bytes = page.bytes;
    add(`${page.label}: HTML per request`, bytes === null ? (page.error ?? "not measured") : kb(bytes), `≤ ${kb(PAGE_BYTES_BUDGET)}`, bytes !== null && bytes <= PAGE_BYTES_BUDGET);
    if (page.kpisListed > 0) {
      const perKpi = bytes === null ? null : bytes / page.kpisListed;
      add(`${page.label}: HTML per KPI listed (${page.kpisListed})`, perKpi === null ? (page.error ?? "not measured") : kb(perKpi), `≤ ${kb(BYTES_PER_KPI_BUDGET)}`, perKpi !== null && perKpi <= BYTES_PER_KPI_BUDGET);
    }
  }

  for (const q of r.queries) {
    const label = `${q.label}: SQL queries per request`;
    if (q.outcome.status === "missing") {
      add(label, reason(q.outcome), `constant, ≤ ${QUERY_BUDGET}`, "missing");
      continue;
    }
    // Both counts when there are two: in-process reads as a team whose data just changed (no
    // kept model), the server's are warm. The budget holds for the larger.
    const counts = ([["server", q.server], ["in-process", q.inProcess]] as const).flatMap(([where, c]) => (c?.A && c.B ? [{ where, A: c.A.data, B: c.B.data }] : []));
    if (counts.length === 0) {
      add(label, reason(q.outcome) || q.server?.note || "not measured", `constant, ≤ ${QUERY_BUDGET}`, false);
      continue;
    }
    const constant = [q.server, q.inProcess].every((c) => !c?.A || !c.B || c.constant);
    const shown = counts.map((c) => `${c.A} → ${c.B} (${c.where})`).join(", ");
    add(label, `${shown}; ${q.sizes.A} → ${q.sizes.B}${constant ? "" : ", grows"}`, `constant, ≤ ${QUERY_BUDGET}`, constant && counts.every((c) => c.B <= QUERY_BUDGET));
  }

  for (const b of r.bundles.filter((b) => b.budgetBytes !== null)) {
    add(`First Load JS ${b.route}`, b.error ?? kb(b.firstLoadBytes), `≤ ${kb(b.budgetBytes!)}`, !b.error && b.firstLoadBytes <= b.budgetBytes!);
  }
  if (!r.bundles.length) add("First Load JS", "no build output read", "≤ 170 kB / ≤ 130 kB", false);

  for (const l of r.lighthouse) {
    if (l.outcome.status === "missing") add(`Lighthouse ${l.label}`, reason(l.outcome), `≥ ${LIGHTHOUSE_BUDGET}`, "missing");
    else add(`Lighthouse ${l.label}`, l.result?.score !== null && l.result?.score !== undefined ? String(l.result.score) : reason(l.outcome) || l.result?.error || "no score", `≥ ${LIGHTHOUSE_BUDGET}`, (l.result?.score ?? 0) >= LIGHTHOUSE_BUDGET);
  }

  for (const i of r.imports) {
    if (i.outcome.status === "missing") add(i.label, reason(i.outcome), `≤ ${i.budgetMs / 1000} s`, "missing");
    else add(i.label, i.ms !== undefined ? `${(i.ms / 1000).toFixed(2)} s${i.httpStatus ? ` (HTTP ${i.httpStatus})` : ""}` : reason(i.outcome), `≤ ${i.budgetMs / 1000} s`, i.outcome.status === "ok" && (i.ms ?? Infinity) <= i.budgetMs);
  }

  const live = r.live;
  add(
    `Live edit → ${live?.listeners ?? 20} SSE listeners, p95`,
    live ? `${ms(live.p95)}${live.lost ? `, ${live.lost} lost` : ""}${live.error ? `, ${live.error}` : ""}` : "not measured",
    `≤ ${LIVE_P95_BUDGET_MS} ms`,
    Boolean(live && !live.error && live.lost === 0 && live.p95 !== null && live.p95 <= LIVE_P95_BUDGET_MS),
  );
  return checks;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function markdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`## Cairn benchmark — size \`${r.size}\`${r.database === "pglite" ? " on PGlite (reported, no budget)" : ""}`);
  out.push(`${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, load average at start ${m.loadAverage.join(" / ")} · ${r.startedAt}`);
  if (r.dataset) {
    const c = r.dataset.counts;
    out.push(`Dataset: ${c.teams} teams, ${c.users} users, ${c.scorecards} scorecards, ${c.objectives} objectives, ${c.kpis} KPIs, ${c.measurements.toLocaleString("en")} measurements, ${c.journeys} journeys, ${c.stages} stages (seeded in ${r.dataset.seedSeconds} s).`);
  }
  if (r.build) out.push("skipped" in r.build ? "Build: skipped (--skip-build)." : `Build: ${r.build.seconds} s.`);

  out.push("\n### HTTP load (autocannon)");
  out.push(
    table(
      ["Target", "Conns", "Req/s", "p50", "p95", "p99", "Bad", "Unfinished", "Budget (p95 @10)"],
      r.load.flatMap((e) =>
        e.outcome.status !== "ok" && e.runs.length === 0
          ? [[e.label, "–", "–", "–", "–", "–", "–", "–", reason(e.outcome)]]
          : e.runs.map((run) => [
              e.label, String(run.connections), String(run.rps ?? "–"), ms(run.p50), ms(run.p95), ms(run.p99), String(run.non2xx + run.errors), String(run.unfinished),
              run.connections === 10 && e.p95BudgetMs ? `≤ ${e.p95BudgetMs} ms` : "",
            ]),
      ),
    ),
  );

  if (r.pages) {
    out.push(`\n### Pages at 10 connections, against /account (${r.pages.baselineRps.join(", ") || "–"} req/s; the median is the baseline)`);
    out.push(
      table(
        ["Page", "Req/s", "÷ /account", "p50", "p95", "HTML", "Per KPI", "Queries (first / kept)", "Budget"],
        r.pages.pages
          .filter((p) => p.key !== "account")
          .map((p) => [
            p.label, String(p.run?.rps ?? "–"), p.ratio === null ? "–" : `${p.ratio}×`, ms(p.run?.p50), ms(p.run?.p95), p.bytes === null ? "–" : kb(p.bytes),
            p.kpisListed && p.bytes !== null ? kb(p.bytes / p.kpisListed) : "",
            p.queries && p.queries.cold !== null ? `${p.queries.cold} / ${p.queries.warm ?? "–"}` : "–",
            p.error ? p.error : `≥ ${p.minRatio}×`,
          ]),
      ),
    );
  }

  out.push("\n### SQL statements per request: data queries (all statements incl. BEGIN/COMMIT and the RLS binding)");
  out.push(
    table(
      ["Page", "Size A", "In-process A", "Server A", "Size B", "In-process B", "Server B", "Constant"],
      r.queries.map((q) => [
        q.label, q.sizes.A, count(q.inProcess?.A), count(q.server?.A), q.sizes.B, count(q.inProcess?.B), count(q.server?.B),
        q.outcome.status !== "ok" ? reason(q.outcome) : [q.inProcess?.constant, q.server?.constant].some((c) => c === false) ? "no" : "yes",
      ]),
    ),
  );

  if (r.rollup) {
    const x = r.rollup;
    out.push(
      `\nDashboard roll-up as one SQL statement in psql: ${ms(x.sqlMedianMs)} (median); dashboard route p50 at 1 connection: ${ms(x.dashboardP50Ms)}; ratio ${x.ratio ?? "–"}×. ` +
        `Scorecard score from SQL ${x.sqlScore ?? "–"} vs the app's ${x.appScore ?? "–"}.${x.error ? ` (${x.error})` : ""}`,
    );
  }

  out.push("\n### First Load JS (gzip)");
  out.push(
    table(
      ["Route", "First Load JS", "Scripts", "Read from", "Budget"],
      r.bundles.map((b) => [b.route, b.error ?? kb(b.firstLoadBytes), String(b.chunks), b.source, b.budgetBytes ? `≤ ${kb(b.budgetBytes)}` : ""]),
    ),
  );

  out.push("\n### Lighthouse (mobile)");
  out.push(
    table(
      ["Page", "Score (runs)", "LCP", "TBT", "CLS", "JS transferred"],
      r.lighthouse.map((l) =>
        l.result && l.outcome.status === "ok"
          ? [l.label, `${l.result.score ?? "–"} (${l.result.runs.join(", ")})`, ms(l.result.lcpMs), ms(l.result.tbtMs), String(l.result.cls ?? "–"), l.result.scriptTransferBytes !== null ? kb(l.result.scriptTransferBytes) : "–"]
          : [l.label, reason(l.outcome) || l.result?.error || "–", "–", "–", "–", "–"],
      ),
    ),
  );

  out.push("\n### Bulk writes (end to end)");
  out.push(table(["Write", "Rows", "Time", "Budget"], r.imports.map((i) => [i.label, i.rows.toLocaleString("en"), i.ms !== undefined ? `${(i.ms / 1000).toFixed(2)} s` : reason(i.outcome), `≤ ${i.budgetMs / 1000} s`])));

  if (r.live) {
    const l = r.live;
    out.push(`\nLive edits: ${l.edits} edits × ${l.listeners} SSE listeners → ${l.received} receipts, ${l.lost} lost; p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}.${l.error ? ` Error: ${l.error}` : ""}`);
  }

  out.push("\n### Budgets");
  out.push(table(["Budget", "Measured", "Limit", "Status"], r.checks.map((c) => [c.budget, c.measured, c.limit, c.status === "pass" ? "pass" : `**${c.status}**`])));
  const failed = r.checks.filter((c) => c.status !== "pass").length;
  out.push(`\n${r.checks.length - failed} of ${r.checks.length} budgets met${failed ? `; ${failed} failed or missing` : ""}.`);
  if (r.errors.length) out.push(`\nErrors:\n${r.errors.map((e) => `- ${e}`).join("\n")}`);
  return out.join("\n");
}

export function writeResults(r: BenchResults, dir = path.join("bench", "results")): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
