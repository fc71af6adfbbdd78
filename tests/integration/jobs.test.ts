// The job runner against a real database: due jobs run once and are marked done, failures retry
// with backoff and give up, "not yet" waits without spending an attempt, a crashed worker's
// claim is taken over after the lease, recurring slots are enqueued once, and two workers
// racing over the same jobs (truly in parallel on PostgreSQL) run each job exactly once.
import { eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDbHandle } from "@/db/client";
import { jobs } from "@/db/schema";
import { clock } from "@/lib/clock";
import { registerJob } from "@/lib/jobs/registry";
import { enqueueJob, enqueueRecurringJobs, LEASE_MS, MAX_ATTEMPTS, recurringSlotKey, runDueJobs, runJobNow } from "@/lib/jobs/runner";

const calls = new Map<string, string[]>();
const record = (kind: string, by: string) => calls.set(kind, [...(calls.get(kind) ?? []), by]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

registerJob("test.slow", async (payload: unknown, { workerId }) => {
  record(`test.slow:${(payload as { n: number }).n}`, workerId);
  await sleep(20);
});
registerJob("test.fail", async () => {
  record("test.fail", "x");
  throw new Error("boom");
});
registerJob("test.later", async (_p, { now }) => {
  record("test.later", "x");
  if ((calls.get("test.later")?.length ?? 0) < 2) return { runAgainAt: new Date(now.getTime() + 60_000) };
});
registerJob(
  "test.tick",
  async (_p, { workerId }) => {
    record("test.tick", workerId);
  },
  { recurring: { everyMinutes: 15 } },
);

async function jobRow(dedupeKey: string) {
  const { db } = await getDbHandle();
  const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
  return row!;
}

beforeEach(async () => {
  calls.clear();
  const { db } = await getDbHandle();
  await db.delete(jobs).where(like(jobs.kind, "test.%"));
});

describe("runDueJobs", () => {
  it("runs a due job once and marks it done; a future job waits; unknown kinds are left alone", async () => {
    const now = clock.now();
    await enqueueJob({ kind: "test.slow", dedupeKey: "due", payload: { n: 1 }, runAt: now });
    await enqueueJob({ kind: "test.slow", dedupeKey: "future", payload: { n: 2 }, runAt: new Date(now.getTime() + 3_600_000) });
    await enqueueJob({ kind: "test.unregistered", dedupeKey: "unknown", runAt: now });

    const { runs } = await runDueJobs({ workerId: "w1", now });
    expect(runs.map((r) => [r.dedupeKey, r.outcome])).toEqual([["due", "done"]]);
    expect(calls.get("test.slow:1")).toEqual(["w1"]);
    expect(await jobRow("due")).toMatchObject({ lockedBy: "w1", attempts: 1, lastError: null });
    expect((await jobRow("due")).doneAt).not.toBeNull();
    expect((await jobRow("future")).doneAt).toBeNull();
    expect(await jobRow("unknown")).toMatchObject({ attempts: 0, lockedAt: null, doneAt: null });

    // Done is done: a second pass runs nothing.
    expect((await runDueJobs({ workerId: "w2", now })).runs).toEqual([]);
  });

  it("enqueues a dedupe key once", async () => {
    const first = await enqueueJob({ kind: "test.slow", dedupeKey: "once", payload: { n: 3 } });
    const second = await enqueueJob({ kind: "test.slow", dedupeKey: "once", payload: { n: 4 } });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, job: { id: first.job.id, payload: { n: 3 } } });
  });

  it("retries a failing job with backoff and gives up after MAX_ATTEMPTS, keeping the error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let now = clock.now();
    await enqueueJob({ kind: "test.fail", dedupeKey: "fails", runAt: now });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { runs } = await runDueJobs({ workerId: "w", now });
      expect(runs.map((r) => r.outcome)).toEqual([attempt < MAX_ATTEMPTS ? "failed" : "gave_up"]);
      const row = await jobRow("fails");
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.lastError).toBe("boom");
        // Not before the backoff has passed.
        expect(row.runAt.getTime()).toBeGreaterThan(now.getTime());
        expect((await runDueJobs({ workerId: "w", now })).runs).toEqual([]);
        now = row.runAt;
      } else {
        expect(row.lastError).toMatch(/^gave up after 5 attempts: boom/);
        expect(row.doneAt).not.toBeNull();
      }
    }
    expect(calls.get("test.fail")).toHaveLength(MAX_ATTEMPTS);
    expect((await runDueJobs({ workerId: "w", now: new Date(now.getTime() + 86_400_000) })).runs).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    logged.mockRestore();
  });

  it("lets a handler say 'not yet': the job waits without spending an attempt", async () => {
    const now = clock.now();
    await enqueueJob({ kind: "test.later", dedupeKey: "later", runAt: now });
    expect((await runDueJobs({ workerId: "w", now })).runs.map((r) => r.outcome)).toEqual(["waiting"]);
    expect(await jobRow("later")).toMatchObject({ attempts: 0, lockedAt: null, doneAt: null });
    expect((await runDueJobs({ workerId: "w", now })).runs).toEqual([]);
    const { runs } = await runDueJobs({ workerId: "w", now: new Date(now.getTime() + 60_000) });
    expect(runs.map((r) => r.outcome)).toEqual(["done"]);
  });

  it("takes over a claim whose worker died, once the lease has passed", async () => {
    const now = clock.now();
    const { job } = await enqueueJob({ kind: "test.slow", dedupeKey: "orphan", payload: { n: 5 }, runAt: now });
    const { db } = await getDbHandle();
    await db.update(jobs).set({ lockedAt: now, lockedBy: "dead", attempts: 1 }).where(eq(jobs.id, job.id));
    expect((await runDueJobs({ workerId: "alive", now: new Date(now.getTime() + LEASE_MS - 1000) })).runs).toEqual([]);
    const { runs } = await runDueJobs({ workerId: "alive", now: new Date(now.getTime() + LEASE_MS + 1000) });
    expect(runs.map((r) => r.outcome)).toEqual(["done"]);
    expect(await jobRow("orphan")).toMatchObject({ lockedBy: "alive", attempts: 2 });
  });

  it("runs one named job now, and not when another worker holds it", async () => {
    const now = clock.now();
    const { job } = await enqueueJob({ kind: "test.slow", dedupeKey: "now", payload: { n: 6 }, runAt: now });
    const [first, second] = await Promise.all([runJobNow({ jobId: job.id, workerId: "a", now }), runJobNow({ jobId: job.id, workerId: "b", now })]);
    expect([first?.outcome, second?.outcome].filter(Boolean)).toEqual(["done"]);
    expect(calls.get("test.slow:6")).toHaveLength(1);
  });

  it("enqueues each recurring slot once, however many instances tick", async () => {
    const now = new Date("2026-05-05T10:07:00Z");
    await Promise.all([enqueueRecurringJobs(now), enqueueRecurringJobs(now), enqueueRecurringJobs(new Date("2026-05-05T10:14:59Z"))]);
    const { db } = await getDbHandle();
    const ticks = await db.select().from(jobs).where(eq(jobs.kind, "test.tick"));
    expect(ticks.map((t) => t.dedupeKey)).toEqual([recurringSlotKey("test.tick", 15, now)]);
    expect(ticks[0]!.dedupeKey).toBe("test.tick@2026-05-05T10:00:00.000Z");
    await Promise.all([runDueJobs({ workerId: "a", now }), runDueJobs({ workerId: "b", now })]);
    expect(calls.get("test.tick")).toHaveLength(1);
  });
});

describe("two workers on one database", () => {
  it("run each of many jobs exactly once, between them", async () => {
    const now = clock.now();
    const count = 40;
    for (let n = 0; n < count; n++) await enqueueJob({ kind: "test.slow", dedupeKey: `race-${n}`, payload: { n: 100 + n }, runAt: now });
    const [a, b] = await Promise.all([runDueJobs({ workerId: "worker-a", now }), runDueJobs({ workerId: "worker-b", now })]);
    expect(a.runs.length + b.runs.length).toBe(count);
    for (let n = 0; n < count; n++) expect(calls.get(`test.slow:${100 + n}`), `job ${n}`).toHaveLength(1);
    const { engine } = await getDbHandle();
    // On PostgreSQL both workers really run at once, and with 20 ms per job both get work.
    if (engine === "postgres") {
      expect(a.runs.length).toBeGreaterThan(0);
      expect(b.runs.length).toBeGreaterThan(0);
    }
  });
});
