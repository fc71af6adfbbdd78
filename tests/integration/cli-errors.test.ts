import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/db/pglite-lock";
import { clock } from "@/lib/clock";

// The CLI as a person runs it: every failure is one line and a non-zero exit, never a stack trace.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", ...args], { env: childEnv, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

function expectOneLine(stderr: string) {
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("PGlite data directory lock", () => {
  it("refuses a second process with a message that says what to do", () => {
    const dir = path.join(tmp, "locked");
    // Another live process holds the lock.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: holder.pid, command: "next dev", startedAt: clock.now().toISOString() }));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      const result = run(["db/cli.ts", "seed"], { DATABASE_URL: undefined, PGLITE_DATA_DIR: dir });
      expect(result.status).toBe(1);
      expectOneLine(result.stderr);
      expect(result.stderr).toContain(`in use by another process (pid ${holder.pid}: next dev)`);
      expect(result.stderr).toContain("stop that process first");
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died", () => {
    const dir = path.join(tmp, "stale");
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, command: "crashed", startedAt: "" }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});

describe("database errors at the command line", () => {
  it("names an unreachable PostgreSQL in one line", () => {
    const result = run(["db/cli.ts", "migrate"], { DATABASE_URL: "postgres://cairn@127.0.0.1:1/cairn" });
    expect(result.status).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/cairn: connection refused/);
  });

  it("names a malformed variable and stops", () => {
    const result = run(["db/cli.ts", "migrate"], { DATABASE_URL: "mysql://nope" });
    expect(result.status).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
  });

  it("rolls a failed migration back whole and says so in one line", () => {
    // A copy of the migrations whose last file fails halfway: nothing of it may remain.
    const dir = path.join(tmp, "broken-migrations");
    fs.cpSync("drizzle", dir, { recursive: true });
    const journalPath = path.join(dir, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
    journal.entries.push({ idx: journal.entries.length, version: "7", when: clock.nowMs(), tag: "9999_broken", breakpoints: true });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(path.join(dir, "9999_broken.sql"), 'CREATE TABLE "half_done" (id int);\n--> statement-breakpoint\nSELECT * FROM "no_such_table";\n');
    const data = path.join(tmp, "half-migrated");
    const result = run(["db/cli.ts", "migrate"], { DATABASE_URL: undefined, PGLITE_DATA_DIR: data, CAIRN_MIGRATIONS_DIR: dir });
    expect(result.status).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/^✖ Migration failed, nothing was applied: .*no_such_table/);

    // The database holds none of it: not even the table the broken file created first.
    const check = spawnSync(process.execPath, ["-e", `
      import("@electric-sql/pglite").then(async ({ PGlite }) => {
        const pg = await PGlite.create(${JSON.stringify(data)});
        const r = await pg.query("select to_regclass('half_done') as t, to_regclass('teams') as teams");
        console.log(JSON.stringify(r.rows[0]));
        await pg.close();
      });`], { encoding: "utf8" });
    expect(JSON.parse(check.stdout)).toEqual({ t: null, teams: null });
  });
});
