// GET /t/[team]/scorecards/[scorecardId]/cascade — the cascade view: for each objective of this
// scorecard, what contributes to it down the organisation tree and its status at each level; an
// objective of a unit with units below and no contributor among them is flagged as a gap.
import { GitFork } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RollupSummary } from "@/components/scorecards/rollup-summary";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { inTeam } from "@/db/tenant";
import type { CascadeNode } from "@/lib/scorecards/cascade";
import { loadCascadeView } from "@/lib/scorecards/cascade-view";
import { getScorecardPage } from "@/lib/scorecards/page-data";

export const metadata = { title: "Cascade · Cairn" };

function Contributors({ nodes, teamSlug, level }: { nodes: CascadeNode[]; teamSlug: string; level: number }) {
  return (
    <ul className={level === 0 ? "flex flex-col gap-3" : "mt-2 flex flex-col gap-2 border-l pl-4"}>
      {nodes.map((node) => (
        <li key={`${node.objective.id}-${level}`} data-testid={`cascade-${node.objective.id}`} data-gap={node.gap || undefined}>
          <div className={level === 0 ? "rounded-md border p-3" : "py-1"}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium break-words">{node.objective.title}</span>
              {level > 0 ? (
                <Link href={`/t/${teamSlug}/scorecards/${node.objective.scorecardId}/cascade`} prefetch={false} className="text-sm text-muted-foreground underline-offset-4 hover:underline">
                  {node.scorecardName}
                </Link>
              ) : null}
              <RollupSummary rollup={node.objective.rollup} of={node.objective.title} counted="KPIs" />
              {node.gap ? <Badge variant="destructive">Gap: nothing below contributes</Badge> : null}
            </div>
            {node.contributors.length ? <Contributors nodes={node.contributors} teamSlug={teamSlug} level={level + 1} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function CascadePage({ params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team, calendar } = await getScorecardPage(slug, scorecardId);
  const view = await inTeam(ctx.teamId, (tx) => loadCascadeView(tx, ctx, scorecardId, calendar));
  if (!view) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Cascade</h1>
        <p className="text-sm text-muted-foreground">
          What contributes to each objective down the organisation tree, with its status at each level. An objective that nothing below contributes to is a gap worth a look.
        </p>
      </div>
      {view.nodes.length === 0 ? (
        <EmptyState icon={<GitFork />} title="No objective yet" description="Add objectives in the editor; the units below can then contribute to them." />
      ) : (
        <>
          <p className="text-sm" data-testid="cascade-summary">
            <span className="font-medium">
              {view.gaps} {view.gaps === 1 ? "gap" : "gaps"}
            </span>
            <span className="text-muted-foreground">
              {" "}
              · {view.unitsBelow} {view.unitsBelow === 1 ? "unit" : "units"} below
              {view.hasChildren ? "" : " — cascade this scorecard to create one"}
            </span>
          </p>
          <Contributors nodes={view.nodes} teamSlug={team.slug} level={0} />
        </>
      )}
    </div>
  );
}
