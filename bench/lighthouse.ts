// Lighthouse (the npm package, default mobile settings: Moto G Power emulation, simulated slow
// 4G and 4x CPU slowdown) against the production server, in the Debian Chromium.
import fs from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { median, round } from "./stats";

export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

export interface LighthouseResult {
  url: string;
  /** Median performance score (0–100) over the runs. */
  score: number | null;
  runs: number[];
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Bytes of JavaScript the page actually transferred (compressed) on load, from the same run. */
  scriptTransferBytes: number | null;
  finalUrl: string | null;
  error?: string;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
}

export async function runLighthouse(url: string, options: { headers?: Record<string, string>; runs: number }): Promise<LighthouseResult> {
  // chrome-launcher throws from an event handler (the whole bench would die) when the binary is missing.
  if (!fs.existsSync(CHROMIUM)) {
    return { url, score: null, runs: [], lcpMs: null, tbtMs: null, cls: null, scriptTransferBytes: null, finalUrl: null, error: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  }
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const scores: number[] = [];
  let last: LighthouseResult = { url, score: null, runs: [], lcpMs: null, tbtMs: null, cls: null, scriptTransferBytes: null, finalUrl: null };
  // A run that fails to record its trace (NO_NAVSTART and the like) is Chromium's hiccup, not the page's: try again, twice at most.
  let retries = 2;
  try {
    while (scores.length < options.runs) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        extraHeaders: options.headers ?? null,
        maxWaitForLoad: 45_000,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error("Lighthouse returned no result");
      if (lhr.runtimeError) {
        if (retries-- > 0) continue;
        throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      }
      const score = lhr.categories.performance?.score;
      if (typeof score !== "number") throw new Error("Lighthouse gave no performance score");
      scores.push(Math.round(score * 100));
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? null;
      const items = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []) as NetworkItem[];
      last = {
        url,
        score: null,
        runs: [],
        lcpMs: round(audit("largest-contentful-paint"), 0),
        tbtMs: round(audit("total-blocking-time"), 0),
        cls: round(audit("cumulative-layout-shift"), 3),
        scriptTransferBytes: items.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
        finalUrl: lhr.finalDisplayedUrl ?? null,
      };
    }
  } catch (error) {
    return { ...last, score: null, runs: scores, error: error instanceof Error ? error.message : String(error) };
  } finally {
    chrome.kill();
  }
  return { ...last, score: median(scores), runs: scores };
}
