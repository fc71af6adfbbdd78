// Housekeeping that used to have no home: expired rate-limit windows and long-finished jobs.
import { deleteFinishedJobs } from "@/db/queries/jobs";
import { purgeExpiredBuckets } from "@/db/queries/rate-limits";
import { registerJob } from "./registry";

/** Finished jobs are kept this long for troubleshooting. */
export const FINISHED_JOB_RETENTION_DAYS = 30;

registerJob(
  "maintenance.purge",
  async (_payload, { now }) => {
    await purgeExpiredBuckets(now);
    await deleteFinishedJobs(new Date(now.getTime() - FINISHED_JOB_RETENTION_DAYS * 86_400_000));
  },
  { recurring: { everyMinutes: 60 } },
);
