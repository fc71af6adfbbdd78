// The daily digest as a recurring job: one slot per UTC day across every instance (the job
// table's dedupe key), held until DIGEST_HOUR_UTC so people find it with their morning mail.
import { registerJob } from "@/lib/jobs/registry";
import { sendDailyDigests } from "./digest";

export const DIGEST_JOB = "digest.daily";
export const DIGEST_HOUR_UTC = 7;
const DAY_MS = 86_400_000;

/** When today's digest is due: DIGEST_HOUR_UTC of the slot's day. */
export function digestDueAt(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DIGEST_HOUR_UTC * 3_600_000);
}

registerJob(
  DIGEST_JOB,
  async (_payload, { now }) => {
    const due = digestDueAt(now);
    if (now < due) return { runAgainAt: due };
    const { sent, notifications } = await sendDailyDigests(now);
    if (sent) console.info(`[digest] mailed ${sent} people about ${notifications} notifications`);
  },
  { recurring: { everyMinutes: 24 * 60 } },
);
