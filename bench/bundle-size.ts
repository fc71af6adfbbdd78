// First Load JS per route, read from the build output: the shared root chunks every page loads
// (build-manifest.json rootMainFiles) plus the client chunks of the route's own segments
// (entryJSFiles of its client-reference manifest: root layout, boundaries, nested layouts, page),
// each gzipped once (level 9, as Next's own size report did). Next 16 no longer prints this table.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

export interface RouteBundle {
  route: string;
  /** gzip bytes of every distinct JS chunk the route loads first. */
  firstLoadBytes: number;
  chunks: number;
  budgetBytes: number | null;
}

export const TENANT_BUDGET_BYTES = 170_000;
export const SHARE_BUDGET_BYTES = 130_000;

export function budgetFor(route: string): number | null {
  if (route.startsWith("/share/")) return SHARE_BUDGET_BYTES;
  if (route === "/t/[team]" || route.startsWith("/t/[team]/")) return TENANT_BUDGET_BYTES;
  return null;
}

/** Route patterns of the build (pages and route handlers), e.g. "/t/[team]/dashboards/[scorecardId]/page". */
export function buildRoutes(distDir: string): Set<string> {
  const file = path.join(distDir, "server", "app-paths-manifest.json");
  if (!fs.existsSync(file)) return new Set();
  return new Set(Object.keys(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>));
}

/** "/(marketing)/pricing/page" → "/pricing"; "/t/[team]/page" → "/t/[team]". */
export function displayRoute(entry: string): string {
  const parts = entry.replace(/\/(page|route)$/, "").split("/").filter((p) => p && !/^\(.+\)$/.test(p));
  return `/${parts.join("/")}`;
}

function readClientManifest(file: string): { entryJSFiles?: Record<string, string[]> } | undefined {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { timeout: 1000 });
  const manifests = Object.values(sandbox.__RSC_MANIFEST ?? {});
  return manifests[0] as { entryJSFiles?: Record<string, string[]> } | undefined;
}

export function firstLoadJs(distDir: string): RouteBundle[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const gzipCache = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    if (!gzipCache.has(chunk)) {
      const file = path.join(distDir, chunk.replace(/^\/?_next\//, ""));
      gzipCache.set(chunk, fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0);
    }
    return gzipCache.get(chunk)!;
  };
  const bundles: RouteBundle[] = [];
  for (const entry of buildRoutes(distDir)) {
    if (!entry.endsWith("/page") || entry.startsWith("/_")) continue;
    const manifestFile = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!fs.existsSync(manifestFile)) continue;
    const manifest = readClientManifest(manifestFile);
    const chunks = new Set<string>(buildManifest.rootMainFiles ?? []);
    for (const files of Object.values(manifest?.entryJSFiles ?? {})) for (const f of files) chunks.add(f.replace(/^\/?_next\//, ""));
    const route = displayRoute(entry);
    bundles.push({
      route,
      firstLoadBytes: [...chunks].reduce((sum, c) => sum + gzipSize(c), 0),
      chunks: chunks.size,
      budgetBytes: budgetFor(route),
    });
  }
  return bundles.sort((a, b) => a.route.localeCompare(b.route));
}
