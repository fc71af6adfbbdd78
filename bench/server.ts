// Builds the production app into its own dist dir and runs it as `npm start` does
// (scripts/start.mjs: one `next start` process per core) on a free local port, with node as our
// direct child, so stopping the child really stops the server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const START_SCRIPT = path.join("scripts", "start.mjs");

/** A clean environment: nothing from the caller's shell (Stripe keys, PGlite paths…) leaks into the bench server. */
function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "LANG", "TMPDIR"];
  const env: Record<string, string> = { NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of keep) if (process.env[key]) env[key] = process.env[key]!;
  return env;
}

/**
 * `next build` rewrites tsconfig.json to include its dist dir's generated types. In a checkout
 * others are working in, that is an unasked-for edit: put the file back as it was, but only
 * when Next's additions are the sole difference (anyone else's edit is left alone).
 */
function restoreTsconfig(original: string, warn: (line: string) => void): void {
  const file = "tsconfig.json";
  const now = fs.readFileSync(file, "utf8");
  if (now === original) return;
  const withoutBench = (text: string) => {
    const json = JSON.parse(text) as { include?: string[] };
    json.include = json.include?.filter((p) => !p.startsWith(`${DIST_DIR}/`));
    return JSON.stringify(json);
  };
  try {
    if (withoutBench(now) === withoutBench(original)) {
      fs.writeFileSync(file, original);
      return;
    }
  } catch {
    // not plain JSON: leave it
  }
  warn(`tsconfig.json changed during the build beyond Next's ${DIST_DIR} includes; left as it is`);
}

/** `next build` into .next-bench; throws with the tail of the output when it fails. */
export function buildApp(authSecret: string, warn: (line: string) => void): { seconds: number } {
  const started = performance.now();
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    env: { ...baseEnv(), NODE_ENV: "production", AUTH_SECRET: authSecret, APP_URL: "http://localhost:3000" },
    encoding: "utf8",
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  restoreTsconfig(tsconfig, warn);
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (fs.existsSync(DIST_DIR)) fs.writeFileSync(path.join(DIST_DIR, "bench-build.log"), output);
  if (result.status !== 0) {
    throw new Error(`next build failed (${result.error?.message ?? `exit ${result.status}`}):\n${output.trim().split("\n").slice(-25).join("\n")}`);
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10 };
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** The server's database: a PostgreSQL URL, or an embedded PGlite directory (then `npm start` runs one process). */
export type ServerDatabase = { url: string } | { pgliteDir: string };

export async function startServer(options: { port: number; database: ServerDatabase; authSecret: string }): Promise<RunningServer> {
  if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`No production build in ${DIST_DIR}: run without --skip-build first.`);
  const log = fs.openSync(path.join(DIST_DIR, "bench-server.log"), "w");
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", goes to the server's node.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, START_SCRIPT, "-p", String(options.port), "-H", "127.0.0.1"], {
    env: {
      ...baseEnv(),
      NODE_ENV: "production",
      ...("url" in options.database ? { DATABASE_URL: options.database.url } : { PGLITE_DATA_DIR: options.database.pgliteDir }),
      AUTH_SECRET: options.authSecret,
      APP_URL: `http://localhost:${options.port}`,
      AUTH_TRUST_HOST: "true",
      // The load runs thousands of API requests a minute with one key; and the job loop's
      // statements would be counted as the pages' own.
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      CAIRN_JOBS: "off",
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exit;
    clearTimeout(timer);
  };
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && !exited) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { baseUrl, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  const tail = fs.readFileSync(path.join(DIST_DIR, "bench-server.log"), "utf8").trim().split("\n").slice(-15).join("\n");
  throw new Error(`next start did not become healthy within 60 s:\n${tail}`);
}
