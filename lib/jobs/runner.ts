// Running jobs: claim what is due (atomically, see db/queries/jobs.ts), run each handler, and
// record the outcome. Failures retry with backoff and give up after MAX_ATTEMPTS; a worker that
// dies mid-run loses its claim after the lease, so the job is picked up again elsewhere.
import { claimJobs, completeJob, findJobByDedupeKey, insertJobs, releaseJob, type Job, type NewJob } from "@/db/queries/jobs";
import { clock } from "@/lib/clock";
import { getRegisteredJob, recurringJobs, registeredKinds } from "./registry";

export const MAX_ATTEMPTS = 5;
/** Longer than any job should take; a claim older than this is presumed dead. */
export const LEASE_MS = 10 * 60_000;
const BATCH = 10;
/** One call never runs more than this many jobs, so a flood cannot starve the caller. */
const MAX_PER_CALL = 100;

export type RunOutcome = "done" | "failed" | "gave_up" | "waiting";

export interface JobRun {
  id: string;
  kind: string;
  dedupeKey: string;
  outcome: RunOutcome;
  error?: string;
}

export interface RunSummary {
  workerId: string;
  runs: JobRun[];
}

/** Enqueues a job; when its dedupe key exists already, returns the existing job and `created: false`. */
export async function enqueueJob(job: NewJob): Promise<{ job: Job; created: boolean }> {
  const [created] = await insertJobs([job]);
  if (created) return { job: created, created: true };
  const existing = await findJobByDedupeKey(job.dedupeKey);
  if (!existing) throw new Error(`job ${job.dedupeKey} neither inserted nor found`);
  return { job: existing, created: false };
}

/** The dedupe key of a recurring job's current slot: one run per slot across every instance. */
export function recurringSlotKey(kind: string, everyMinutes: number, now: Date): string {
  const slotMs = everyMinutes * 60_000;
  const start = new Date(Math.floor(now.getTime() / slotMs) * slotMs);
  return `${kind}@${start.toISOString()}`;
}

/** Enqueues the current slot of every recurring kind (a no-op for slots already enqueued). */
export async function enqueueRecurringJobs(now: Date): Promise<void> {
  const due = recurringJobs().map((j) => ({ kind: j.kind, dedupeKey: recurringSlotKey(j.kind, j.recurring!.everyMinutes, now), runAt: now }));
  await insertJobs(due);
}

function backoff(attempts: number): number {
  return Math.min(60 * 60_000, 2 ** Math.max(0, attempts - 1) * 60_000);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

async function runClaimed(job: Job, workerId: string, now: Date): Promise<JobRun> {
  const base = { id: job.id, kind: job.kind, dedupeKey: job.dedupeKey };
  const registered = getRegisteredJob(job.kind);
  try {
    if (!registered) throw new Error(`no handler for job kind ${job.kind}`);
    let payload: unknown = job.payload;
    if (registered.schema) {
      const parsed = registered.schema.safeParse(job.payload);
      if (!parsed.success) {
        // A payload that does not parse never will: give up at once, with the reason.
        const error = `payload does not parse: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"} ${i.message}`).join("; ")}`;
        await releaseJob(job.id, workerId, { runAt: now, lastError: error, giveUpAt: now });
        return { ...base, outcome: "gave_up", error };
      }
      payload = parsed.data;
    }
    const outcome = await registered.handler(payload, { job, workerId, now });
    if (outcome && "runAgainAt" in outcome) {
      await releaseJob(job.id, workerId, { runAt: outcome.runAgainAt, refundAttempt: true });
      return { ...base, outcome: "waiting" };
    }
    await completeJob(job.id, workerId, clock.now());
    return { ...base, outcome: "done" };
  } catch (error) {
    const message = describe(error);
    const giveUp = job.attempts >= MAX_ATTEMPTS;
    console.error(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${MAX_ATTEMPTS}${giveUp ? ", giving up" : ""}): ${message}`);
    await releaseJob(job.id, workerId, {
      runAt: new Date(now.getTime() + backoff(job.attempts)),
      lastError: giveUp ? `gave up after ${job.attempts} attempts: ${message}` : message,
      giveUpAt: giveUp ? now : null,
    }).catch((e) => console.error(`[jobs] could not record the failure of ${job.id}: ${describe(e)}`));
    return { ...base, outcome: giveUp ? "gave_up" : "failed", error: message };
  }
}

/**
 * Runs every due job of a registered kind, one after another, until none is left (or
 * MAX_PER_CALL ran). Safe to call from any number of workers at once: each job runs in one.
 */
export async function runDueJobs({ workerId, now = clock.now(), limit = MAX_PER_CALL }: { workerId: string; now?: Date; limit?: number }): Promise<RunSummary> {
  const runs: JobRun[] = [];
  const kinds = registeredKinds();
  while (runs.length < limit) {
    const claimed = await claimJobs({ workerId, now, kinds, limit: Math.min(BATCH, limit - runs.length), leaseMs: LEASE_MS, maxAttempts: MAX_ATTEMPTS });
    if (claimed.length === 0) break;
    for (const job of claimed) runs.push(await runClaimed(job, workerId, now));
  }
  return { workerId, runs };
}

/**
 * Claims and runs one job now, if it is due and nobody else holds it: an admin's "send
 * reminders now" runs its own job at once instead of waiting for the loop's next tick.
 * Returns undefined when another worker has it (or it already ran).
 */
export async function runJobNow({ jobId, workerId, now = clock.now() }: { jobId: string; workerId: string; now?: Date }): Promise<JobRun | undefined> {
  const [job] = await claimJobs({ workerId, now, kinds: registeredKinds(), limit: 1, leaseMs: LEASE_MS, maxAttempts: MAX_ATTEMPTS, id: jobId });
  return job ? runClaimed(job, workerId, now) : undefined;
}
