"use client";
// An editable stage's column header: what StageSummary shows, and its controls:
// drag (native), Move left / Move right buttons and Alt+Left/Right on the handle (keyboard),
// and removal after a confirmation.
import { ArrowLeft, ArrowRight, GripVertical, Trash2 } from "lucide-react";
import { useState } from "react";
import { moveStage, removeStage } from "@/app/t/[team]/journeys/actions";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogFooter } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { stepTarget } from "@/lib/journeys/ordering";
import { useCanvas } from "./canvas-context";
import { StageSummary, stageHeaderClass } from "./stage-summary";

export function StageHeader({ stage, index }: { stage: CanvasStage; index: number }) {
  const { stages, run, announce, drag, setDrag } = useCanvas();
  const [over, setOver] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const order = stages.map((s) => s.id);
  const count = stages.length;

  const moveTo = (stageId: string, position: number, focus?: string) => {
    const moving = stages.find((s) => s.id === stageId);
    if (!moving) return;
    void run({
      action: moveStage,
      input: { stageId, version: moving.version, position },
      op: { type: "moveStage", stageId, position },
      success: `${moving.name} moved to position ${position + 1} of ${count}.`,
      focus,
    });
  };

  const step = (direction: -1 | 1, control: "button" | "handle") => {
    const to = stepTarget(order, stage.id, direction);
    if (to === null) {
      announce(`${stage.name} is already ${direction < 0 ? "first" : "last"}.`);
      return;
    }
    // Keep focus on the control used, unless the move put the stage at the edge that disables it.
    const atEdge = to === 0 || to === count - 1;
    const side = direction < 0 ? "left" : "right";
    const focus = control === "handle" || atEdge ? `stage-handle-${stage.id}` : `stage-${side}-${stage.id}`;
    moveTo(stage.id, to, focus);
  };

  const cardCount = stage.touchpoints.length + stage.painPoints.length + stage.opportunities.length;

  return (
    <th
      scope="col"
      data-stage-id={stage.id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", stage.name);
        setDrag({ kind: "stage", stageId: stage.id });
      }}
      onDragEnd={() => setDrag(null)}
      onDragOver={(e) => {
        if (drag?.kind !== "stage" || drag.stageId === stage.id) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (drag?.kind === "stage" && drag.stageId !== stage.id) moveTo(drag.stageId, index);
        setDrag(null);
      }}
      className={stageHeaderClass(stage, over)}
    >
      <div className="flex items-start gap-1">
        <button
          type="button"
          id={`stage-handle-${stage.id}`}
          aria-label={`Reorder ${stage.name}`}
          aria-describedby="canvas-keyboard-help"
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
            e.preventDefault();
            step(e.key === "ArrowLeft" ? -1 : 1, "handle");
          }}
          className="-ml-1 inline-flex size-8 shrink-0 cursor-grab items-center justify-center rounded text-muted-foreground hover:bg-accent"
          data-print-hidden
        >
          <GripVertical aria-hidden="true" className="size-4" />
        </button>
        <StageSummary stage={stage} index={index} count={count} />
      </div>
      <div className="mt-2 flex items-center gap-1" data-print-hidden>
        <Button
          id={`stage-left-${stage.id}`}
          variant="outline"
          size="icon-sm"
          aria-label={`Move ${stage.name} left`}
          disabled={index === 0}
          onClick={() => step(-1, "button")}
        >
          <ArrowLeft aria-hidden="true" />
        </Button>
        <Button
          id={`stage-right-${stage.id}`}
          variant="outline"
          size="icon-sm"
          aria-label={`Move ${stage.name} right`}
          disabled={index === count - 1}
          onClick={() => step(1, "button")}
        >
          <ArrowRight aria-hidden="true" />
        </Button>
        <AlertDialog open={confirming} onOpenChange={setConfirming}>
          <Button variant="ghost" size="icon-sm" className="ml-auto text-destructive" aria-label={`Remove stage ${stage.name}`} onClick={() => setConfirming(true)}>
            <Trash2 aria-hidden="true" />
          </Button>
          <AlertDialogContent
            title={`Remove the stage "${stage.name}"?`}
            description={`Its ${cardCount} card${cardCount === 1 ? "" : "s"} and its links to objectives are removed with it. This cannot be undone.`}
          >
            <AlertDialogFooter>
              <AlertDialogCancel>Keep it</AlertDialogCancel>
              <AlertDialogAction
                variant="destructive"
                onClick={() => void run({ action: removeStage, input: { stageId: stage.id, version: stage.version }, success: `Removed the stage ${stage.name}.` })}
              >
                Remove stage
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    </th>
  );
}
