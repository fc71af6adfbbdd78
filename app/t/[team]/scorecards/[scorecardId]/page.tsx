// GET /t/[team]/scorecards/[scorecardId] — the scorecard editor: perspectives (rename, weight,
// reorder), objectives, KPIs (by hand or from the library), initiatives, with scores,
// status and coverage at every level. Viewers see the same page without edit controls.
import type { Metadata } from "next";
import { EditorProvider, type EditorActions } from "@/components/scorecards/editor-context";
import { NewObjectiveButton, ObjectiveCards } from "@/components/scorecards/objective-card";
import { PerspectiveControls } from "@/components/scorecards/perspective-controls";
import { RollupSummary } from "@/components/scorecards/rollup-summary";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { PERSPECTIVE_KIND_LABELS } from "@/lib/scorecards/format";
import { eagerObjectiveCounts } from "@/lib/scorecards/editor-view";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import {
  addContributionAction, addKpisFromLibraryAction, createInitiativeAction, createKpiAction, createObjectiveAction, deleteInitiativeAction, deleteKpiAction,
  deleteObjectiveAction, movePerspectiveAction, removeContributionAction, updateInitiativeAction, updateKpiAction, updateObjectiveAction, updatePerspectiveAction,
} from "./actions";

type Params = { params: Promise<{ team: string; scorecardId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { team, scorecardId } = await params;
  const { evaluated } = await getScorecardPage(team, scorecardId);
  return { title: `${evaluated.scorecard.name} · Scorecard` };
}

const ACTIONS: EditorActions = {
  createObjective: createObjectiveAction,
  updateObjective: updateObjectiveAction,
  deleteObjective: deleteObjectiveAction,
  createKpi: createKpiAction,
  addKpisFromLibrary: addKpisFromLibraryAction,
  updateKpi: updateKpiAction,
  deleteKpi: deleteKpiAction,
  createInitiative: createInitiativeAction,
  updateInitiative: updateInitiativeAction,
  deleteInitiative: deleteInitiativeAction,
  addContribution: addContributionAction,
  removeContribution: removeContributionAction,
};

export default async function ScorecardEditorPage({ params }: Params) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team, evaluated, asOf, editorView, contributions } = await getScorecardPage(slug, scorecardId);
  const canWrite = can(ctx.role, "scorecards.write");
  const view = editorView();
  const eager = eagerObjectiveCounts(view.perspectives);

  return (
    <EditorProvider
      team={team.slug}
      scorecardId={evaluated.scorecard.id}
      canWrite={canWrite}
      members={view.members}
      stages={view.stages}
      perspectives={view.perspectiveOptions}
      actions={ACTIONS}
      contributions={contributions}
    >
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-1">
          <h1 className="text-xl font-semibold">Objectives and KPIs</h1>
          <p className="text-sm text-muted-foreground">
            Scores as of {asOf}: each KPI 0–10 (target = 6.7, red threshold = 3.3), rolled up by weight to objectives, perspectives and the scorecard. KPIs
            without a fresh value are left out and counted in the coverage.
          </p>
        </div>

        {view.perspectives.map((perspective, index) => {
          const headingId = `perspective-${perspective.id}`;
          return (
            <section key={perspective.id} aria-labelledby={headingId} data-testid="perspective">
              <Card>
                <CardHeader>
                  {/* Title block and controls side by side from sm up (CardHeader itself is a column). */}
                  <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="flex min-w-0 flex-col gap-1">
                      <h2 id={headingId} className="text-lg font-semibold break-words">
                        {perspective.name}
                      </h2>
                      <p className="text-sm text-muted-foreground">
                        {`${PERSPECTIVE_KIND_LABELS[perspective.kind]} perspective · weight ${perspective.weight} (${perspective.share} of the scorecard)`}
                      </p>
                      <RollupSummary rollup={perspective.rollup} of={perspective.name} counted="objectives" testId={`perspective-score-${perspective.id}`} />
                    </div>
                    {canWrite ? (
                      <PerspectiveControls
                        team={team.slug}
                        perspective={{ id: perspective.id, name: perspective.name, weight: perspective.weight, version: perspective.version }}
                        updateAction={updatePerspectiveAction}
                        moveAction={movePerspectiveAction}
                        first={index === 0}
                        last={index === view.perspectives.length - 1}
                      />
                    ) : null}
                  </div>
                </CardHeader>
                <CardContent className="flex flex-col gap-4">
                  {perspective.objectives.length === 0 ? <p className="text-sm text-muted-foreground">No objective in this perspective yet.</p> : null}
                  <ObjectiveCards objectives={perspective.objectives} perspectiveId={perspective.id} perspectiveKind={perspective.kind} eager={eager[index]!} />
                  <NewObjectiveButton perspectiveId={perspective.id} perspectiveName={perspective.name} />
                </CardContent>
              </Card>
            </section>
          );
        })}
      </div>
    </EditorProvider>
  );
}
