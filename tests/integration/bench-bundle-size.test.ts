// The bench's First Load JS of a served page: what its HTML makes the browser load, read from a build.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildRoutes, pagesRouterRoutes, servedFirstLoadJs } from "../../bench/bundle-size";

const dist = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-dist-"));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const chunk = "console.log('a chunk of the build');".repeat(20);
fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
fs.mkdirSync(path.join(dist, "server"), { recursive: true });
fs.writeFileSync(path.join(dist, "static", "chunks", "main.js"), chunk);
fs.writeFileSync(path.join(dist, "server", "app-paths-manifest.json"), JSON.stringify({ "/t/[team]/page": "app/t/[team]/page.js" }));
fs.writeFileSync(
  path.join(dist, "server", "pages-manifest.json"),
  JSON.stringify({ "/_app": "pages/_app.js", "/_document": "pages/_document.js", "/_error": "pages/_error.js", "/404": "pages/404.html", "/share/[token]": "pages/share/[token].js" }),
);
const gzip = (s: string) => zlib.gzipSync(s, { level: 9 }).length;

describe("servedFirstLoadJs", () => {
  it("counts each loaded chunk and each inline script, and nothing for an empty script tag", () => {
    const inline = "(function(){document.body.dataset.ready='1'})()";
    const html = `<html><head><script src="/_next/static/chunks/main.js?v=1" defer></script><script type="application/ld+json"></script></head><body><script nonce="n">${inline}</script></body></html>`;
    expect(servedFirstLoadJs("/share/[token]", html, dist)).toEqual({
      route: "/share/[token]",
      firstLoadBytes: gzip(chunk) + gzip(inline),
      chunks: 2,
      budgetBytes: 130_000,
      source: "served HTML",
    });
  });

  it("is zero for a page without script", () => {
    expect(servedFirstLoadJs("/share/[token]", "<html><body><p>Server HTML</p></body></html>", dist).firstLoadBytes).toBe(0);
  });
});

describe("the build's routes", () => {
  it("list the Pages Router's own pages beside the App Router's, not _app, _document, _error or 404", () => {
    expect(pagesRouterRoutes(dist)).toEqual(["/share/[token]"]);
    expect([...buildRoutes(dist)].sort()).toEqual(["/share/[token]/page", "/t/[team]/page"]);
  });
});
