// GET /t/[team]/dashboards/[scorecardId]/organisation — the organisation dashboard of a unit: it and
// every unit below it, their scores, the units × perspectives heatmap and needs-attention, each
// unit linking to its own dashboard for the same period. Any member (viewers read-only).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LayoutDashboard, Share2 } from "lucide-react";
import { OrgDashboardView } from "@/components/dashboard/org-dashboard-view";
import { PrintButton } from "@/components/dashboard/print-button";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { isUuid } from "@/lib/dashboards/ids";
import { loadOrgDashboard } from "@/lib/dashboards/load-org-dashboard";
import { periodQuery } from "@/lib/dashboards/period-selection";

export const metadata: Metadata = { title: "Organisation dashboard" };

type Props = {
  params: Promise<{ team: string; scorecardId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrganisationDashboardPage({ params, searchParams }: Props) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  if (!isUuid(scorecardId)) notFound();
  const model = await loadOrgDashboard(ctx, team, scorecardId, await searchParams);
  if (!model) notFound();
  const dashboards = `/t/${team.slug}/dashboards`;
  const query = periodQuery(model.period.params);
  return (
    <OrgDashboardView
      model={model}
      basePath={`${dashboards}/${scorecardId}/organisation`}
      unitHref={(id) => `${dashboards}/${id}${query}`}
      actions={
        <>
          <Button asChild variant="outline">
            <Link href={`${dashboards}/${scorecardId}${query}`}>
              <LayoutDashboard aria-hidden="true" />
              This unit&rsquo;s dashboard
            </Link>
          </Button>
          <PrintButton />
          {can(ctx.role, "share_links.manage") ? (
            <Button asChild>
              <Link href={`${dashboards}/${scorecardId}/sharing`}>
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
