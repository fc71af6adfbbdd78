// The reminder jobs. Every hour a planner gives each team one "reminders.send" job for its local
// day (the dedupe key names team and date, so it exists once however many instances plan); the
// job waits for the team's send hour, then mails each owner what is due that day. An admin's
// "send reminders now" enqueues the same kind in manual mode.
import { z } from "zod";
import { insertJobs } from "@/db/queries/jobs";
import { getReminderSchedule, listTeamClocks } from "@/db/queries/reminders";
import { findTeamById } from "@/db/queries/teams";
import { inTeam } from "@/db/tenant";
import { registerJob } from "@/lib/jobs/registry";
import { isIsoDate, localDate } from "@/lib/periods";
import { REMINDER_SEND_JOB, reminderSettings, sendTeamReminders } from "./reminders";
import { localHour, zonedInstant } from "./zoned-time";

export const REMINDER_PLAN_JOB = "reminders.plan";

const sendPayload = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("scheduled"), teamId: z.uuid(), date: z.string().refine(isIsoDate, "date must be YYYY-MM-DD") }),
  z.object({ mode: z.literal("manual"), teamId: z.uuid(), requestedBy: z.uuid().nullable().optional() }),
]);

/** The dedupe key of a team's scheduled run on its local `date`. */
export function scheduledRunKey(teamId: string, date: string): string {
  return `reminders:${teamId}:${date}`;
}

registerJob(
  REMINDER_SEND_JOB,
  async (payload, { job, now }) => {
    const team = await findTeamById(payload.teamId);
    if (!team) return; // the team was deleted since
    if (payload.mode === "manual") {
      await sendTeamReminders(team, { runKey: `manual:${job.id}`, scheduledOnly: false, now });
      return;
    }
    const today = localDate(now, team.timeZone);
    // A run that missed its day entirely is dropped: the next day's run mails what is still owed.
    if (today > payload.date) return;
    const settings = reminderSettings(await inTeam(team.id, (tx) => getReminderSchedule(tx, { teamId: team.id })));
    if (!settings.enabled) return;
    if (today < payload.date || localHour(now, team.timeZone) < settings.sendHour) return { runAgainAt: zonedInstant(payload.date, settings.sendHour, team.timeZone) };
    await sendTeamReminders(team, { runKey: `scheduled:${payload.date}`, scheduledOnly: true, now });
  },
  { schema: sendPayload },
);

registerJob(
  REMINDER_PLAN_JOB,
  async (_payload, { now }) => {
    const teams = await listTeamClocks();
    for (let i = 0; i < teams.length; i += 500) {
      await insertJobs(
        teams.slice(i, i + 500).map((team) => {
          const date = localDate(now, team.timeZone);
          return { kind: REMINDER_SEND_JOB, dedupeKey: scheduledRunKey(team.id, date), payload: { mode: "scheduled", teamId: team.id, date }, runAt: now };
        }),
      );
    }
  },
  { recurring: { everyMinutes: 60 } },
);
