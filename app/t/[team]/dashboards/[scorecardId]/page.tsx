// GET /t/[team]/dashboards/[scorecardId] — a scorecard's executive dashboard for any member (viewers read-only).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, Network, Share2 } from "lucide-react";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PrintButton } from "@/components/dashboard/print-button";
import { TeamKpiCards } from "@/components/dashboard/team-kpi-cards";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";
import { isUuid } from "@/lib/dashboards/ids";

export const metadata: Metadata = { title: "Dashboard" };

type Props = {
  params: Promise<{ team: string; scorecardId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DashboardPage({ params, searchParams }: Props) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  if (!isUuid(scorecardId)) notFound();
  const loaded = await loadDashboard(ctx, team, scorecardId, await searchParams);
  if (!loaded) notFound();
  const { model } = loaded;
  const basePath = `/t/${team.slug}/dashboards/${scorecardId}`;

  return (
    <DashboardView
      model={model}
      basePath={basePath}
      cards={(source) => <TeamKpiCards teamSlug={team.slug} source={source} />}
      actions={
        <>
          <Button asChild variant="outline">
            <a href={`${basePath}/export${periodQuery(model.period.params)}`} download>
              <Download aria-hidden="true" />
              Download CSV
            </a>
          </Button>
          {/* The unit with what is below it (just itself when nothing is). */}
          <Button asChild variant="outline">
            <Link href={`${basePath}/organisation${periodQuery(model.period.params)}`}>
              <Network aria-hidden="true" />
              Organisation view
            </Link>
          </Button>
          <PrintButton />
          {can(ctx.role, "share_links.manage") ? (
            <Button asChild>
              <Link href={`${basePath}/sharing`}>
                <Share2 aria-hidden="true" />
                Share
              </Link>
            </Button>
          ) : null}
        </>
      }
    />
  );
}
