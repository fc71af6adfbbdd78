// GET /t/[team]/inbox — the signed-in member's inbox: KPIs of theirs that still need a value
// for the current period, mentions and assignments (read and unread), and their own choice
// of this team's daily e-mail digest.
import type { Metadata } from "next";
import Link from "next/link";
import { EmailDigestForm } from "@/components/notifications/email-digest-form";
import { InboxList } from "@/components/notifications/inbox-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getEmailDigestPreference } from "@/db/queries/memberships";
import { inTeam } from "@/db/tenant";
import { requireTeamPage } from "@/lib/auth/team-context";
import { loadInbox } from "@/lib/collaboration/inbox";
import { formatPeriod } from "@/lib/periods";
import { FREQUENCY_LABELS } from "@/lib/scorecards/format";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team, user } = await requireTeamPage(slug);
  const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
  const { items, due, emailDigest } = await inTeam(ctx.teamId, async (tx) => ({
    ...(await loadInbox(tx, ctx, user.id, calendar)),
    emailDigest: await getEmailDigestPreference(tx, ctx, user.id),
  }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Inbox" description="What needs you in this team: values you owe, mentions and new ownerships." flush />

      <Card>
        <CardHeader>
          <CardTitle as="h2">KPIs due this period</CardTitle>
          <CardDescription>KPIs you own with no value yet for their current period.</CardDescription>
        </CardHeader>
        <CardContent>
          {due.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="no-kpis-due">
              Nothing due: every KPI you own has a value for its current period.
            </p>
          ) : (
            <ul className="flex flex-col divide-y" data-testid="kpis-due">
              {due.map((kpi) => (
                <li key={kpi.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
                  <span className="min-w-0 break-words">
                    <Link prefetch={false} href={`/t/${team.slug}/scorecards/${kpi.scorecardId}/kpis/${kpi.id}`} className="font-medium underline underline-offset-4">
                      {kpi.name}
                    </Link>{" "}
                    <span className="text-muted-foreground">
                      · {kpi.scorecardName} · {FREQUENCY_LABELS[kpi.frequency]}, {formatPeriod(kpi.period, kpi.frequency, calendar)}
                    </span>
                  </span>
                  <Link prefetch={false} href={`/t/${team.slug}/scorecards/${kpi.scorecardId}/measurements`} className="shrink-0 text-primary underline underline-offset-4">
                    Enter the value<span className="sr-only"> of {kpi.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="notifications-heading" className="flex flex-col gap-3">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <InboxList team={team.slug} items={items} />
      </section>

      <Card>
        <CardHeader>
          <CardTitle as="h2">E-mail</CardTitle>
          <CardDescription>Your own setting for this team; nobody else sees or changes it.</CardDescription>
        </CardHeader>
        <CardContent>
          <EmailDigestForm team={team.slug} enabled={emailDigest} />
        </CardContent>
      </Card>
    </div>
  );
}
