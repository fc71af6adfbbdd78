"use client";
// The customer's side of a stage on the editable canvas: goal, what they do, think and feel
// (stage-field-list.tsx), edited in place.
import { Pencil } from "lucide-react";
import { useState } from "react";
import { CommentsButton } from "@/components/comments/comments-button";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import { Button } from "@/components/ui/button";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { useCanvas } from "./canvas-context";
import { LazyForm, StageForm } from "./lazy-forms";
import { StageFieldList } from "./stage-field-list";

export function StageDetails({ stage }: { stage: CanvasStage }) {
  const { journeyId } = useCanvas();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <LazyForm>
        <StageForm stage={stage} onDone={() => setEditing(false)} />
      </LazyForm>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <EditingMarker scope={`journey:${journeyId}`} target={`stage:${stage.id}`} />
      <StageFieldList stage={stage} />
      <Button variant="ghost" size="xs" className="self-start text-muted-foreground" onClick={() => setEditing(true)} data-print-hidden>
        <Pencil aria-hidden="true" />
        Edit stage<span className="sr-only"> {stage.name}</span>
      </Button>
      <div className="self-start">
        <CommentsButton entityType="stage" entityId={stage.id} label={stage.name} />
      </div>
    </div>
  );
}
