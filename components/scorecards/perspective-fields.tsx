"use client";
// The fields of the perspective dialog (perspective-controls.tsx), loaded when it opens.
import type { ActionState } from "@/lib/actions/result";
import { NumberField, TextField } from "./fields";

export default function PerspectiveFields({ state, perspective }: { state: ActionState; perspective: { id: string; name: string; weight: number } }) {
  return (
    <>
      <input type="hidden" name="perspectiveId" value={perspective.id} />
      <TextField id={`perspective-${perspective.id}-name`} name="name" label="Name" state={state} required defaultValue={perspective.name} />
      <NumberField id={`perspective-${perspective.id}-weight`} name="weight" label="Weight" state={state} required min={0} defaultValue={perspective.weight} />
    </>
  );
}
