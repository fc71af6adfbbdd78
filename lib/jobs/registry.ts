// The job kinds this process knows how to run. Any module registers its kind once, at import
// (`registerJob("digest.daily", handler, { recurring: { everyMinutes: 60 } })`), and is then
// imported from lib/jobs/registered.ts so the in-process loop knows it. Workers only ever claim
// kinds they have a handler for, so an instance running older code leaves newer kinds alone.
import type { z } from "zod";
import type { Job } from "@/db/queries/jobs";

export interface JobContext {
  job: Job;
  workerId: string;
  /** The clock of this run (tests pass a fixed one). */
  now: Date;
}

/** Return `{ runAgainAt }` when it is not yet time to do the work (the job waits, no attempt spent). */
export type JobOutcome = void | { runAgainAt: Date };

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<JobOutcome>;

export interface JobOptions<P> {
  /** Parses the stored payload; a payload that does not parse fails the run with the reason. */
  schema?: z.ZodType<P>;
  /** Runs this often, once across all instances (its dedupe key names the time slot). */
  recurring?: { everyMinutes: number };
}

export interface RegisteredJob {
  kind: string;
  handler: JobHandler<unknown>;
  schema?: z.ZodType<unknown>;
  recurring?: { everyMinutes: number };
}

// On globalThis so development hot reloads keep one registry.
const globalForJobs = globalThis as unknown as { __cairnJobRegistry?: Map<string, RegisteredJob> };
const registry = (globalForJobs.__cairnJobRegistry ??= new Map());

/** Registers (or, on a hot reload, replaces) the handler of one job kind. */
export function registerJob<P>(kind: string, handler: JobHandler<P>, options: JobOptions<P> = {}): void {
  if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(kind)) throw new Error(`Job kind ${JSON.stringify(kind)} must be lowercase letters, digits, dots, dashes or underscores`);
  if (options.recurring && !(Number.isInteger(options.recurring.everyMinutes) && options.recurring.everyMinutes >= 1)) {
    throw new Error(`Job kind ${kind}: recurring.everyMinutes must be a whole number of minutes, at least 1`);
  }
  registry.set(kind, { kind, handler: handler as JobHandler<unknown>, schema: options.schema as z.ZodType<unknown> | undefined, recurring: options.recurring });
}

export function getRegisteredJob(kind: string): RegisteredJob | undefined {
  return registry.get(kind);
}

export function registeredKinds(): string[] {
  return [...registry.keys()].sort();
}

export function recurringJobs(): RegisteredJob[] {
  return [...registry.values()].filter((j) => j.recurring);
}
