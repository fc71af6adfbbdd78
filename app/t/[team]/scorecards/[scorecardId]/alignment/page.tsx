// GET /t/[team]/scorecards/[scorecardId]/alignment — the alignment matrix: the scorecard's
// journey stages × its perspectives, with the objectives serving each stage in the cells and
// every empty cell flagged as a gap.
import { Route } from "lucide-react";
import Link from "next/link";

import { AlignmentCell } from "@/components/alignment/alignment-cell";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import { assignStage, unassignStage } from "./actions";

export const metadata = { title: "Alignment matrix · Cairn" };

export default async function AlignmentPage({ params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  // Shared with the scorecard layout (one load per request): the evaluated tree and the journey's stages.
  const { ctx, team, evaluated, stages } = await getScorecardPage(slug, scorecardId);
  const { scorecard } = evaluated;
  const canEdit = can(ctx.role, "scorecards.write");
  const base = `/t/${team.slug}/scorecards/${scorecardId}`;
  const header = (
    <div className="flex flex-col gap-1">
      <h1 className="text-xl font-semibold">Alignment matrix</h1>
      <p className="text-sm text-muted-foreground">
        Which objectives serve which stage of the customer journey, perspective by perspective. An empty cell is a gap worth a look.
      </p>
    </div>
  );

  if (!scorecard.journeyId || stages.length === 0) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <EmptyState
          icon={<Route />}
          title={scorecard.journeyId ? "This scorecard's journey has no stages yet" : "This scorecard is not tied to a journey"}
          description={
            scorecard.journeyId
              ? "Add stages to the journey, then align objectives with them here."
              : "Choose the customer journey this scorecard serves in the scorecard's editor; its stages then become the columns of this matrix."
          }
          action={
            <Button asChild variant="outline">
              <Link href={base}>Open the scorecard editor</Link>
            </Button>
          }
        />
      </div>
    );
  }

  const rows = evaluated.perspectives.map((p) => ({
    perspective: p.perspective,
    objectives: p.objectives.map((o) => ({ id: o.objective.id, title: o.objective.title, version: o.objective.version, status: o.rollup.status, stageIds: o.stageIds })),
  }));
  const cells = rows.length * stages.length;
  const gaps = rows.reduce((n, r) => n + stages.filter((s) => !r.objectives.some((o) => o.stageIds.includes(s.id))).length, 0);
  const unaligned = rows.flatMap((r) => r.objectives.filter((o) => o.stageIds.length === 0).map((o) => ({ ...o, perspective: r.perspective.name })));

  return (
    <div className="flex flex-col gap-6">
      {header}
      <p className="text-sm" data-testid="alignment-summary">
        <span className="font-medium">
          {gaps} of {cells} cells {gaps === 1 ? "is a gap" : "are gaps"}
        </span>
        <span className="text-muted-foreground">
          {" "}
          · {stages.length} stages × {rows.length} perspectives
        </span>
      </p>
      <Table scrollLabel="Alignment matrix: journey stages by perspective" containerClassName="rounded-md border">
        <caption className="sr-only">
          Journey stages as columns, perspectives as rows; each cell lists the objectives of that perspective serving that stage, or says it is a gap.
        </caption>
        <thead className="bg-muted/60">
          <tr className="border-b">
            <th scope="col" className="sticky left-0 z-10 w-36 bg-muted px-3 py-2 text-left font-medium">
              Perspective
            </th>
            {stages.map((s) => (
              <th key={s.id} scope="col" className="min-w-40 px-3 py-2 text-left font-medium">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.perspective.id} className="border-b align-top">
              <th scope="row" className="sticky left-0 z-10 bg-background px-3 py-2 text-left font-semibold">
                {r.perspective.name}
              </th>
              {stages.map((s) => {
                const serving = r.objectives.filter((o) => o.stageIds.includes(s.id));
                const candidates = r.objectives.filter((o) => !o.stageIds.includes(s.id));
                return (
                  <td key={s.id} className="p-1.5" data-testid={`cell-${r.perspective.id}-${s.id}`}>
                    <AlignmentCell
                      team={team.slug}
                      scorecardId={scorecardId}
                      stage={{ id: s.id, name: s.name }}
                      perspective={r.perspective.name}
                      serving={serving}
                      candidates={candidates}
                      canEdit={canEdit}
                      assign={assignStage}
                      unassign={unassignStage}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
      {unaligned.length > 0 ? (
        <section aria-labelledby="unaligned-heading" className="flex flex-col gap-2">
          <h2 id="unaligned-heading" className="text-lg font-semibold">
            Objectives that serve no stage
          </h2>
          <ul className="flex flex-col gap-1.5">
            {unaligned.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{o.title}</span>
                <span className="text-muted-foreground">({o.perspective})</span>
                <StatusBadge status={o.status} size="sm" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
