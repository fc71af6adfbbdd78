// Page budgets: every main page's throughput at 10 connections as a share of /account's in the
// same run (a light signed-in page, so the ratio holds on any machine), its p95, and the raw HTML
// it sends (the RSC payload inlined in it included).
import type { Dataset } from "./dataset";
import { probe, runLoad, type LoadResult } from "./load";
import { bearerHeaders, sessionHeaders, type BenchRequest, type HeaderFactory } from "./targets";

export interface PageTarget {
  key: string;
  label: string;
  /** The route's key in the build, to report a page that does not exist as "missing". */
  route: string;
  headers: HeaderFactory;
  /** Throughput at 10 connections, at least this share of /account's. */
  minRatio: number;
  /** KPIs the page lists (the bytes-per-KPI budget applies to pages listing a scorecard's KPIs). */
  kpisListed(d: Dataset): number;
  path(d: Dataset): string;
}

export const BASELINE_KEY = "account";
export const PAGE_P95_BUDGET_MS = 250;
export const PAGE_BYTES_BUDGET = 350_000;
export const BYTES_PER_KPI_BUDGET = 2_000;

const none = () => 0;
const bigKpis = (d: Dataset) => d.scorecards.big.kpis;
const t = (d: Dataset) => `/t/${d.team.slug}`;
const card = (d: Dataset) => d.scorecards.big.id;

export const PAGE_TARGETS: PageTarget[] = [
  { key: BASELINE_KEY, label: "Account (baseline)", route: "/account/page", headers: sessionHeaders, minRatio: 0, kpisListed: none, path: () => "/account" },
  { key: "overview", label: "Team overview", route: "/t/[team]/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: t },
  { key: "editor", label: "Scorecard editor", route: "/t/[team]/scorecards/[scorecardId]/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: bigKpis, path: (d) => `${t(d)}/scorecards/${card(d)}` },
  {
    key: "measurements",
    label: "Measurements grid",
    route: "/t/[team]/scorecards/[scorecardId]/measurements/page",
    headers: sessionHeaders,
    minRatio: 0.33,
    kpisListed: bigKpis,
    path: (d) => `${t(d)}/scorecards/${card(d)}/measurements`,
  },
  { key: "strategy-map", label: "Strategy map", route: "/t/[team]/scorecards/[scorecardId]/strategy-map/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/scorecards/${card(d)}/strategy-map` },
  { key: "alignment", label: "Alignment matrix", route: "/t/[team]/scorecards/[scorecardId]/alignment/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/scorecards/${card(d)}/alignment` },
  { key: "kpi", label: "KPI page", route: "/t/[team]/scorecards/[scorecardId]/kpis/[kpiId]/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/scorecards/${card(d)}/kpis/${d.scorecards.big.kpiId}` },
  { key: "dashboard", label: "Dashboard", route: "/t/[team]/dashboards/[scorecardId]/page", headers: sessionHeaders, minRatio: 0.5, kpisListed: bigKpis, path: (d) => `${t(d)}/dashboards/${card(d)}` },
  {
    key: "organisation",
    label: "Organisation dashboard (company root)",
    route: "/t/[team]/dashboards/[scorecardId]/organisation/page",
    headers: sessionHeaders,
    minRatio: 0.33,
    kpisListed: none,
    path: (d) => `${t(d)}/dashboards/${d.org.rootId}/organisation`,
  },
  {
    key: "department",
    label: "Department scorecard (editor)",
    route: "/t/[team]/scorecards/[scorecardId]/page",
    headers: sessionHeaders,
    minRatio: 0.33,
    kpisListed: (d) => d.org.department.kpis,
    path: (d) => `${t(d)}/scorecards/${d.org.department.id}`,
  },
  { key: "share", label: "Shared dashboard (anonymous)", route: "/share/[token]/page", headers: () => ({}), minRatio: 0.8, kpisListed: bigKpis, path: (d) => `/share/${d.shareTokens.big}` },
  { key: "share-kpi", label: "Shared KPI page (anonymous)", route: "/share/[token]/kpis/[kpiId]/page", headers: () => ({}), minRatio: 0.33, kpisListed: none, path: (d) => `/share/${d.shareTokens.big}/kpis/${d.scorecards.big.kpiId}` },
  { key: "journeys", label: "Journey list", route: "/t/[team]/journeys/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/journeys` },
  { key: "journey", label: "Journey canvas", route: "/t/[team]/journeys/[journeyId]/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/journeys/${d.journeys.big.id}` },
  { key: "my-updates", label: "My updates", route: "/t/[team]/my-updates/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/my-updates` },
  { key: "inbox", label: "Inbox", route: "/t/[team]/inbox/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/inbox` },
  { key: "activity", label: "Activity", route: "/t/[team]/activity/page", headers: sessionHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `${t(d)}/activity` },
  { key: "api-scorecard", label: "GET /api/v1/scorecards/{id}", route: "/api/v1/scorecards/[id]/route", headers: bearerHeaders, minRatio: 0.33, kpisListed: none, path: (d) => `/api/v1/scorecards/${card(d)}` },
];

export interface PageEntry {
  key: string;
  label: string;
  minRatio: number;
  kpisListed: number;
  /** Bytes of the first successful response's body. */
  bytes: number | null;
  run: LoadResult | null;
  /**
   * Data statements PostgreSQL ran for one request (BEGIN/COMMIT and the RLS binding left out):
   * the page's first (nothing kept yet) and one after its load (its kept models in place).
   * Null where the database keeps no statement log (PGlite).
   */
  queries?: { cold: number | null; warm: number | null };
  /** Throughput as a share of the baseline's (null for the baseline itself, or when unmeasured). */
  ratio: number | null;
  error?: string;
}

export interface PageResults {
  /** /account's req/s at 10 connections, measured three times across the phase; the median is the baseline. */
  baselineRps: number[];
  pages: PageEntry[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? null;

/**
 * Loads each page at 10 connections after a warm-up of its own, and /account at the start, the
 * middle and the end, so a machine that gets busier or quieter during the phase moves the
 * baseline with it. `request` is null for a page whose route or credentials are missing.
 */
export async function measurePages(
  baseUrl: string,
  targets: Array<{ target: PageTarget; request: BenchRequest | null; missing?: string; kpisListed: number }>,
  plan: { warmup: number; seconds: number },
  log: (line: string) => void,
  countStatements: (request: () => Promise<unknown>) => Promise<number | null> = async () => null,
): Promise<PageResults> {
  const baseline = targets.find((t) => t.target.key === BASELINE_KEY);
  const baselineRps: number[] = [];
  const measureBaseline = async () => {
    if (!baseline?.request) return;
    await runLoad(baseUrl, baseline.request, 10, plan.warmup);
    const run = await runLoad(baseUrl, baseline.request, 10, plan.seconds);
    if (run.rps !== null && run.non2xx + run.errors === 0) baselineRps.push(run.rps);
    log(`  ${baseline.target.label} @10: ${run.rps} req/s, p95 ${run.p95} ms`);
  };

  const entries: PageEntry[] = [];
  const others = targets.filter((t) => t !== baseline);
  await measureBaseline();
  for (const [index, { target, request, missing, kpisListed }] of others.entries()) {
    if (index === Math.floor(others.length / 2)) await measureBaseline();
    const entry: PageEntry = { key: target.key, label: target.label, minRatio: target.minRatio, kpisListed, bytes: null, run: null, ratio: null };
    entries.push(entry);
    if (!request) {
      entry.error = missing ?? "missing";
      continue;
    }
    let first: Awaited<ReturnType<typeof probe>> = { status: 0, ms: 0, bytes: 0, location: null };
    const cold = await countStatements(async () => (first = await probe(baseUrl, request)));
    if (first.status < 200 || first.status >= 300) {
      entry.error = `HTTP ${first.status}${first.location ? ` → ${first.location}` : ""}`;
      continue;
    }
    entry.bytes = first.bytes;
    await runLoad(baseUrl, request, 10, plan.warmup);
    await probe(baseUrl, request);
    entry.run = await runLoad(baseUrl, request, 10, plan.seconds);
    entry.queries = { cold, warm: await countStatements(() => probe(baseUrl, request)) };
    const bad = entry.run.non2xx + entry.run.errors;
    if (bad) entry.error = `${bad} non-2xx responses or errors`;
    log(`  ${target.label} @10: ${entry.run.rps} req/s, p50 ${entry.run.p50} ms, p95 ${entry.run.p95} ms, ${(first.bytes / 1000).toFixed(1)} kB`);
  }
  await measureBaseline();

  const base = median(baselineRps);
  for (const entry of entries) {
    if (base && entry.run?.rps) entry.ratio = Math.round((entry.run.rps / base) * 100) / 100;
  }
  const baselineEntry: PageEntry = {
    key: BASELINE_KEY, label: baseline?.target.label ?? "Account (baseline)", minRatio: 0, kpisListed: 0, bytes: null, run: null, ratio: null,
    ...(base ? {} : { error: baseline?.missing ?? "the baseline could not be measured" }),
  };
  return { baselineRps, pages: [baselineEntry, ...entries] };
}
