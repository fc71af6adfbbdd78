// Housekeeping that used to have no home: expired rate-limit windows, pending sign-ins and passkey
// registrations, long-finished jobs, and the links of mail in the outbox once they can no longer
// be used, recycle-bin entries past 30 days.
import { deleteFinishedJobs } from "@/db/queries/jobs";
import { purgeExpiredPasskeyRegistrations } from "@/db/queries/passkeys";
import { purgeExpiredBuckets } from "@/db/queries/rate-limits";
import { purgeExpiredSsoTickets } from "@/db/queries/sso";
import { purgeExpiredSignInChallenges } from "@/db/queries/two-factor";
import { redactExpiredMailLinks } from "@/lib/mail/mailer";
import { purgeExpiredRecycleBins } from "@/lib/recycle-bin/recycle-bin";
import { registerJob } from "./registry";

/** Finished jobs are kept this long for troubleshooting. */
export const FINISHED_JOB_RETENTION_DAYS = 30;

registerJob(
  "maintenance.purge",
  async (_payload, { now }) => {
    await purgeExpiredBuckets(now);
    await purgeExpiredSignInChallenges(now);
    await purgeExpiredPasskeyRegistrations(now);
    await purgeExpiredSsoTickets(now);
    await deleteFinishedJobs(new Date(now.getTime() - FINISHED_JOB_RETENTION_DAYS * 86_400_000));
    await redactExpiredMailLinks(now);
    await purgeExpiredRecycleBins(now);
  },
  { recurring: { everyMinutes: 60 } },
);
