"use client";
// Adds a stage at the end or before any existing stage.
import { Plus } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { addStage } from "@/app/t/[team]/journeys/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/errors";
import { useCanvas } from "./canvas-context";

export function AddStageForm({ startOpen = false }: { startOpen?: boolean }) {
  const { run, stages, journeyId } = useCanvas();
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button variant="outline" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Add stage
      </Button>
    );
  }

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
      setOpen(startOpen);
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
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
