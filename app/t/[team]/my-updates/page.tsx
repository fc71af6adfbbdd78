// GET /t/[team]/my-updates — every KPI the signed-in member owns that owes a value now, entered
// all at once in one grid (the page a reminder e-mail points to).
import type { Metadata } from "next";
import Link from "next/link";
import { CircleCheck, ClipboardList } from "lucide-react";
import { MyUpdatesGrid } from "@/components/update-loop/my-updates-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/memberships";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { loadMyUpdates } from "@/lib/update-loop/my-updates";
import { explainRedValueAction, saveMyUpdatesAction } from "./actions";

export const metadata: Metadata = { title: "My updates" };

export default async function MyUpdatesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, ctx, team } = await requireTeamPage(slug);
  const { mine, members } = await inTeam(ctx.teamId, async (tx) => ({ mine: await loadMyUpdates(tx, ctx, team, user.id), members: await listMembers(tx, ctx) }));
  const canWrite = can(ctx.role, "measurements.write");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="My updates"
        description={
          mine.owned === 0
            ? "The KPIs you own appear here when they need a value."
            : `The values due from you as of ${mine.today} (${team.timeZone}): each KPI's last ended period, and the current one when it is about to end. ${mine.upToDate} of your ${mine.owned} KPIs are up to date.`
        }
      />
      {mine.owned === 0 ? (
        <EmptyState
          icon={<ClipboardList />}
          title="You own no KPIs yet"
          description="Each KPI has an owner who answers for its number. Owners are chosen in the scorecard editor."
          action={
            <Link href={`/t/${team.slug}/scorecards`} className="text-sm font-medium text-primary underline underline-offset-4">
              Open the scorecards
            </Link>
          }
        />
      ) : mine.rows.length === 0 ? (
        <EmptyState icon={<CircleCheck />} title="You are up to date" description={`All ${mine.owned} of your KPIs have a value for their last period. Nothing is due from you now.`} data-testid="my-updates-done" />
      ) : (
        <MyUpdatesGrid
          team={team.slug}
          rows={mine.rows}
          canWrite={canWrite}
          members={members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }))}
          currentUserId={user.id}
          actions={{ save: saveMyUpdatesAction, explain: explainRedValueAction }}
        />
      )}
    </div>
  );
}
