"use client";
// The journey canvas: stages as columns, swim lanes as rows. A table, so every cell is
// announced with its stage and its lane; it scrolls sideways inside its own region and keeps
// fixed column widths, so 12 stages and hundreds of cards never squash the layout.
import { Map as MapIcon } from "lucide-react";
import { Suspense, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useOpenedOnce, usePreloadWhenIdle } from "@/components/ui/lazy-overlay";
import type { CanvasStage } from "@/lib/journeys/canvas";
import type { LaneKey } from "@/lib/journeys/canvas-ops";
import { AddStageForm } from "./add-stage-form";
import { KpiHealth, LinkedObjectives } from "./alignment-cells";
import { CanvasProvider, useCanvas } from "./canvas-context";
import { EmotionLane } from "./emotion-lane";
import { LaneCards } from "./lane-cards";
import { ConflictDialog, preloadCanvasForms } from "./lazy-forms";
import { StageDetails } from "./stage-details";
import { StageHeader } from "./stage-header";

const LANE_COLUMN = "9rem";
const STAGE_COLUMN = "17rem";

export function JourneyCanvas({
  team,
  journeyId,
  journeyName,
  stages,
  members,
  canEdit,
}: {
  team: string;
  journeyId: string;
  journeyName: string;
  stages: CanvasStage[];
  members: Array<{ userId: string; name: string }>;
  canEdit: boolean;
}) {
  return (
    <CanvasProvider team={team} journeyId={journeyId} canEdit={canEdit} members={members} stages={stages}>
      <CanvasBody journeyName={journeyName} />
    </CanvasProvider>
  );
}

function CanvasBody({ journeyName }: { journeyName: string }) {
  const { canEdit, stages, error, dismissError, conflict, resolveConflict, announcement } = useCanvas();
  usePreloadWhenIdle(canEdit ? preloadCanvasForms : undefined);
  // Mounted from the first conflict on, so its closing still returns focus like any dialog.
  const conflicted = useOpenedOnce(conflict !== null);
  return (
    <section aria-labelledby="canvas-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2" data-print-hidden>
        <h2 id="canvas-heading" className="text-lg font-semibold">
          Canvas
        </h2>
        <SavingStatus />
      </div>
      <p id="canvas-keyboard-help" className="sr-only">
        {canEdit
          ? "To move a stage, focus its reorder handle and press Alt with the left or right arrow, or use its Move left and Move right buttons. To move a card, focus its handle and press Alt with an arrow key: up and down within its lane, left and right to the neighbouring stage. You can also drag them with a mouse."
          : "Read-only: your role can view this journey."}
      </p>
      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>
      {error ? (
        <Alert variant="error" title="Not saved">
          <div className="flex flex-wrap items-center gap-2">
            <span>{error}</span>
            <Button variant="link" size="inline" onClick={dismissError}>
              Dismiss
            </Button>
          </div>
        </Alert>
      ) : null}
      {canEdit && stages.length > 0 ? (
        <div data-print-hidden>
          <AddStageForm />
        </div>
      ) : null}
      <CanvasTable journeyName={journeyName} />
      {conflicted ? (
        <Suspense fallback={null}>
          <ConflictDialog conflict={conflict} onResolve={resolveConflict} />
        </Suspense>
      ) : null}
    </section>
  );
}

function SavingStatus() {
  const { saving } = useCanvas();
  return <span className="text-sm text-muted-foreground">{saving ? "Saving…" : "All changes saved"}</span>;
}

const LANES: Array<{ key: string; label: string; description: string; render: (stage: CanvasStage, index: number) => ReactNode }> = [
  { key: "customer", label: "Customer", description: "Goal, doing, thinking, feeling", render: (stage) => <StageDetails stage={stage} /> },
  ...(
    [
      ["touchpoints", "Touchpoints", "Channel, description, owner"],
      ["painPoints", "Pain points", "What gets in the way"],
      ["opportunities", "Opportunities", "What could be better"],
    ] as Array<[LaneKey, string, string]>
  ).map(([lane, label, description]) => ({
    key: lane,
    label,
    description,
    render: (stage: CanvasStage, index: number) => <LaneCards stage={stage} stageIndex={index} lane={lane} />,
  })),
];

function CanvasTable({ journeyName }: { journeyName: string }) {
  const { stages, canEdit } = useCanvas();
  if (stages.length === 0) {
    return (
      <EmptyState
        icon={<MapIcon />}
        title="No stages yet"
        description="A journey is a row of stages: what the customer goes through, from first contact to loyalty."
        action={canEdit ? <AddStageForm startOpen /> : undefined}
      />
    );
  }
  const n = stages.length;
  const rowHeader = "sticky left-0 z-10 border-r border-b bg-background p-2 text-left align-top print:static print:p-1";
  const cell = "border-r border-b p-2 align-top print:p-1";
  return (
    <div
      role="region"
      aria-label={`${journeyName}: canvas of ${n} stages (scrolls sideways)`}
      aria-describedby="canvas-keyboard-help"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border print:overflow-visible print:rounded-none"
      data-journey-canvas
    >
      <table
        className="table-fixed border-separate border-spacing-0 text-sm print:w-full! print:text-[8pt]"
        style={{ width: `calc(${LANE_COLUMN} + ${n} * ${STAGE_COLUMN})` }}
        data-stage-count={n}
      >
        <caption className="sr-only">
          {journeyName}: {n} stages as columns; customer, touchpoints, pain points, opportunities, emotion, linked objectives and KPI health as rows.
        </caption>
        <colgroup>
          {/* On paper the page width wins: the lane column narrows and the stages share the rest. */}
          <col style={{ width: LANE_COLUMN }} className="print:w-20!" />
          {stages.map((s) => (
            <col key={s.id} style={{ width: STAGE_COLUMN }} className="print:w-auto!" />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className={`${rowHeader} bg-muted`}>
              <span className="sr-only">Lane</span>
            </td>
            {stages.map((stage, index) => (
              <StageHeader key={stage.id} stage={stage} index={index} />
            ))}
          </tr>
        </thead>
        <tbody>
          {LANES.map((lane) => (
            <tr key={lane.key}>
              <th scope="row" className={rowHeader}>
                <span className="font-semibold">{lane.label}</span>
                <span className="block text-xs font-normal text-muted-foreground">{lane.description}</span>
              </th>
              {stages.map((stage, index) => (
                <td key={stage.id} className={cell}>
                  {lane.render(stage, index)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={rowHeader}>
              <span className="font-semibold">Emotion</span>
              <span className="block text-xs font-normal text-muted-foreground">-2 to +2, as a curve</span>
            </th>
            <td colSpan={n} className="border-r border-b p-0 align-top">
              <EmotionLane />
            </td>
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              <span className="font-semibold">Linked objectives</span>
              <span className="block text-xs font-normal text-muted-foreground">From the scorecard</span>
            </th>
            {stages.map((stage) => (
              <td key={stage.id} className={cell}>
                <LinkedObjectives stage={stage} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={rowHeader}>
              <span className="font-semibold">KPI health</span>
              <span className="block text-xs font-normal text-muted-foreground">Latest value and status</span>
            </th>
            {stages.map((stage) => (
              <td key={stage.id} className={cell}>
                <KpiHealth stage={stage} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
