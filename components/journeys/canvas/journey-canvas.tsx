"use client";
// The editable journey canvas: the table (canvas-table.tsx) with each stage's controls, cards
// that move by drag and drop or from the keyboard, in-place forms and the emotion selects, all
// saving through CanvasProvider. Only people who can edit get it (lazy-journey-canvas.tsx);
// everyone else sees the read-only canvas the server renders (read-only-canvas.tsx).
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOpenedOnce, usePreloadWhenIdle } from "@/components/ui/lazy-overlay";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { AddStageForm } from "./add-stage-form";
import { CanvasIntro } from "./canvas-intro";
import { CanvasProvider, useCanvas } from "./canvas-context";
import { CanvasTable, type CanvasCells } from "./canvas-table";
import { EmotionLane } from "./emotion-lane";
import { LaneCards } from "./lane-cards";
import { ConflictDialog, preloadCanvasForms } from "./lazy-forms";
import { StageDetails } from "./stage-details";
import { StageHeader } from "./stage-header";

export interface JourneyCanvasProps {
  team: string;
  journeyId: string;
  journeyName: string;
  stages: CanvasStage[];
  members: Array<{ userId: string; name: string }>;
}

export function JourneyCanvas({ team, journeyId, journeyName, stages, members }: JourneyCanvasProps) {
  return (
    <CanvasProvider team={team} journeyId={journeyId} members={members} stages={stages}>
      <CanvasBody journeyName={journeyName} />
    </CanvasProvider>
  );
}

const CELLS: Omit<CanvasCells, "emotion"> = {
  header: (stage, index) => <StageHeader stage={stage} index={index} />,
  customer: (stage) => <StageDetails stage={stage} />,
  cards: (stage, index, lane) => <LaneCards stage={stage} stageIndex={index} lane={lane} />,
};

function CanvasBody({ journeyName }: { journeyName: string }) {
  const { team, journeyId, stages, saving, announcement, error, dismissError, conflict, resolveConflict } = useCanvas();
  usePreloadWhenIdle(preloadCanvasForms);
  // Mounted from the first conflict on, so its closing still returns focus like any dialog.
  const conflicted = useOpenedOnce(conflict !== null);
  return (
    <section aria-labelledby="canvas-heading" className="flex flex-col gap-3">
      <CanvasIntro editable saving={saving} announcement={announcement} />
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
      {stages.length > 0 ? (
        <div data-print-hidden>
          <AddStageForm />
        </div>
      ) : null}
      <CanvasTable journeyName={journeyName} stages={stages} source={{ team, journeyId }} cells={{ ...CELLS, emotion: <EmotionLane /> }} emptyAction={<AddStageForm startOpen />} />
      {conflicted ? (
        <Suspense fallback={null}>
          <ConflictDialog conflict={conflict} onResolve={resolveConflict} />
        </Suspense>
      ) : null}
    </section>
  );
}
