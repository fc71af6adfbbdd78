// GET /t/[team]/dashboards — the team's dashboards: one per scorecard, with its current health.
import type { Metadata } from "next";
import Link from "next/link";
import { LayoutDashboard, Network } from "lucide-react";
import { ScorecardSummaryCard } from "@/components/dashboard/summary-cards";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { loadTeamSummary } from "@/lib/dashboards/load-dashboard";
import { organisationRoots } from "@/lib/dashboards/team-overview";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  const { scorecards, period } = await loadTeamSummary(ctx, team);
  const base = `/t/${team.slug}`;
  const organisations = organisationRoots(scorecards);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Dashboards" description={`One executive dashboard per scorecard. ${period.label}, compared with ${period.previous.label}.`} />
      {scorecards.length === 0 ? (
        <EmptyState
          icon={<LayoutDashboard />}
          title="No dashboard yet"
          description="Every scorecard gets a dashboard. There is no scorecard in this team yet."
          action={
            can(ctx.role, "scorecards.write") ? (
              <Button asChild>
                <Link href={`${base}/scorecards`}>Create your first scorecard</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          {organisations.length ? (
            <section aria-labelledby="organisations-heading" className="flex flex-col gap-2">
              <h2 id="organisations-heading" className="text-lg font-semibold">
                Organisation views
              </h2>
              <ul className="flex flex-wrap gap-2" data-testid="organisation-links">
                {organisations.map((o) => (
                  <li key={o.id}>
                    <Button asChild variant="outline">
                      <Link href={`${base}/dashboards/${o.id}/organisation`}>
                        <Network aria-hidden="true" />
                        {o.name}
                        <span className="text-muted-foreground">({o.units} units)</span>
                      </Link>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {scorecards.map((s) => (
            <ScorecardSummaryCard key={s.id} scorecard={s} href={`${base}/dashboards/${s.id}`} previousLabel={period.previous.label} />
          ))}
        </ul>
        </>
      )}
    </div>
  );
}
