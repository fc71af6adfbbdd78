// Runs once when a server instance starts: a bad environment stops it here, naming the variable.
// Then the in-process job loop starts (reminders, housekeeping): every instance runs it, on
// PGlite and PostgreSQL alike, and jobs are claimed so that each runs in one instance only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertEnv, env } = await import("./lib/env");
    assertEnv();
    // `next build` loads this file too; the loop belongs to running servers only.
    if (process.env.NEXT_PHASE !== "phase-production-build" && env().CAIRN_JOBS === "on") {
      const { startJobLoop } = await import("./lib/jobs/loop");
      startJobLoop();
    }
  }
}
