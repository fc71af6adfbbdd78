// First Load JS per route. App Router pages: read from the build output — the shared root chunks
// every page loads (build-manifest.json rootMainFiles) plus the client chunks of the route's own
// segments (entryJSFiles of its client-reference manifest: root layout, boundaries, nested
// layouts, page). Pages Router pages (the share pages, sent without Next's client runtime): the
// scripts their served HTML loads, external chunks read from the build and inline scripts as sent.
// Each file gzipped once (level 9, as Next's own size report did). Next 16 no longer prints this table.
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
  /** Where the figure comes from; a served page that could not be fetched says why instead. */
  source: "build" | "served HTML";
  error?: string;
}

export const TENANT_BUDGET_BYTES = 170_000;
export const SHARE_BUDGET_BYTES = 130_000;

export function budgetFor(route: string): number | null {
  if (route.startsWith("/share/")) return SHARE_BUDGET_BYTES;
  if (route === "/t/[team]" || route.startsWith("/t/[team]/")) return TENANT_BUDGET_BYTES;
  return null;
}

/**
 * Route patterns of the build (pages and route handlers), e.g. "/t/[team]/dashboards/[scorecardId]/page";
 * the Pages Router's pages in the same form ("/share/[token]/page").
 */
export function buildRoutes(distDir: string): Set<string> {
  const file = path.join(distDir, "server", "app-paths-manifest.json");
  if (!fs.existsSync(file)) return new Set();
  const appRoutes = Object.keys(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>);
  return new Set([...appRoutes, ...pagesRouterRoutes(distDir).map((route) => `${route}/page`)]);
}

/** The Pages Router's own pages (pages-manifest.json), e.g. "/share/[token]"; not _app, _document or _error. */
export function pagesRouterRoutes(distDir: string): string[] {
  const file = path.join(distDir, "server", "pages-manifest.json");
  if (!fs.existsSync(file)) return [];
  return Object.keys(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>).filter((route) => !route.startsWith("/_") && route !== "/404" && route !== "/500");
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

const gzipBytes = (content: string | Buffer) => zlib.gzipSync(content, { level: 9 }).length;

/** Gzip bytes of a built chunk ("/_next/static/…" or "static/…"), 0 for a file the build does not have. */
function chunkGzipSizer(distDir: string): (chunk: string) => number {
  const sizes = new Map<string, number>();
  return (chunk) => {
    if (!sizes.has(chunk)) {
      const file = path.join(distDir, chunk.replace(/^\/?_next\//, ""));
      sizes.set(chunk, fs.existsSync(file) ? gzipBytes(fs.readFileSync(file)) : 0);
    }
    return sizes.get(chunk)!;
  };
}

/** App Router pages, from the build output. */
export function firstLoadJs(distDir: string): RouteBundle[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const gzipSize = chunkGzipSizer(distDir);
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
      source: "build",
    });
  }
  return bundles.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * A page as served: the scripts its HTML makes the browser load — each `<script src>` (a chunk of
 * the build) and each inline script (JSON data blocks included: the browser downloads them too).
 */
export function servedFirstLoadJs(route: string, html: string, distDir: string): RouteBundle {
  const gzipSize = chunkGzipSizer(distDir);
  let bytes = 0;
  let chunks = 0;
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
    if (src) bytes += gzipSize(new URL(src, "http://x").pathname);
    else if (body!.trim()) bytes += gzipBytes(body!);
    else continue;
    chunks += 1;
  }
  return { route, firstLoadBytes: bytes, chunks, budgetBytes: budgetFor(route), source: "served HTML" };
}
