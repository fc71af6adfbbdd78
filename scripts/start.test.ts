// `npm start`'s process count: refused with the variable's name when it is not a whole number,
// and one process (no cluster) on PGlite, where the database lives inside that process.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ["scripts/start.mjs", "--help"], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env }, encoding: "utf8", timeout: 30_000 });

describe("scripts/start.mjs", () => {
  it("refuses a WEB_CONCURRENCY that is not a whole number of processes, naming it", () => {
    for (const value of ["x", "0", "-1", "1.5"]) {
      const run = start({ WEB_CONCURRENCY: value });
      expect(run.status, value).toBe(1);
      expect(run.stderr).toContain(`WEB_CONCURRENCY must be a whole number of server processes, such as 2 (got "${value}")`);
    }
  });

  it("runs next start in its own process on PGlite (here: its help, so nothing listens)", () => {
    const run = start({});
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/next start|Usage/i);
    expect(run.stdout).not.toContain("server processes");
  });
});
