// Two app server processes (`next start`, production build) on one PostgreSQL, as behind a
// load balancer: an SSE client of instance A hears a KPI target changed through instance B's
// server action, a change committed by a third process (this test, through recordChange),
// and a presence heartbeat posted to B; and never another team's event. Runs in the
// PostgreSQL pass only (DATABASE_URL set): PGlite is one process by design.
//
// The build: NEXT_DIST_DIR=.next-live, reused when present (delete it, or set
// CAIRN_LIVE_REBUILD=1, after changing app code); otherwise built here, ~1.5–3 minutes,
// with tsconfig.json restored byte for byte afterwards (next build rewrites it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, setDbHandleForTests, type DbHandle } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { kpis, objectives, scorecards, teams } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { freePort } from "@/scripts/postgres-cluster";
import { TEMPLATE_DB } from "../support/test-database";
import { sessionCookieFor } from "../support/sessions";

const ROOT = path.resolve(__dirname, "../..");
const DIST = ".next-live";
const enabled = Boolean(process.env.DATABASE_URL);

/** Builds .next-live unless a build is there; restores tsconfig.json exactly as it was. */
function ensureBuild(): { built: boolean; ms: number } {
  const buildId = path.join(ROOT, DIST, "BUILD_ID");
  if (fs.existsSync(buildId) && process.env.CAIRN_LIVE_REBUILD !== "1") return { built: false, ms: 0 };
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = fs.readFileSync(tsconfig);
  const started = performance.now();
  try {
    const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", DATABASE_URL: "" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`next build failed:\n${(result.stdout + result.stderr).split("\n").slice(-30).join("\n")}`);
  } finally {
    if (!fs.readFileSync(tsconfig).equals(before)) fs.writeFileSync(tsconfig, before);
  }
  return { built: true, ms: performance.now() - started };
}

/** The id Next gave a server action in this build, from the build's server reference manifest. */
function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, DIST, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!found) throw new Error(`${exportedName} of ${filename} is not in ${DIST}: rebuild it (CAIRN_LIVE_REBUILD=1)`);
  return found[0];
}

interface Instance {
  url: string;
  child: ChildProcess;
  log: string[];
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const log: string[] = [];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: ROOT,
    // Its own process group, so stopping it stops whatever it started, and nothing else.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      AUTH_URL: url,
      AUTH_TRUST_HOST: "true",
      AUTH_SECRET: process.env.AUTH_SECRET,
      // The instances share this test's clock: its sessions and rows are dated by it.
      CAIRN_CLOCK: clock.now().toISOString(),
    },
  });
  child.stdout!.on("data", (d) => log.push(String(d)));
  child.stderr!.on("data", (d) => log.push(String(d)));
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${log.join("")}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.ok) return { url, child, log };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} did not become healthy: ${log.join("")}`);
}

function stopInstance(instance: Instance | undefined) {
  if (!instance?.child.pid || instance.child.exitCode !== null) return;
  try {
    process.kill(-instance.child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

type Frame = { id?: string; event?: string; data?: Record<string, unknown>; at: number };

/** An SSE client over fetch, recording each frame with the time it arrived. */
async function sseClient(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  expect(response.status).toBe(200);
  const frames: Frame[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const frame: Frame = { at: performance.now() };
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) frame.id = line.slice(4);
            if (line.startsWith("event: ")) frame.event = line.slice(7);
            if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6));
          }
          if (frame.event) frames.push(frame);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  const waitFor = async (predicate: (f: Frame) => boolean, ms = 5000) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      const found = frames.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`);
  };
  return { frames, waitFor, close: () => controller.abort() };
}

describe.skipIf(!enabled)("two app instances on one PostgreSQL", () => {
  let handle: DbHandle;
  let admin: import("postgres").Sql;
  let dbName: string;
  let a: Instance;
  let b: Instance;
  let acme: { id: string };
  let globex: { id: string };

  beforeAll(async () => {
    const build = ensureBuild();
    console.log(build.built ? `[multi-instance] built ${DIST} in ${(build.ms / 1000).toFixed(0)} s` : `[multi-instance] reusing ${DIST}`);

    // A database of our own, shared by both servers and this process (the "third instance").
    const templateUrl = inject("templateUrl");
    const { default: postgres } = await import("postgres");
    admin = postgres(templateUrl.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
    dbName = `cairn_mi_${randomBytes(5).toString("hex")}`;
    await admin.unsafe(`create database ${dbName} template ${TEMPLATE_DB}`);
    const url = templateUrl.replace(/\/[^/]*$/, `/${dbName}`);
    handle = await openDatabase({ databaseUrl: url, maxConnections: 5 });
    setDbHandleForTests(handle);
    await seedDemo(handle.db);
    acme = (await handle.db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
    globex = (await handle.db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;

    const started = performance.now();
    [a, b] = await Promise.all([startInstance(url), startInstance(url)]);
    console.log(`[multi-instance] two instances healthy in ${performance.now() - started} ms: A ${a.url}, B ${b.url}`);
  }, 15 * 60_000);

  afterAll(async () => {
    stopInstance(a);
    stopInstance(b);
    await new Promise((r) => setTimeout(r, 300));
    setDbHandleForTests(undefined);
    await handle?.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it("carries a KPI target changed through instance B's server action to an SSE client of instance A", async () => {
    const viewer = await sessionCookieFor("viewer@acme.test");
    const editor = await sessionCookieFor("editor@acme.test");
    const stream = await sseClient(`${a.url}/api/events?team=acme`, viewer.cookie);
    await stream.waitFor((f) => f.event === "ready");

    const [kpi] = await inTeam(acme.id, (tx) =>
      tx
        .select({ id: kpis.id, version: kpis.version, target: kpis.target, redThreshold: kpis.redThreshold, direction: kpis.direction, scorecardId: objectives.scorecardId })
        .from(kpis)
        .innerJoin(objectives, eq(objectives.id, kpis.objectiveId))
        .innerJoin(scorecards, eq(scorecards.id, objectives.scorecardId))
        .where(and(eq(kpis.teamId, acme.id), eq(kpis.direction, "up")))
        .limit(1),
    );
    const page = `/t/acme/scorecards/${kpi!.scorecardId}/kpis/${kpi!.id}`;
    const target = kpi!.target + 1;

    // What the browser's form does: POST the page with the action's id and its argument.
    const started = performance.now();
    const response = await fetch(`${b.url}${page}`, {
      method: "POST",
      headers: {
        cookie: editor.cookie,
        origin: b.url,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": actionId("app/t/[team]/scorecards/[scorecardId]/actions.ts", "changeKpiTargetAction"),
      },
      body: JSON.stringify([{ team: "acme", kpiId: kpi!.id, version: kpi!.version, target, redThreshold: kpi!.redThreshold, reason: "Through instance B" }]),
    });
    const answer = await response.text();
    expect(response.status, answer.slice(0, 500)).toBe(200);
    expect(answer).toContain(`"ok":true`);

    const frame = await stream.waitFor((f) => f.event === "change" && f.data?.e === "kpi" && f.data?.id === kpi!.id);
    const latency = frame.at - started;
    expect(frame.data).toMatchObject({ op: "update", v: kpi!.version + 1, a: editor.user.id, p: kpi!.scorecardId });
    expect(Number(frame.id)).toBeGreaterThan(0);
    expect(latency).toBeLessThan(1000);
    const [stored] = await inTeam(acme.id, (tx) => tx.select().from(kpis).where(eq(kpis.id, kpi!.id)));
    expect(stored).toMatchObject({ target, version: kpi!.version + 1 });
    console.log(`[multi-instance] server action on B → SSE on A: ${latency.toFixed(0)} ms (round trip of the action included)`);
    stream.close();
  });

  it("carries a change committed by a third process, and a presence heartbeat posted to B, to A; never another team's", async () => {
    const viewer = await sessionCookieFor("viewer@acme.test");
    const owner = await sessionCookieFor("owner@acme.test");
    const stream = await sseClient(`${a.url}/api/events?team=acme`, viewer.cookie);
    await stream.waitFor((f) => f.event === "ready");

    const entityId = crypto.randomUUID();
    const started = performance.now();
    await inTeam(acme.id, (tx) => recordChange(tx, { teamId: acme.id }, { actorId: null, entityType: "kpi", entityId, action: "update", field: "target", before: 1, after: 2 }, { version: 7 }));
    const frame = await stream.waitFor((f) => f.event === "change" && f.data?.id === entityId);
    const latency = frame.at - started;
    expect(frame.data).toMatchObject({ e: "kpi", op: "update", v: 7 });
    expect(latency).toBeLessThan(1000);

    const scope = `scorecard:${crypto.randomUUID()}`;
    const posted = await fetch(`${b.url}/api/presence`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json" },
      body: JSON.stringify({ team: "acme", scope, editing: `kpi:${entityId}` }),
    });
    expect(posted.status).toBe(204);
    const presence = await stream.waitFor((f) => f.event === "presence" && f.data?.scope === scope);
    expect(presence.data).toMatchObject({ userId: owner.user.id, editing: `kpi:${entityId}` });

    // Globex's changes, through either path, never reach an Acme member's stream.
    const secret = crypto.randomUUID();
    await inTeam(globex.id, (tx) => recordChange(tx, { teamId: globex.id }, { actorId: null, entityType: "kpi", entityId: secret, action: "update" }));
    const gus = await sessionCookieFor("owner@globex.test");
    await fetch(`${b.url}/api/presence`, {
      method: "POST",
      headers: { cookie: gus.cookie, "content-type": "application/json" },
      body: JSON.stringify({ team: "globex", scope: `scorecard:${secret}` }),
    });
    // A later Acme event proves the stream kept flowing past the moment Globex's would have arrived.
    const marker = crypto.randomUUID();
    await inTeam(acme.id, (tx) => recordChange(tx, { teamId: acme.id }, { actorId: null, entityType: "kpi", entityId: marker, action: "update" }));
    await stream.waitFor((f) => f.data?.id === marker);
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(stream.frames)).not.toContain(secret);
    console.log(`[multi-instance] third process → SSE on A: ${latency.toFixed(0)} ms`);
    stream.close();
  });
});
