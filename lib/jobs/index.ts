// The job runner's public face: register a kind, enqueue work, run what is due.
export { registerJob, type JobContext, type JobHandler, type JobOutcome } from "./registry";
export { enqueueJob, runDueJobs, runJobNow, type JobRun, type RunSummary } from "./runner";
