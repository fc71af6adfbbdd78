// GET /t/[team]/scorecards/[scorecardId]/strategy-map — the strategy map: objectives in
// perspective bands, cause → effect arrows, coloured by status; with a list of the same
// objectives and links (the non-visual alternative) and a form to add a link.
import { Network } from "lucide-react";
import Link from "next/link";

import { AddLinkForm } from "@/components/strategy-map/add-link-form";
import { RemoveLinkButton } from "@/components/strategy-map/remove-link-button";
import { StrategyMapCanvasLoader } from "@/components/strategy-map/strategy-map-canvas-loader";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { listObjectiveLinks } from "@/db/queries/objective-links";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { formatScore } from "@/lib/measurements/values";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import { DEFAULT_LAYOUT, layoutStrategyMap } from "@/lib/strategy-map/layout";
import { addLink, removeLink } from "./actions";

export const metadata = { title: "Strategy map · Cairn" };

export default async function StrategyMapPage({ params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  // Shared with the scorecard layout (one load per request): the evaluated tree as of today.
  const { ctx, team, evaluated } = await getScorecardPage(slug, scorecardId);
  const links = await inTeam(ctx.teamId, (tx) => listObjectiveLinks(tx, ctx, scorecardId));
  const perspectives = evaluated.perspectives.map((p) => p.perspective);
  const objectives = evaluated.perspectives.flatMap((p) => p.objectives.map((o) => o.objective));
  const layout = layoutStrategyMap(perspectives, objectives);
  const canEdit = can(ctx.role, "scorecards.write");
  const base = `/t/${team.slug}/scorecards/${scorecardId}`;

  const perspectiveById = new Map(evaluated.perspectives.map((p) => [p.perspective.id, p]));
  const objectiveById = new Map(evaluated.perspectives.flatMap((p) => p.objectives.map((o) => [o.objective.id, { ...o, perspectiveName: p.perspective.name }] as const)));
  const title = (id: string) => objectiveById.get(id)?.objective.title ?? "an objective";
  // Bands top to bottom, as drawn: the list reads in the same order as the map.
  const bands = layout.bands.map((b) => perspectiveById.get(b.perspectiveId)!);

  const mapObjectives = layout.nodes.map((n) => {
    const o = objectiveById.get(n.id)!;
    return { id: n.id, title: o.objective.title, perspectiveName: o.perspectiveName, status: o.rollup.status, score: o.rollup.score, x: n.x, y: n.y };
  });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Strategy map</h1>
        <p className="text-sm text-muted-foreground">
          How objectives drive each other, from Learning &amp; Growth at the bottom to Financial at the top. Each objective shows its status in words and colour.
        </p>
      </div>
      {objectives.length === 0 ? (
        <EmptyState
          icon={<Network />}
          title="No objectives yet"
          description="Add objectives to this scorecard's perspectives, then link causes to effects here."
          action={
            <Button asChild variant="outline">
              <Link href={base}>Open the scorecard editor</Link>
            </Button>
          }
        />
      ) : (
        <>
          <section aria-labelledby="map-canvas-heading" className="flex flex-col gap-2">
            <h2 id="map-canvas-heading" className="text-lg font-semibold">
              Map
            </h2>
            {canEdit ? (
              <p className="text-sm text-muted-foreground">
                Drag from the dot at the top of a cause to the objective it drives. Select an arrow and press Delete, or use its × button, to remove it.
              </p>
            ) : null}
            <StrategyMapCanvasLoader
              team={team.slug}
              scorecardId={scorecardId}
              canEdit={canEdit}
              objectives={mapObjectives}
              bands={layout.bands.map((b) => ({ ...b, name: perspectiveById.get(b.perspectiveId)!.perspective.name }))}
              links={links.map((l) => ({ id: l.id, causeId: l.causeId, effectId: l.effectId }))}
              width={layout.width}
              height={layout.height}
              nodeWidth={DEFAULT_LAYOUT.nodeWidth}
              nodeHeight={DEFAULT_LAYOUT.nodeHeight}
              addLink={addLink}
              removeLink={removeLink}
            />
          </section>

          {canEdit ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Add cause → effect</CardTitle>
                <CardDescription>The same as dragging an arrow on the map.</CardDescription>
              </CardHeader>
              <CardContent>
                <AddLinkForm
                  team={team.slug}
                  scorecardId={scorecardId}
                  action={addLink}
                  groups={bands.map((p) => ({ perspective: p.perspective.name, objectives: p.objectives.map((o) => ({ id: o.objective.id, title: o.objective.title })) }))}
                />
              </CardContent>
            </Card>
          ) : null}

          <section aria-labelledby="map-list-heading" className="flex flex-col gap-4" data-testid="strategy-map-list">
            <h2 id="map-list-heading" className="text-lg font-semibold">
              Objectives and links
            </h2>
            {bands.map((p) => (
              <div key={p.perspective.id} className="flex flex-col gap-2">
                <h3 className="font-semibold">{p.perspective.name}</h3>
                {p.objectives.length === 0 ? <p className="text-sm text-muted-foreground">No objectives in this perspective.</p> : null}
                <ul className="flex flex-col gap-2">
                  {p.objectives.map((o) => {
                    const drives = links.filter((l) => l.causeId === o.objective.id);
                    const drivenBy = links.filter((l) => l.effectId === o.objective.id);
                    return (
                      <li key={o.objective.id} className="rounded-md border px-3 py-2">
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{o.objective.title}</span>
                          <StatusBadge status={o.rollup.status} size="sm" />
                          <span className="text-sm tabular-nums text-muted-foreground">score {formatScore(o.rollup.score)}</span>
                        </p>
                        {drives.length > 0 ? (
                          <div className="mt-1 text-sm">
                            <span className="text-muted-foreground">Drives:</span>
                            <ul className="ml-2 flex flex-col">
                              {drives.map((l) => (
                                <li key={l.id} className="flex flex-wrap items-center gap-2">
                                  <span>
                                    <span aria-hidden="true">→ </span>
                                    {title(l.effectId)}
                                  </span>
                                  {canEdit ? (
                                    <RemoveLinkButton team={team.slug} scorecardId={scorecardId} linkId={l.id} label={`“${o.objective.title}” drives “${title(l.effectId)}”`} action={removeLink} />
                                  ) : null}
                                </li>
                              ))}
                            </ul>
                          </div>
                        ) : null}
                        <p className="mt-1 text-sm text-muted-foreground">
                          {drivenBy.length > 0 ? `Driven by: ${drivenBy.map((l) => title(l.causeId)).join("; ")}` : "Driven by no other objective."}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
