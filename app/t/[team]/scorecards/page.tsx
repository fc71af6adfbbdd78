// GET /t/[team]/scorecards — the team's scorecards as the organisation tree (children indented under
// their parent) with journey, score and status; create one (under a parent or not), build the
// starter kit, archive, restore, delete (saying what becomes of a scorecard's children).
import type { Metadata } from "next";
import Link from "next/link";
import { Gauge, Plus } from "lucide-react";
import { CreateScorecardDialog } from "@/components/scorecards/create-scorecard-dialog";
import { ScorecardRowActions, StarterKitForm } from "@/components/scorecards/scorecard-forms";
import { RollupSummary } from "@/components/scorecards/rollup-summary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listJourneyOptions, listScorecards, loadScorecardTrees } from "@/db/queries/scorecards";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { scorecardLimit } from "@/lib/billing/plans";
import { evaluateScorecard, teamToday } from "@/lib/scorecards/evaluate";
import { buildOrgTree, flattenOrgTree, subtreeIds } from "@/lib/scorecards/org-tree";
import { billingPath } from "@/lib/scorecards/guards";
import {
  archiveScorecardAction, createScorecardAction, deleteScorecardAction, moveScorecardAction, restoreScorecardAction, starterKitAction,
} from "./actions";

export const metadata: Metadata = { title: "Scorecards" };

export default async function ScorecardsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
  const asOf = teamToday(calendar);
  const { rows, trees, journeys } = await inTeam(ctx.teamId, async (tx) => {
    const rows = await listScorecards(tx, ctx);
    return { rows, trees: await loadScorecardTrees(tx, ctx, rows.map((r) => r.scorecard), asOf), journeys: await listJourneyOptions(tx, ctx) };
  });
  const rollups = new Map(trees.map((tree) => [tree.scorecard.id, { rollup: evaluateScorecard(tree, asOf, calendar).rollup, kpis: tree.kpis.length, objectives: tree.objectives.length }]));
  const canWrite = can(ctx.role, "scorecards.write");
  const canDelete = can(ctx.role, "scorecards.delete");
  const limit = scorecardLimit(team);
  // The tree is built from the rows already read (no query of its own); an archived parent's
  // active children show at the top of the active list, and the other way round.
  const inTreeOrder = (items: typeof rows) => {
    const byId = new Map(items.map((r) => [r.scorecard.id, r]));
    return flattenOrgTree(buildOrgTree(items.map((r) => r.scorecard))).map((n) => ({
      ...byId.get(n.scorecard.id)!,
      depth: n.depth,
      // Archived children count too: deleting their parent asks about them as well.
      childCount: whole.byId.get(n.scorecard.id)?.children.length ?? 0,
    }));
  };
  const whole = buildOrgTree(rows.map((r) => r.scorecard));
  const active = inTreeOrder(rows.filter((r) => !r.scorecard.archivedAt));
  const archived = inTreeOrder(rows.filter((r) => r.scorecard.archivedAt));
  const nameOf = new Map(rows.map((r) => [r.scorecard.id, r.scorecard.name]));
  // Archived ones too: a scorecard may sit under an archived one, and its Move dialog starts there.
  const parents = flattenOrgTree(whole).map((n) => ({ id: n.scorecard.id, name: n.scorecard.archivedAt ? `${n.scorecard.name} (archived)` : n.scorecard.name, depth: n.depth }));
  // Where each may move: any scorecard but itself and those below it.
  const movesFor = (id: string) => {
    const below = subtreeIds(whole, id);
    return parents.filter((p) => !below.has(p.id));
  };
  const atLimit = limit !== null && active.length >= limit;

  const list = (items: typeof active, caption: string) => (
    <Table scrollLabel={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>Scorecard</TableHead>
          <TableHead>Journey</TableHead>
          <TableHead>Score</TableHead>
          <TableHead>Contents</TableHead>
          {canWrite ? <TableHead align="right">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map(({ scorecard, journeyName, depth, childCount }) => {
          const summary = rollups.get(scorecard.id);
          return (
            <TableRow key={scorecard.id} data-depth={depth}>
              <TableCell className="font-medium">
                <span className="inline-flex items-center" style={{ paddingLeft: `${Math.min(depth, 6) * 1.25}rem` }}>
                  {depth > 0 ? (
                    <span aria-hidden="true" className="mr-1 text-muted-foreground">
                      ↳
                    </span>
                  ) : null}
                  <Link href={`/t/${team.slug}/scorecards/${scorecard.id}`} className="underline-offset-4 hover:underline">
                    {scorecard.name}
                  </Link>
                  {scorecard.parentId && nameOf.has(scorecard.parentId) ? <span className="sr-only">{`, under ${nameOf.get(scorecard.parentId)}`}</span> : null}
                </span>
                {scorecard.archivedAt ? (
                  <Badge variant="outline" className="ml-2">
                    Archived
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{journeyName ?? <span className="text-muted-foreground">No journey</span>}</TableCell>
              <TableCell>{summary ? <RollupSummary rollup={summary.rollup} of={scorecard.name} counted="perspectives" testId={`scorecard-score-${scorecard.id}`} /> : null}</TableCell>
              <TableCell className="text-sm text-muted-foreground">
                {summary?.objectives ?? 0} objectives · {summary?.kpis ?? 0} KPIs
              </TableCell>
              {canWrite ? (
                <TableCell>
                  <ScorecardRowActions
                    team={team.slug}
                    scorecard={{ id: scorecard.id, name: scorecard.name, version: scorecard.version, archived: Boolean(scorecard.archivedAt), childCount, parentId: scorecard.parentId }}
                    move={scorecard.archivedAt ? undefined : { action: moveScorecardAction, parents: movesFor(scorecard.id) }}
                    archiveAction={archiveScorecardAction}
                    restoreAction={restoreScorecardAction}
                    deleteAction={deleteScorecardAction}
                    canDelete={canDelete}
                  />
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );

  const limitMessage =
    limit === null ? undefined : (
      <>
        Your plan includes {limit} active scorecard{limit === 1 ? "" : "s"}. <Link href={billingPath(team.slug)}>Upgrade on the billing page</Link> to add more, or archive one.
      </>
    );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Scorecards"
        description="Balanced Scorecards: perspectives, objectives and KPIs, aligned with your customer journeys."
        actions={
          canWrite && !atLimit ? (
            <CreateScorecardDialog
              action={createScorecardAction}
              team={team.slug}
              journeys={journeys}
              parents={parents}
              trigger={
                <Button>
                  <Plus aria-hidden="true" />
                  New scorecard
                </Button>
              }
            />
          ) : null
        }
      />

      {canWrite && atLimit ? <Alert variant="info">{limitMessage}</Alert> : null}

      {active.length === 0 ? (
        <EmptyState
          icon={<Gauge />}
          title="No scorecard yet"
          description={
            canWrite
              ? "Build a starter scorecard to see the whole picture in one click, or start from an empty one."
              : "When an editor creates a scorecard, it appears here."
          }
        />
      ) : (
        <section aria-labelledby="active-scorecards" className="flex flex-col gap-3">
          <h2 id="active-scorecards" className="sr-only">
            Active scorecards
          </h2>
          {list(active, "Active scorecards")}
        </section>
      )}

      {canWrite && !atLimit ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Build a starter scorecard</CardTitle>
            <CardDescription>
              Creates a customer journey from a template and a scorecard tied to it: two objectives per perspective, each with KPIs from the library and
              linked to the journey stages it serves. Adjust everything afterwards.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <StarterKitForm action={starterKitAction} team={team.slug} />
          </CardContent>
        </Card>
      ) : null}

      {archived.length ? (
        <section aria-labelledby="archived-scorecards" className="flex flex-col gap-3">
          <h2 id="archived-scorecards" className="text-lg font-semibold">
            Archived
          </h2>
          {list(archived, "Archived scorecards")}
        </section>
      ) : null}
    </div>
  );
}
