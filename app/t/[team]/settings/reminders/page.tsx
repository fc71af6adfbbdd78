// GET /t/[team]/settings/reminders — the team's reminder schedule, who owes what right now,
// "send reminders now", and the reminder e-mails sent lately (admins and owners).
import type { Metadata } from "next";
import { ReminderScheduleForm } from "@/components/update-loop/reminder-schedule-form";
import { SendRemindersNow } from "@/components/update-loop/send-reminders-now";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getReminderSchedule, listRecentDeliveries } from "@/db/queries/reminders";
import { inTeam } from "@/db/tenant";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { clock } from "@/lib/clock";
import { localDate } from "@/lib/periods";
import { planTeamReminders, reminderSettings, teamCalendarOf } from "@/lib/update-loop/reminders";
import { saveReminderScheduleAction, sendRemindersNowAction } from "./actions";

export const metadata: Metadata = { title: "Reminders" };

export default async function RemindersSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "reminders.send");
  const today = localDate(clock.now(), team.timeZone);
  const { row, plan, deliveries } = await inTeam(ctx.teamId, async (tx) => ({
    row: await getReminderSchedule(tx, ctx),
    plan: await planTeamReminders(tx, ctx, teamCalendarOf(team), today, { scheduledOnly: false }),
    deliveries: await listRecentDeliveries(tx, ctx),
  }));
  const settings = reminderSettings(row);
  const owed = plan.owners.reduce((n, o) => n + o.entries.length, 0);
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: team.timeZone });

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Reminders"
        description="Owners get one e-mail listing every KPI of theirs that needs a value, each with a link that enters that one value without signing in."
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">Schedule</CardTitle>
          <CardDescription>
            A period&apos;s value is due once the period has ended. The heads-up goes to owners whose value for the period in progress is still missing; the
            reminder after the end goes to owners whose value is still missing then.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ReminderScheduleForm team={team.slug} timeZone={team.timeZone} schedule={{ ...settings, version: row?.version ?? null }} action={saveReminderScheduleAction} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Send reminders now</CardTitle>
          <CardDescription data-testid="reminders-owed">
            {plan.owners.length === 0
              ? "Nobody owes a value right now."
              : `Right now ${plan.owners.length} ${plan.owners.length === 1 ? "owner owes" : "owners owe"} ${owed} ${owed === 1 ? "value" : "values"}: ${plan.owners.map((o) => `${o.owner.name ?? o.owner.email} (${o.entries.length})`).join(", ")}.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SendRemindersNow team={team.slug} action={sendRemindersNowAction} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Sent lately</CardTitle>
        </CardHeader>
        <CardContent>
          {deliveries.length === 0 ? (
            <p className="text-sm text-muted-foreground">No reminder has been sent yet.</p>
          ) : (
            <ul className="flex flex-col divide-y text-sm" data-testid="reminder-deliveries">
              {deliveries.map((d) => (
                <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    {d.name ?? d.email} · {d.itemCount} {d.itemCount === 1 ? "value" : "values"}
                  </span>
                  <span className="text-muted-foreground">
                    {d.runKey.startsWith("manual:") ? "sent by hand" : "scheduled"} · {when.format(d.sentAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
