"use client";
// The customer's side of a stage: goal, what they do, think and feel; edited in place.
import { Pencil } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { updateStage } from "@/app/t/[team]/journeys/actions";
import { CommentsButton } from "@/components/comments/comments-button";
import { useAnnouncePresence } from "@/components/realtime/live-provider";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/errors";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { useCanvas } from "./canvas-context";

const FIELDS = [
  { key: "customerGoal", label: "Goal" },
  { key: "doing", label: "Doing" },
  { key: "thinking", label: "Thinking" },
  { key: "feeling", label: "Feeling" },
] as const;

export function StageDetails({ stage }: { stage: CanvasStage }) {
  const { canEdit, journeyId } = useCanvas();
  const [editing, setEditing] = useState(false);
  if (editing) return <StageForm stage={stage} onDone={() => setEditing(false)} />;
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
        <Button variant="ghost" size="sm" className="h-8 self-start px-2 text-muted-foreground" onClick={() => setEditing(true)} data-print-hidden>
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

function StageForm({ stage, onDone }: { stage: CanvasStage; onDone: () => void }) {
  const { run, journeyId } = useCanvas();
  const id = useId();
  useAnnouncePresence(`journey:${journeyId}`, `stage:${stage.id}`);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    setBusy(true);
    const result = await run({ action: updateStage, input: { ...data, stageId: stage.id, version: stage.version }, success: `Saved the stage ${String(data.name)}.` });
    setBusy(false);
    if (result.ok) onDone();
    else setErrors(result.fieldErrors ?? {});
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2" aria-label={`Edit stage ${stage.name}`} data-print-hidden>
      <FormField id={`${id}-name`} label="Stage name" required error={errors.name}>
        <Input name="name" defaultValue={stage.name} required maxLength={200} autoFocus />
      </FormField>
      {FIELDS.map((f) => (
        <FormField key={f.key} id={`${id}-${f.key}`} label={f.key === "customerGoal" ? "Customer goal" : f.label} error={errors[f.key]}>
          <Textarea name={f.key} defaultValue={stage[f.key]} rows={2} className="min-h-16" maxLength={2000} />
        </FormField>
      ))}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Saving…" : "Save stage"}
        </Button>
        <Button size="sm" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
