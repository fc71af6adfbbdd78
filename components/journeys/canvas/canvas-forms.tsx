"use client";
// The journey canvas's editing forms: a card, a stage's details, a new stage. Editors get them
// once the page is idle (lazy-forms.tsx); viewers never load them.
import { useId, useState, type FormEvent } from "react";
import {
  addNoteAction, addStage, addTouchpointAction, updateNoteAction, updateStage, updateTouchpointAction,
} from "@/app/t/[team]/journeys/actions";
import { useAnnouncePresence } from "@/components/realtime/live-provider";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/errors";
import type { CanvasStage } from "@/lib/journeys/canvas";
import type { LaneKey } from "@/lib/journeys/canvas-ops";
import { CHANNEL_LABELS, TOUCHPOINT_CHANNELS } from "@/lib/journeys/channels";
import { useCanvas } from "./canvas-context";
import { LANE, type Card } from "./lanes";
import { STAGE_FIELDS as FIELDS } from "./stage-fields";

/** Add or edit one card in place. */
export function CardForm({ lane, stageId, card, onDone }: { lane: LaneKey; stageId: string; card?: Card; onDone: () => void }) {
  const { run, members } = useCanvas();
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const touchpoint = card && "channel" in card ? card : null;
  const note = card && !("channel" in card) ? card : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setBusy(true);
    const { action, input } =
      lane === "touchpoints"
        ? card
          ? { action: updateTouchpointAction, input: { ...data, touchpointId: card.id, version: card.version } }
          : { action: addTouchpointAction, input: { ...data, stageId } }
        : card
          ? { action: updateNoteAction, input: { text: data.text, noteId: card.id, version: card.version } }
          : { action: addNoteAction, input: { text: data.text, stageId, kind: LANE[lane].kind } };
    const result = await run({ action, input, success: card ? "Saved." : `Added the ${LANE[lane].one}.` });
    setBusy(false);
    if (result.ok) onDone();
    else setErrors(result.fieldErrors ?? {});
  };

  const what = LANE[lane].one;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2" aria-label={card ? `Edit ${what}` : `New ${what}`} data-print-hidden>
      {lane === "touchpoints" ? (
        <>
          <FormField id={`${id}-channel`} label="Channel" error={errors.channel}>
            <Select name="channel" defaultValue={touchpoint?.channel ?? "website"}>
              {TOUCHPOINT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id={`${id}-detail`} label="Channel detail" error={errors.channelDetail}>
            <Input name="channelDetail" defaultValue={touchpoint?.channelDetail ?? ""} maxLength={200} placeholder="e.g. Instagram" />
          </FormField>
          <FormField id={`${id}-description`} label="Description" required error={errors.description}>
            <Textarea name="description" defaultValue={touchpoint?.description ?? ""} rows={2} minHeight={16} required maxLength={1000} autoFocus />
          </FormField>
          <FormField id={`${id}-owner`} label="Owner" error={errors.ownerId}>
            <Select name="ownerId" defaultValue={touchpoint?.ownerId ?? ""}>
              <option value="">No owner</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
          </FormField>
        </>
      ) : (
        <FormField id={`${id}-text`} label={what === "opportunity" ? "Opportunity" : "Pain point"} required error={errors.text}>
          <Textarea name="text" defaultValue={note?.text ?? ""} rows={2} minHeight={16} required maxLength={1000} autoFocus />
        </FormField>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Saving…" : card ? "Save" : `Add ${what}`}
        </Button>
        <Button size="sm" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A stage's name and the customer's side, edited in place. */
export function StageForm({ stage, onDone }: { stage: CanvasStage; onDone: () => void }) {
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
          <Textarea name={f.key} defaultValue={stage[f.key]} rows={2} minHeight={16} maxLength={2000} />
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

/** The new stage's name and place; it stays open after adding when the canvas was empty. */
export function NewStageForm({ startOpen, onClose }: { startOpen: boolean; onClose: () => void }) {
  const { run, stages, journeyId } = useCanvas();
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setBusy(true);
    const result = await run({ action: addStage, input: { ...data, journeyId }, success: `Added the stage ${data.name}.` });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      form.reset();
      if (!startOpen) onClose();
    } else setErrors(result.fieldErrors ?? {});
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2 rounded-lg border p-3" aria-label="Add a stage">
      <FormField id={`${id}-name`} label="Stage name" required error={errors.name} className="min-w-48 flex-1">
        <Input name="name" required maxLength={200} autoFocus={!startOpen} />
      </FormField>
      <FormField id={`${id}-position`} label="Where" error={errors.position} className="min-w-48">
        <Select name="position" defaultValue="">
          <option value="">At the end</option>
          {stages.map((s, i) => (
            <option key={s.id} value={i}>
              Before {s.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add stage"}
        </Button>
        {startOpen ? null : (
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
