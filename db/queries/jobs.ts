// Postgres-backed jobs (global, not tenant rows): enqueue once per dedupe key, claim atomically so
// that several workers — app instances, or the in-process loop beside an admin's "send now" —
// never run one job at the same time, and record how each run ended.
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { jobs } from "../schema";
import { clock } from "@/lib/clock";

export type Job = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  dedupeKey: string;
  payload?: unknown;
  runAt?: Date;
}

/** Enqueues jobs; a dedupe key already present is left as it is. Returns the rows actually inserted. */
export async function insertJobs(values: readonly NewJob[]): Promise<Job[]> {
  if (values.length === 0) return [];
  const db = await getDb();
  return db
    .insert(jobs)
    .values(values.map((v) => ({ kind: v.kind, dedupeKey: v.dedupeKey, payload: v.payload ?? {}, runAt: v.runAt ?? clock.now() })))
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning();
}

export async function findJobByDedupeKey(dedupeKey: string): Promise<Job | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey)).limit(1);
  return row;
}

interface ClaimOptions {
  workerId: string;
  now: Date;
  kinds: readonly string[];
  limit: number;
  /** A claim older than this is presumed dead (its worker crashed) and may be taken over. */
  leaseMs: number;
  maxAttempts: number;
  /** Claim this job only (an admin's "send now" runs its own job at once). */
  id?: string;
}

/**
 * Claims due jobs in one statement: the inner SELECT … FOR UPDATE SKIP LOCKED lets concurrent
 * workers pass over rows another is claiming, and the UPDATE re-checks the conditions on the
 * row it locked, so a job claimed and committed by one worker is never claimed by a second.
 */
export async function claimJobs(options: ClaimOptions): Promise<Job[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const db = await getDb();
  const leaseCutoff = new Date(options.now.getTime() - options.leaseMs);
  const claimable = and(
    isNull(jobs.doneAt),
    lte(jobs.runAt, options.now),
    inArray(jobs.kind, [...options.kinds]),
    or(isNull(jobs.lockedAt), lt(jobs.lockedAt, leaseCutoff)),
    lt(jobs.attempts, options.maxAttempts),
    options.id ? eq(jobs.id, options.id) : undefined,
  );
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(claimable)
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({ lockedAt: options.now, lockedBy: options.workerId, attempts: sql`${jobs.attempts} + 1` })
    .where(and(inArray(jobs.id, due), claimable))
    .returning();
}

/** The run succeeded: the job is done for good. */
export async function completeJob(id: string, workerId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db
    .update(jobs)
    .set({ doneAt: now, lockedAt: null, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)));
}

/** The run failed (or asked to run later): unlock it for another attempt at `runAt`, or give up. */
export async function releaseJob(id: string, workerId: string, values: { runAt: Date; lastError?: string | null; giveUpAt?: Date | null; refundAttempt?: boolean }): Promise<void> {
  const db = await getDb();
  await db
    .update(jobs)
    .set({
      lockedAt: null,
      runAt: values.runAt,
      ...(values.lastError !== undefined ? { lastError: values.lastError } : {}),
      ...(values.giveUpAt ? { doneAt: values.giveUpAt } : {}),
      ...(values.refundAttempt ? { attempts: sql`greatest(${jobs.attempts} - 1, 0)` } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)));
}

/** Finished jobs older than `before` (kept a while for troubleshooting, then dropped). */
export async function deleteFinishedJobs(before: Date): Promise<number> {
  const db = await getDb();
  const rows = await db.delete(jobs).where(and(isNotNull(jobs.doneAt), lt(jobs.doneAt, before))).returning({ id: jobs.id });
  return rows.length;
}

export async function findJob(id: string): Promise<Job | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}
