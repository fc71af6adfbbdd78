// GET /t/[team] — the team overview: every scorecard and journey with its health, for an executive landing on the team.
import type { Metadata } from "next";
import Link from "next/link";
import { Gauge, Route } from "lucide-react";
import { JourneyHealthCard, ScorecardSummaryCard } from "@/components/dashboard/summary-cards";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { loadTeamSummary } from "@/lib/dashboards/load-dashboard";

export const metadata: Metadata = { title: "Overview" };

export default async function TeamOverviewPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  const { scorecards, journeys, period } = await loadTeamSummary(ctx, team);
  const canCreateScorecard = can(ctx.role, "scorecards.write");
  const canCreateJourney = can(ctx.role, "journeys.write");
  const base = `/t/${team.slug}`;

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={team.name} description={`Where the strategy stands: ${period.label}, scores as of ${period.asOf}, compared with ${period.previous.label}.`} />

      <section aria-labelledby="overview-scorecards" className="flex flex-col gap-3">
        <h2 id="overview-scorecards" className="text-lg font-semibold">
          Scorecards
        </h2>
        {scorecards.length === 0 ? (
          <EmptyState
            icon={<Gauge />}
            titleAs="h3"
            title="No scorecard yet"
            description={
              canCreateScorecard
                ? "A Balanced Scorecard turns the strategy into objectives and KPIs, perspective by perspective. Create the first one to see its dashboard here."
                : "When an editor creates the team's first scorecard, its health appears here."
            }
            action={
              canCreateScorecard ? (
                <Button asChild>
                  <Link href={`${base}/scorecards`}>Create your first scorecard</Link>
                </Button>
              ) : undefined
            }
          />
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {scorecards.map((s) => (
              <ScorecardSummaryCard key={s.id} scorecard={s} href={`${base}/dashboards/${s.id}`} previousLabel={period.previous.label} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="overview-journeys" className="flex flex-col gap-3">
        <h2 id="overview-journeys" className="text-lg font-semibold">
          Journeys
        </h2>
        {journeys.length === 0 ? (
          <EmptyState
            icon={<Route />}
            titleAs="h3"
            title="No journey yet"
            description={
              canCreateJourney
                ? "Map what your customers go through, stage by stage, and link objectives to the stages they serve."
                : "When an editor maps the team's first customer journey, its stage health appears here."
            }
            action={
              canCreateJourney ? (
                <Button asChild variant="outline">
                  <Link href={`${base}/journeys`}>Map a journey</Link>
                </Button>
              ) : undefined
            }
          />
        ) : (
          <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {journeys.map((j) => (
              <JourneyHealthCard key={j.id} journey={j} href={`${base}/journeys/${j.id}`} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
