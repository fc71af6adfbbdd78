// What the benchmark loads. Each target names the route it exercises (its key in the build's
// app-paths-manifest: a route that is not in the build is reported "missing") and builds its
// request from the dataset; its headers come from a factory over the credentials, which answers
// null when a prerequisite (an API key) does not exist yet, also reported "missing".
import type { BenchCredentials } from "./auth";
import type { Dataset } from "./dataset";

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  /** Several bodies are sent in turn (so concurrent batches do not all fight over the same rows). */
  bodies?: string[];
}

export type HeaderFactory = (credentials: BenchCredentials) => Record<string, string> | null;

export const sessionHeaders: HeaderFactory = (c) => ({ cookie: c.ownerCookie });
export const bearerHeaders: HeaderFactory = (c) => (c.apiKey ? { authorization: `Bearer ${c.apiKey}` } : null);

export interface LoadTarget {
  key: string;
  label: string;
  route: string;
  headers: HeaderFactory;
  /** Budget on p95 latency at 10 connections, when the issue sets one. */
  p95BudgetMs?: number;
  request(dataset: Dataset): Omit<BenchRequest, "headers">;
}

/** One batch item per (KPI, week), walking back from the latest seeded week; deterministic. */
export function measurementItems(dataset: Dataset, count: number, offset = 0): Array<{ kpiId: string; period: string; value: number; note?: string }> {
  const kpis = dataset.kpiIds;
  const weeks = dataset.periods;
  const items = [];
  for (let i = offset; i < offset + count; i++) {
    const kpiId = kpis[i % kpis.length]!;
    const back = Math.floor(i / kpis.length);
    items.push({ kpiId, period: weekBefore(weeks.at(-1)!, back), value: 50 + (i % 100) / 10 });
  }
  return items;
}

function weekBefore(period: string, weeks: number): string {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7 * weeks);
  return d.toISOString().slice(0, 10);
}

const batchBody = (dataset: Dataset, size: number, variant: number) => JSON.stringify({ items: measurementItems(dataset, size, variant * size) });

export const LOAD_TARGETS: LoadTarget[] = [
  {
    key: "dashboard",
    label: "Dashboard page",
    route: "/t/[team]/dashboards/[scorecardId]/page",
    headers: sessionHeaders,
    p95BudgetMs: 150,
    request: (d) => ({ method: "GET", path: `/t/${d.team.slug}/dashboards/${d.scorecards.big.id}` }),
  },
  {
    key: "editor",
    label: "Scorecard editor page",
    route: "/t/[team]/scorecards/[scorecardId]/page",
    headers: sessionHeaders,
    request: (d) => ({ method: "GET", path: `/t/${d.team.slug}/scorecards/${d.scorecards.big.id}` }),
  },
  {
    key: "journey",
    label: "Journey canvas page",
    route: "/t/[team]/journeys/[journeyId]/page",
    headers: sessionHeaders,
    request: (d) => ({ method: "GET", path: `/t/${d.team.slug}/journeys/${d.journeys.big.id}` }),
  },
  {
    key: "api-scorecard",
    label: "GET /api/v1/scorecards/{id}",
    route: "/api/v1/scorecards/[id]/route",
    headers: bearerHeaders,
    p95BudgetMs: 150,
    request: (d) => ({ method: "GET", path: `/api/v1/scorecards/${d.scorecards.big.id}` }),
  },
  {
    key: "api-batch-1k",
    label: "POST /api/v1/measurements/batch (1,000 items)",
    route: "/api/v1/measurements/batch/route",
    headers: (c) => {
      const auth = bearerHeaders(c);
      return auth && { ...auth, "content-type": "application/json" };
    },
    request: (d) => ({ method: "POST", path: "/api/v1/measurements/batch", bodies: Array.from({ length: 8 }, (_, v) => batchBody(d, 1000, v)) }),
  },
];

/** Pages whose SQL statements per request are counted at two sizes: A (the probe) and B (the big one). */
export interface QueryTarget {
  key: "dashboard" | "dashboard-kpis" | "editor" | "journey" | "share" | "api-scorecard" | "organisation";
  label: string;
  route: string;
  headers: HeaderFactory;
  path(dataset: Dataset, size: "A" | "B"): string;
  /** What grows from A to B, for the table. */
  sizes(dataset: Dataset): { A: string; B: string };
}

const cardSizes = (d: Dataset) => ({ A: `${d.scorecards.probe.kpis} KPIs`, B: `${d.scorecards.big.kpis} KPIs` });
const card = (d: Dataset, size: "A" | "B") => (size === "A" ? d.scorecards.probe.id : d.scorecards.big.id);

export const QUERY_TARGETS: QueryTarget[] = [
  { key: "dashboard", label: "Dashboard page", route: LOAD_TARGETS[0]!.route, headers: sessionHeaders, sizes: cardSizes, path: (d, s) => `/t/${d.team.slug}/dashboards/${card(d, s)}` },
  {
    key: "dashboard-kpis",
    label: "Dashboard KPI cards (one perspective)",
    route: "/t/[team]/dashboards/[scorecardId]/kpis/route",
    headers: sessionHeaders,
    sizes: (d) => ({ A: `${d.scorecards.probe.kpis / 4} KPIs`, B: `${d.scorecards.big.kpis / 4} KPIs` }),
    path: (d, s) => `/t/${d.team.slug}/dashboards/${card(d, s)}/kpis?perspective=${(s === "A" ? d.scorecards.probe : d.scorecards.big).perspectiveId}`,
  },
  { key: "editor", label: "Scorecard editor page", route: LOAD_TARGETS[1]!.route, headers: sessionHeaders, sizes: cardSizes, path: (d, s) => `/t/${d.team.slug}/scorecards/${card(d, s)}` },
  {
    key: "journey",
    label: "Journey canvas page",
    route: LOAD_TARGETS[2]!.route,
    headers: sessionHeaders,
    sizes: (d) => ({ A: `${d.journeys.probe.stages} stages`, B: `${d.journeys.big.stages} stages` }),
    path: (d, s) => `/t/${d.team.slug}/journeys/${s === "A" ? d.journeys.probe.id : d.journeys.big.id}`,
  },
  {
    key: "share",
    label: "Shared dashboard page",
    route: "/share/[token]/page",
    headers: () => ({}),
    sizes: cardSizes,
    path: (d, s) => `/share/${s === "A" ? d.shareTokens.probe : d.shareTokens.big}`,
  },
  { key: "api-scorecard", label: "GET /api/v1/scorecards/{id}", route: LOAD_TARGETS[3]!.route, headers: bearerHeaders, sizes: cardSizes, path: (d, s) => `/api/v1/scorecards/${card(d, s)}` },
  {
    // A: a division's subtree (the division and its departments); B: the whole company.
    key: "organisation",
    label: "Organisation dashboard page",
    route: "/t/[team]/dashboards/[scorecardId]/organisation/page",
    headers: sessionHeaders,
    sizes: (d) => ({ A: `${orgUnitsOf(d, d.org.divisionIds[0] ?? d.org.rootId)} units`, B: `${d.org.units} units` }),
    path: (d, s) => `/t/${d.team.slug}/dashboards/${orgRootOf(d, s)}/organisation`,
  },
];

/** The organisation dashboard's unit at size A (the first division) and B (the company root). */
export const orgRootOf = (d: Dataset, size: "A" | "B") => (size === "A" ? (d.org.divisionIds[0] ?? d.org.rootId) : d.org.rootId);

/** Units in the subtree of `id`: itself and, for a division, its departments (the dataset's tree is three levels). */
function orgUnitsOf(d: Dataset, id: string): number {
  if (id === d.org.rootId) return d.org.units;
  const index = d.org.divisionIds.indexOf(id);
  // Departments go round the divisions in turn (bench/dataset.ts orgParents).
  return 1 + d.org.departmentIds.filter((_, i) => i % d.org.divisionIds.length === index).length;
}

/** End-to-end bulk writes, timed once each. */
export interface ImportTarget {
  key: string;
  label: string;
  route: string;
  rows: number;
  budgetMs: number;
  headers: HeaderFactory;
  request(dataset: Dataset, rows: number): Omit<BenchRequest, "headers"> & { contentType: string };
}

/** The CSV import is timed by csv-import.ts (it parses the file as the browser does first). */
export const CSV_IMPORT = { key: "csv-import-100k", label: "CSV import, 100,000 rows (parse, check, write)", rows: 100_000, budgetMs: 15_000 } as const;

export const IMPORT_TARGETS: ImportTarget[] = [
  {
    key: "api-batch-10k",
    label: "POST /api/v1/measurements/batch (10,000 items)",
    route: "/api/v1/measurements/batch/route",
    rows: 10_000,
    budgetMs: 3_000,
    headers: bearerHeaders,
    request: (d, rows) => ({ method: "POST", path: "/api/v1/measurements/batch", contentType: "application/json", bodies: [JSON.stringify({ items: measurementItems(d, rows, 50_000) })] }),
  },
];
