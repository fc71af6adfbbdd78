"use server";
// Server actions of the reminders settings (admins): the team's reminder schedule, and "send
// reminders now", which mails every owner what they owe at once.
import { revalidatePath } from "next/cache";
import { recordChange } from "@/db/queries/changes";
import { getReminderSchedule, saveReminderSchedule } from "@/db/queries/reminders";
import { teamAction } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { runJobNow } from "@/lib/jobs/runner";
import { newWorkerId } from "@/lib/jobs/worker-id";
import "@/lib/jobs/registered";
import { requestReminderRun } from "@/lib/update-loop/reminders";
import { reminderScheduleSchema, sendRemindersNowSchema } from "@/lib/update-loop/validation";

const revalidateReminders = () => revalidatePath("/t/[team]/settings/reminders", "page");

export const saveReminderScheduleAction = teamAction("reminders.schedule", {
  permission: "team.update",
  schema: reminderScheduleSchema,
  async handler(input, { tx, ctx, user }) {
    const { version, ...values } = input;
    const before = await getReminderSchedule(tx, ctx);
    const saved = await saveReminderSchedule(tx, ctx, values, version);
    const fields = ["enabled", "daysBefore", "daysAfter", "sendHour"] as const;
    const changed = fields.filter((f) => !before || before[f] !== saved[f]);
    await recordChange(
      tx,
      ctx,
      changed.map((field) => ({ actorId: user.id, entityType: "team" as const, entityId: ctx.teamId, action: "update" as const, field: `reminders.${field}`, before: before?.[field] ?? null, after: saved[field] })),
    );
    return { enabled: saved.enabled, daysBefore: saved.daysBefore, daysAfter: saved.daysAfter, sendHour: saved.sendHour, version: saved.version };
  },
  after: revalidateReminders,
});

export const sendRemindersNowAction = teamAction("reminders.sendNow", {
  permission: "reminders.send",
  schema: sendRemindersNowSchema,
  async handler(_input, { tx, ctx, team }) {
    return requestReminderRun(tx, ctx, team, clock.now());
  },
  async after(result) {
    // The run was committed with the request; run it now rather than at the loop's next tick.
    // If another instance's loop got to it first, it runs there (and still only once).
    if (result.jobId) {
      await runJobNow({ jobId: result.jobId, workerId: newWorkerId("request") }).catch((error) => {
        // Committed all the same: the job loop picks the run up on its next tick.
        console.error(`[reminders] send-now run ${result.jobId} deferred to the job loop: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    revalidateReminders();
  },
  respond: (result) => ({ owners: result.owners, items: result.items }),
});
