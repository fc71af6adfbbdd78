// `npm run bench -- --size tiny|small|large [--check] [--skip-build] [--db pglite]`: seeds a
// throwaway PostgreSQL (or, with --db pglite, an embedded PGlite) with the synthetic dataset, builds and starts the production server, measures
// (queries per page, SQL roll-up, Lighthouse, HTTP load, live edits, bulk writes, bundle
// sizes), writes bench/results/latest.json and prints the table. `--check` exits 1 when a
// budget is missed or a target is missing. Traffic goes to 127.0.0.1 only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { getDbHandle, migrateDatabase, type Database, type DbHandle } from "@/db/client";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { evaluateScorecard, teamToday } from "@/lib/scorecards/evaluate";
import { findPostgresBin, freePort, startCluster, type Cluster } from "../scripts/postgres-cluster";
import { benchCredentials, mintSessionCookie, newAuthSecret, type BenchCredentials } from "./auth";
import { buildRoutes, budgetFor, firstLoadJs, pagesRouterRoutes, servedFirstLoadJs, type RouteBundle } from "./bundle-size";
import { BENCH_SIZES, SIZES, generateDataset, type BenchSize, type Dataset } from "./dataset";
import { runLighthouse } from "./lighthouse";
import { timeCsvImport } from "./csv-import";
import { measureLiveEdits } from "./live";
import { probe, runLoad } from "./load";
import { BASELINE_KEY, PAGE_TARGETS, measurePages } from "./pages";
import { StatementLog, classifyStatement, countInProcess, countOnServer, type InProcessCount } from "./queries";
import { evaluateBudgets, machineInfo, markdown, writeResults, type BenchResults, type Outcome } from "./report";
import { rollupSql, timeRollupInPsql } from "./rollup";
import { DIST_DIR, buildApp, startServer, type RunningServer } from "./server";
import { CSV_IMPORT, IMPORT_TARGETS, LOAD_TARGETS, QUERY_TARGETS, type BenchRequest, type HeaderFactory } from "./targets";
import { round } from "./stats";

const { values: args } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    check: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
    /** Only the page budgets, for these page keys (comma-separated, e.g. editor,share): a quick check while working on a page. */
    pages: { type: "string" },
    /** postgres (the default, where the budgets apply) or pglite: the page table on the embedded database `npm run dev` uses, reported without budgets. */
    db: { type: "string", default: "postgres" },
  },
  allowPositionals: false,
});
if (!BENCH_SIZES.includes(args.size as BenchSize)) {
  console.error(`✖ --size must be one of ${BENCH_SIZES.join(", ")}`);
  process.exit(2);
}
const size = args.size as BenchSize;
if (args.db !== "postgres" && args.db !== "pglite") {
  console.error("✖ --db must be postgres or pglite");
  process.exit(2);
}
const database = args.db;

/**
 * Per size: seconds of load per connection level, warm-up seconds, Lighthouse runs, live edits.
 * The warm-up measures nothing: each server process JIT-compiles the render paths over its first
 * several hundred requests (the first response is reported on its own).
 */
const PLAN = {
  tiny: { seconds: 1, warmup: 0.5, lighthouseRuns: 1, edits: 5 },
  small: { seconds: 3, warmup: 3, lighthouseRuns: 3, edits: 20 },
  large: { seconds: 10, warmup: 10, lighthouseRuns: 3, edits: 20 },
}[size];
const CONNECTIONS = [1, 10, 50];
const LIVE_LISTENERS = 20;
const WATCHDOG_MS = 60 * 60_000;

const log = (line: string) => console.error(`[bench ${clock.now().toISOString().slice(11, 19)}] ${line}`);
const started = clock.now();
const results: Omit<BenchResults, "checks" | "finishedAt"> = {
  startedAt: started.toISOString(),
  size,
  database,
  machine: machineInfo(),
  dataset: null,
  build: null,
  load: [],
  pages: null,
  queries: [],
  rollup: null,
  bundles: [],
  imports: [],
  lighthouse: [],
  live: null,
  errors: [],
};

let cluster: Cluster | undefined;
let server: RunningServer | undefined;
let handle: DbHandle | undefined;

async function cleanup() {
  await server?.stop().catch(() => {});
  server = undefined;
  await handle?.close().catch(() => {});
  handle = undefined;
  try {
    cluster?.stop();
  } catch {
    // already gone
  }
  cluster = undefined;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and the database`);
    void cleanup().then(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  log(`watchdog: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  void cleanup().then(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

/** Runs one phase; a failure is recorded and the remaining phases still run. */
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const t0 = performance.now();
  log(`${name}…`);
  try {
    const value = await fn();
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors.push(`${name}: ${message.split("\n")[0]}`);
    log(`${name} failed: ${message}`);
    return undefined;
  }
}

/** "missing" when the route is not in the build or a credential does not exist yet. */
function resolveRequest(routes: Set<string>, route: string, headers: HeaderFactory, credentials: BenchCredentials, request: Omit<BenchRequest, "headers">): { request: BenchRequest } | { outcome: Outcome } {
  if (!routes.has(route)) return { outcome: { status: "missing", reason: `no ${route} in the build` } };
  const h = headers(credentials);
  if (!h) return { outcome: { status: "missing", reason: "no API key issuer (bench/auth.ts)" } };
  return { request: { ...request, headers: h } };
}

async function main(): Promise<number> {
  const pgBin = findPostgresBin();
  if (!pgBin && database === "postgres") throw new Error("No PostgreSQL server binaries found (set PG_BIN).");
  const authSecret = newAuthSecret();

  if (args["skip-build"]) results.build = { skipped: true };
  else results.build = (await phase("next build", async () => buildApp(authSecret, log))) ?? null;
  const routes = results.build ? buildRoutes(DIST_DIR) : new Set<string>();
  // (Without PostgreSQL binaries only --db pglite gets this far.)
  if (database === "pglite" || !pgBin) return pgliteRun(routes, authSecret);

  cluster = await startCluster(pgBin);
  process.env.DATABASE_URL = cluster.url;
  handle = await getDbHandle();
  await migrateDatabase(handle);
  const db = handle.db;

  const seedStart = performance.now();
  const dataset: Dataset = await generateDataset(db, SIZES[size], { size, log });
  await db.execute(sql`analyze`);
  results.dataset = { counts: dataset.counts, seedSeconds: round((performance.now() - seedStart) / 1000) ?? 0 };
  log(`seeded ${dataset.counts.measurements} measurements in ${results.dataset.seedSeconds} s`);

  const inProcess = (await phase("query counts (in-process)", () => countInProcess(db, dataset, QUERY_TARGETS))) ?? [];

  const asOf = teamToday(dataset.calendar);
  const rollup = await phase("roll-up SQL in psql", async () => {
    const timing = timeRollupInPsql(pgBin, cluster!.url, dataset.team.id, rollupSql(dataset.team.id, dataset.scorecards.big.id, asOf));
    const tree = await inTeam(dataset.team.id, (tx) => loadScorecardTree(tx, { teamId: dataset.team.id }, dataset.scorecards.big.id, asOf));
    const appScore = tree ? evaluateScorecard(tree, asOf, dataset.calendar).rollup.score : null;
    return { sqlMedianMs: timing.medianMs, sqlScore: timing.scorecardScore, appScore: round(appScore, 4), error: timing.error };
  });

  // A failed build may leave an older build behind: never measure that one by mistake.
  const built = results.build !== null;
  if (built) server = await phase("next start", async () => startServer({ port: await freePort(), database: { url: cluster!.url }, authSecret }));
  if (server && args.serve) return serveUntilStopped(server.baseUrl, db, dataset, authSecret);
  if (server && args.pages) return pagesOnly(server.baseUrl, db, dataset, routes, authSecret, args.pages.split(","));
  if (server) {
    log(`server at ${server.baseUrl}`);
    await serverPhases(server.baseUrl, db, dataset, routes, authSecret, inProcess, rollup);
  } else {
    recordNotRun(built ? "the production server did not start" : "next build failed", inProcess);
  }
  if (rollup && !results.rollup) results.rollup = { ...rollup, dashboardP50Ms: null, ratio: null };

  if (built) {
    await phase("first load JS", async () => {
      const served = await servedPagesFirstLoad(server?.baseUrl ?? null, dataset);
      results.bundles = [...firstLoadJs(DIST_DIR), ...served].sort((a, b) => a.route.localeCompare(b.route));
    });
  }

  await cleanup();
  const final: BenchResults = { ...results, finishedAt: clock.now().toISOString(), checks: [] };
  final.checks = evaluateBudgets(final);
  const file = writeResults(final);
  console.log(markdown(final));
  console.log(`\nResults: ${file}`);
  const missed = final.checks.filter((c) => c.status !== "pass").length;
  return args.check && (missed > 0 || results.errors.length > 0) ? 1 : 0;
}

/** On PostgreSQL, the data statements of one request, from the server's statement log switched on around it. */
function statementCounter(db: Database | null) {
  return async (request: () => Promise<unknown>): Promise<number | null> => {
    const statementLog = db ? await StatementLog.open(db) : null;
    if (!statementLog) {
      await request();
      return null;
    }
    try {
      return (await statementLog.during(request)).filter((s) => classifyStatement(s) === "data").length;
    } finally {
      await statementLog.close();
    }
  };
}

function measurePageBudgets(baseUrl: string, dataset: Dataset, routes: Set<string>, credentials: BenchCredentials, pageTargets: typeof PAGE_TARGETS, db: Database | null) {
  return phase("page budgets", async () => {
    const targets = pageTargets.map((target) => {
      const resolved = resolveRequest(routes, target.route, target.headers, credentials, { method: "GET", path: target.path(dataset) });
      return "outcome" in resolved
        ? { target, request: null, missing: resolved.outcome.status === "ok" ? undefined : resolved.outcome.reason, kpisListed: target.kpisListed(dataset) }
        : { target, request: resolved.request, kpisListed: target.kpisListed(dataset) };
    });
    results.pages = await measurePages(baseUrl, targets, PLAN, log, statementCounter(db));
  });
}

/**
 * `--db pglite`: the dataset in a fresh embedded PGlite, the server alone on it (PGlite is one
 * process's database, so `npm start` runs one process), then the pages table, or only the
 * `--pages` given: reported, with no budget (PostgreSQL is what a deployment under load runs).
 */
async function pgliteRun(routes: Set<string>, authSecret: string): Promise<number> {
  if (results.build === null) throw new Error("next build failed: nothing to measure");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-bench-pglite-"));
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = dir;
  try {
    handle = await getDbHandle();
    // The environment is read once: never seed into the developer's own .data/pglite by mistake.
    if (handle.engine !== "pglite" || !handle.location.includes(dir)) throw new Error(`expected PGlite in ${dir}, got ${handle.engine} at ${handle.location}`);
    const seedStart = performance.now();
    const dataset = await generateDataset(handle.db, SIZES[size], { size, log });
    await handle.db.execute(sql`analyze`);
    results.dataset = { counts: dataset.counts, seedSeconds: round((performance.now() - seedStart) / 1000) ?? 0 };
    log(`seeded ${dataset.counts.measurements} measurements into PGlite in ${results.dataset.seedSeconds} s`);
    const credentials = await benchCredentials(handle.db, dataset, authSecret);
    // Hand the directory over to the server.
    await handle.close();
    handle = undefined;
    server = await phase("next start (PGlite)", async () => startServer({ port: await freePort(), database: { pgliteDir: dir }, authSecret }));
    if (!server) throw new Error("the production server did not start on PGlite");
    const keys = args.pages?.split(",");
    await measurePageBudgets(server.baseUrl, dataset, routes, credentials, keys ? PAGE_TARGETS.filter((t) => t.key === BASELINE_KEY || keys.includes(t.key)) : PAGE_TARGETS, null);
  } finally {
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const final: BenchResults = { ...results, finishedAt: clock.now().toISOString(), checks: [] };
  final.checks = evaluateBudgets(final).filter((c) => PAGE_TARGETS.some((t) => c.budget.startsWith(`${t.label}: `)));
  console.log(markdown(final));
  console.log(`\nResults: ${writeResults(final, path.join("bench", "results", "pglite"))}`);
  return 0;
}

/** `--pages a,b`: only those pages (and the /account baseline), printed as the pages table. */
async function pagesOnly(baseUrl: string, db: Database, dataset: Dataset, routes: Set<string>, authSecret: string, keys: string[]): Promise<number> {
  const unknown = keys.filter((k) => !PAGE_TARGETS.some((t) => t.key === k));
  if (unknown.length) throw new Error(`--pages: unknown page ${unknown.join(", ")} (known: ${PAGE_TARGETS.map((t) => t.key).join(", ")})`);
  const credentials = await benchCredentials(db, dataset, authSecret);
  await measurePageBudgets(baseUrl, dataset, routes, credentials, PAGE_TARGETS.filter((t) => t.key === BASELINE_KEY || keys.includes(t.key)), db);
  await cleanup();
  const final: BenchResults = { ...results, finishedAt: clock.now().toISOString(), checks: [] };
  const labels = PAGE_TARGETS.filter((t) => keys.includes(t.key)).map((t) => `${t.label}: `);
  console.log(markdown({ ...final, checks: evaluateBudgets(final).filter((c) => labels.some((l) => c.budget.startsWith(l))) }));
  return 0;
}

/** `--serve`: no measurements; the seeded server stays up (for a profiler or a browser) until Ctrl-C. */
async function serveUntilStopped(baseUrl: string, db: Database, dataset: Dataset, authSecret: string): Promise<number> {
  const credentials = await benchCredentials(db, dataset, authSecret);
  console.log(
    [
      `Server: ${baseUrl}   Database: ${process.env.DATABASE_URL}`,
      `Cookie: ${credentials.ownerCookie}`,
      `API key: ${credentials.apiKey}`,
      `Dashboard: /t/${dataset.team.slug}/dashboards/${dataset.scorecards.big.id}`,
      `Editor: /t/${dataset.team.slug}/scorecards/${dataset.scorecards.big.id}`,
      `Organisation: /t/${dataset.team.slug}/dashboards/${dataset.org.rootId}/organisation`,
      `Department: /t/${dataset.team.slug}/scorecards/${dataset.org.department.id}`,
      `Journey: /t/${dataset.team.slug}/journeys/${dataset.journeys.big.id}`,
      `Share: /share/${dataset.shareTokens.big}`,
      `API: /api/v1/scorecards/${dataset.scorecards.big.id}`,
    ].join("\n"),
  );
  await new Promise(() => {});
  return 0;
}

/**
 * The Pages Router's pages (the share pages) by what their served HTML loads: the big scorecard's
 * share page, and the chart page its first KPI links to. Without a server, each is an error.
 */
async function servedPagesFirstLoad(baseUrl: string | null, dataset: Dataset): Promise<RouteBundle[]> {
  const sharePath = `/share/${dataset.shareTokens.big}`;
  const pages = new Map<string, string>();
  if (baseUrl) {
    const share = await (await fetch(`${baseUrl}${sharePath}`)).text();
    pages.set("/share/[token]", share);
    const chartPath = /href="(\/share\/[^"?]+\/kpis\/[^"?]+)/.exec(share)?.[1];
    if (chartPath) pages.set("/share/[token]/kpis/[kpiId]", await (await fetch(`${baseUrl}${chartPath}`)).text());
  }
  return pagesRouterRoutes(DIST_DIR).map((route) => {
    const html = pages.get(route);
    if (html !== undefined) return servedFirstLoadJs(route, html, DIST_DIR);
    const error = baseUrl ? "no page of this route was fetched" : "the production server did not start";
    return { route, firstLoadBytes: 0, chunks: 0, budgetBytes: budgetFor(route), source: "served HTML", error };
  });
}

type RollupPartial = Omit<NonNullable<BenchResults["rollup"]>, "dashboardP50Ms" | "ratio"> | undefined;

/** Without a server, every server-side measurement is an error: their budgets fail under --check. */
function recordNotRun(reason: string, inProcess: InProcessCount[]) {
  const outcome: Outcome = { status: "error", reason };
  for (const t of LOAD_TARGETS) results.load.push({ key: t.key, label: t.label, p95BudgetMs: t.p95BudgetMs, runs: [], outcome });
  results.pages = {
    baselineRps: [],
    pages: PAGE_TARGETS.map((t) => ({ key: t.key, label: t.label, minRatio: t.minRatio, kpisListed: 0, bytes: null, run: null, ratio: null, error: reason })),
  };
  for (const t of QUERY_TARGETS) {
    results.queries.push({ key: t.key, label: t.label, sizes: { A: "A", B: "B" }, inProcess: inProcess.find((c) => c.key === t.key) ?? null, server: null, outcome });
  }
  for (const l of LIGHTHOUSE_PAGES) results.lighthouse.push({ key: l.key, label: l.label, outcome, result: null });
  for (const t of [CSV_IMPORT, ...IMPORT_TARGETS]) results.imports.push({ key: t.key, label: t.label, rows: t.rows, budgetMs: t.budgetMs, outcome });
  results.live = { listeners: LIVE_LISTENERS, edits: 0, received: 0, lost: 0, p50: null, p95: null, max: null, error: reason };
}

const LIGHTHOUSE_PAGES = [
  { key: "dashboard", label: "Dashboard page", route: "/t/[team]/dashboards/[scorecardId]/page" },
  { key: "share", label: "Shared dashboard page", route: "/share/[token]/page" },
] as const;

async function serverPhases(baseUrl: string, db: Database, dataset: Dataset, routes: Set<string>, authSecret: string, inProcess: InProcessCount[], rollup: RollupPartial) {
  const credentials = await benchCredentials(db, dataset, authSecret);

  await phase("query counts (server)", async () => {
    const statementLog = await StatementLog.open(db);
    try {
      for (const target of QUERY_TARGETS) {
        const resolved = resolveRequest(routes, target.route, target.headers, credentials, { method: "GET", path: target.path(dataset, "A") });
        const entry = { key: target.key, label: target.label, sizes: target.sizes(dataset), inProcess: inProcess.find((c) => c.key === target.key) ?? null, server: null };
        if ("outcome" in resolved) {
          results.queries.push({ ...entry, outcome: resolved.outcome });
          continue;
        }
        const server = statementLog
          ? await countOnServer(statementLog, async (p, headers) => (await probe(baseUrl, { method: "GET", path: p, headers })).status, dataset, target, resolved.request.headers)
          : null;
        results.queries.push({ ...entry, server, outcome: server?.note ? { status: "error", reason: server.note } : { status: "ok" } });
      }
    } finally {
      await statementLog?.close();
    }
  });

  await phase("lighthouse", async () => {
    const pages = LIGHTHOUSE_PAGES.map((page) =>
      page.key === "dashboard"
        ? { ...page, path: `/t/${dataset.team.slug}/dashboards/${dataset.scorecards.big.id}`, headers: { cookie: credentials.ownerCookie } as Record<string, string> }
        : { ...page, path: `/share/${dataset.shareTokens.big}`, headers: {} as Record<string, string> },
    );
    for (const page of pages) {
      if (!routes.has(page.route)) {
        results.lighthouse.push({ key: page.key, label: page.label, outcome: { status: "missing", reason: `no ${page.route} in the build` }, result: null });
        continue;
      }
      const result = await runLighthouse(`${baseUrl}${page.path}`, { headers: page.headers, runs: PLAN.lighthouseRuns });
      const finalPath = result.finalUrl ? new URL(result.finalUrl).pathname : null;
      const redirected = finalPath !== null && finalPath !== page.path;
      results.lighthouse.push({
        key: page.key,
        label: page.label,
        result,
        outcome: result.error ? { status: "error", reason: result.error } : redirected ? { status: "error", reason: `redirected to ${result.finalUrl}` } : { status: "ok" },
      });
    }
  });

  await measurePageBudgets(baseUrl, dataset, routes, credentials, PAGE_TARGETS, db);

  await phase("http load", async () => {
    for (const target of LOAD_TARGETS) {
      const resolved = resolveRequest(routes, target.route, target.headers, credentials, target.request(dataset));
      const entry = { key: target.key, label: target.label, p95BudgetMs: target.p95BudgetMs, runs: [] as BenchResults["load"][number]["runs"] };
      if ("outcome" in resolved) {
        results.load.push({ ...entry, outcome: resolved.outcome });
        continue;
      }
      const first = await probe(baseUrl, resolved.request);
      if (first.status < 200 || first.status >= 300) {
        results.load.push({ ...entry, outcome: { status: "error", reason: `HTTP ${first.status}${first.location ? ` → ${first.location}` : ""}` } });
        continue;
      }
      log(`  ${target.label}: first response ${first.ms} ms, ${first.bytes} bytes`);
      // Requests still queued on the server when a run's time is up would slow the next run:
      // one sequential request after each run waits for that queue to drain.
      await runLoad(baseUrl, resolved.request, 10, PLAN.warmup);
      await probe(baseUrl, resolved.request);
      for (const connections of CONNECTIONS) {
        const run = await runLoad(baseUrl, resolved.request, connections, PLAN.seconds);
        log(`  ${target.label} @${connections}: ${run.rps} req/s, p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, bad ${run.non2xx + run.errors}, unfinished ${run.unfinished}`);
        entry.runs.push(run);
        await probe(baseUrl, resolved.request);
      }
      const bad = entry.runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
      results.load.push({ ...entry, outcome: bad ? { status: "error", reason: `${bad} non-2xx responses or errors` } : { status: "ok" } });
    }
    const dashboard = results.load.find((e) => e.key === "dashboard")?.runs.find((r) => r.connections === 1);
    if (rollup) {
      const ratio = dashboard?.p50 && rollup.sqlMedianMs ? round(dashboard.p50 / rollup.sqlMedianMs) : null;
      results.rollup = { ...rollup, dashboardP50Ms: dashboard?.p50 ?? null, ratio };
    }
  });
  await phase("live edits", async () => {
    const members = dataset.members.slice(1);
    const cookies: string[] = [];
    for (let i = 0; i < LIVE_LISTENERS; i++) {
      const member = members[i % Math.max(1, members.length)] ?? dataset.members[0]!;
      cookies.push(await mintSessionCookie(db, member.userId, authSecret));
    }
    results.live = await measureLiveEdits({
      db, baseUrl, teamId: dataset.team.id, teamSlug: dataset.team.slug, actorId: dataset.members[0]!.userId, cookies, edits: PLAN.edits, gapMs: 150,
    });
  });

  await phase("bulk writes", async () => {
    const csv = await timeCsvImport(db, baseUrl, dataset, credentials.ownerCookie, CSV_IMPORT.rows);
    log(`  ${CSV_IMPORT.label}: ${csv.ms} ms (parse ${csv.parseMs} ms, send and write ${csv.writeMs} ms)${csv.error ? `: ${csv.error}` : ""}`);
    results.imports.push({ ...CSV_IMPORT, ms: csv.ms, httpStatus: csv.httpStatus, outcome: csv.error ? { status: "error", reason: csv.error } : { status: "ok" } });
    for (const target of IMPORT_TARGETS) {
      const { contentType, ...request } = target.request(dataset, target.rows);
      const resolved = resolveRequest(routes, target.route, target.headers, credentials, request);
      const entry = { key: target.key, label: target.label, rows: target.rows, budgetMs: target.budgetMs };
      if ("outcome" in resolved) {
        results.imports.push({ ...entry, outcome: resolved.outcome });
        continue;
      }
      const timed = await probe(baseUrl, { ...resolved.request, headers: { ...resolved.request.headers, "content-type": contentType } });
      const ok = timed.status >= 200 && timed.status < 300;
      results.imports.push({ ...entry, ms: timed.ms, httpStatus: timed.status, outcome: ok ? { status: "ok" } : { status: "error", reason: `HTTP ${timed.status}` } });
    }
  });

}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  });
