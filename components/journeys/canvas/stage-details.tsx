"use client";
// The customer's side of a stage: goal, what they do, think and feel; edited in place.
import { Pencil } from "lucide-react";
import { useState } from "react";
import { CommentsButton } from "@/components/comments/comments-button";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import { Button } from "@/components/ui/button";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { useCanvas } from "./canvas-context";
import { LazyForm, StageForm } from "./lazy-forms";
import { STAGE_FIELDS as FIELDS } from "./stage-fields";


export function StageDetails({ stage }: { stage: CanvasStage }) {
  const { canEdit, journeyId } = useCanvas();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <LazyForm>
        <StageForm stage={stage} onDone={() => setEditing(false)} />
      </LazyForm>
    );
  }
  const empty = FIELDS.every((f) => !stage[f.key]);
  return (
    <div className="flex flex-col gap-2">
      <EditingMarker scope={`journey:${journeyId}`} target={`stage:${stage.id}`} />
      {empty ? (
        <p className="text-xs text-muted-foreground">No customer goal or mindset yet.</p>
      ) : (
        <dl className="flex flex-col gap-1.5">
          {FIELDS.filter((f) => stage[f.key]).map((f) => (
            <div key={f.key}>
              <dt className="text-xs font-medium text-muted-foreground">{f.label}</dt>
              <dd className="break-words whitespace-pre-line">{stage[f.key]}</dd>
            </div>
          ))}
        </dl>
      )}
      {canEdit ? (
        <Button variant="ghost" size="xs" className="self-start text-muted-foreground" onClick={() => setEditing(true)} data-print-hidden>
          <Pencil aria-hidden="true" />
          Edit stage<span className="sr-only"> {stage.name}</span>
        </Button>
      ) : null}
      <div className="self-start">
        <CommentsButton entityType="stage" entityId={stage.id} label={stage.name} />
      </div>
    </div>
  );
}
