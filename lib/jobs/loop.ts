// The in-process job loop: every app instance (embedded PGlite or PostgreSQL alike) runs the
// same code on a timer. Several instances are safe together: recurring slots are enqueued once
// per dedupe key, and each job is claimed by one worker (FOR UPDATE SKIP LOCKED).
import "./registered";
import { enqueueRecurringJobs, runDueJobs } from "./runner";
import { newWorkerId } from "./worker-id";
import { clock } from "@/lib/clock";

export const DEFAULT_INTERVAL_MS = 30_000;

interface LoopState {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  stopped: boolean;
  workerId: string;
}

const globalForLoop = globalThis as unknown as { __cairnJobLoop?: LoopState };

/** One pass: enqueue the recurring slots, then run what is due. Never throws. */
export async function tick(workerId: string, now = clock.now()): Promise<void> {
  try {
    await enqueueRecurringJobs(now);
    const { runs } = await runDueJobs({ workerId, now });
    const failed = runs.filter((r) => r.outcome === "failed" || r.outcome === "gave_up");
    if (failed.length) console.warn(`[jobs] ${runs.length} ran, ${failed.length} failed: ${failed.map((r) => `${r.kind} (${r.error})`).join("; ")}`);
  } catch (error) {
    // The database may be briefly unavailable: the next tick tries again.
    console.error(`[jobs] tick failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Starts the loop once per process (a hot reload keeps the running one). */
export function startJobLoop({ intervalMs = DEFAULT_INTERVAL_MS, firstDelayMs = 5_000 }: { intervalMs?: number; firstDelayMs?: number } = {}): () => void {
  const existing = globalForLoop.__cairnJobLoop;
  if (existing && !existing.stopped) return () => stopJobLoop();
  const state: LoopState = { running: false, stopped: false, workerId: newWorkerId() };
  globalForLoop.__cairnJobLoop = state;

  const schedule = (delay: number) => {
    if (state.stopped) return;
    state.timer = setTimeout(async () => {
      state.running = true;
      await tick(state.workerId);
      state.running = false;
      schedule(intervalMs);
    }, delay);
    // Never keeps a process alive on its own (CLI scripts, tests, shutdown).
    state.timer.unref?.();
  };
  schedule(firstDelayMs);
  return () => stopJobLoop();
}

export function stopJobLoop(): void {
  const state = globalForLoop.__cairnJobLoop;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
}
