"use server";
// Server actions of the update loop for members: save a block of My updates, and explain a red
// value (with an initiative or an action). The measurements grid uses the explanation too.
import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/team-action";
import { sendMail } from "@/lib/mail/mailer";
import { teamToday } from "@/lib/scorecards/evaluate";
import { saveMyUpdates } from "@/lib/update-loop/my-updates";
import { explainRedValue } from "@/lib/update-loop/red-reason";
import { teamCalendarOf } from "@/lib/update-loop/reminders";
import { explainRedSchema, myUpdatesSaveSchema } from "@/lib/update-loop/validation";

// A value moves scores, statuses, freshness and the needs-attention list on every team page.
const revalidateTeam = () => revalidatePath("/t/[team]", "layout");

export const saveMyUpdatesAction = teamAction("myUpdates.save", {
  permission: "measurements.write",
  schema: myUpdatesSaveSchema,
  async handler(input, { tx, ctx, team, user }) {
    return saveMyUpdates(tx, { teamId: ctx.teamId, userId: user.id }, team, input);
  },
  after: revalidateTeam,
});

export const explainRedValueAction = teamAction("measurements.explain", {
  permission: "measurements.write",
  schema: explainRedSchema,
  async handler(input, { tx, ctx, team, user }) {
    const calendar = teamCalendarOf(team);
    return explainRedValue(tx, ctx, input, { calendar, today: teamToday(calendar), actorName: user.name ?? user.email });
  },
  async after(result) {
    // After the commit: an e-mail never announces an action that was rolled back.
    if (result.actionMail) await sendMail(result.actionMail);
    revalidateTeam();
  },
  respond: (result) => ({ kpiId: result.explanation.kpiId, period: result.explanation.period, initiativeId: result.initiative?.id ?? null, actionAssigned: Boolean(result.explanation.actionOwnerId) }),
});
