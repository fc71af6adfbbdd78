"use client";
// The fields of the objective dialogs (objective-dialog.tsx), loaded when one opens.
import { fieldError, type ActionState } from "@/lib/actions/result";
import { NumberField, OwnerField, SelectField, TextareaField, TextField, type MemberOption } from "./fields";
import type { ObjectiveFormValues } from "./objective-dialog";

export default function ObjectiveFields({
  state, fieldKey: key, perspectiveId, perspectives, stages, members, objective,
}: {
  state: ActionState;
  /** Prefix of the fields' ids: the objective's id, or "new-<perspective id>". */
  fieldKey: string;
  perspectiveId: string;
  perspectives: ReadonlyArray<{ id: string; name: string }>;
  stages: ReadonlyArray<{ id: string; name: string }>;
  members: readonly MemberOption[];
  objective?: ObjectiveFormValues;
}) {
  const stagesError = fieldError(state, "stageIds") ?? Object.entries(state && !state.ok ? (state.fieldErrors ?? {}) : {}).find(([k]) => k.startsWith("stageIds."))?.[1][0];
  return (
    <>
      {objective ? <input type="hidden" name="objectiveId" value={objective.id} /> : null}
      {objective ? (
        <SelectField
          id={`${key}-perspective`}
          name="perspectiveId"
          label="Perspective"
          state={state}
          defaultValue={objective.perspectiveId}
          options={perspectives.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : (
        <input type="hidden" name="perspectiveId" value={perspectiveId} />
      )}
      <TextField id={`${key}-title`} name="title" label="Title" state={state} required defaultValue={objective?.title} />
      <TextareaField id={`${key}-description`} name="description" label="Description" state={state} defaultValue={objective?.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <OwnerField id={`${key}-owner`} state={state} members={members} defaultValue={objective?.ownerId} />
        <NumberField id={`${key}-weight`} name="weight" label="Weight" description="Relative to the other objectives of this perspective." state={state} min={0} defaultValue={objective?.weight ?? 1} />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby={stagesError ? `${key}-stages-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">Journey stages it serves</legend>
        {stages.length === 0 ? (
          <p className="text-sm text-muted-foreground">Tie this scorecard to a journey (Settings) to choose stages.</p>
        ) : (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {stages.map((stage) => (
              <label key={stage.id} className="flex min-h-10 items-center gap-2 rounded-md border px-3 text-sm">
                <input type="checkbox" name="stageIds" value={stage.id} defaultChecked={objective?.stageIds.includes(stage.id)} className="size-4" />
                {stage.name}
              </label>
            ))}
          </div>
        )}
        <p id={`${key}-stages-error`} aria-live="polite" className="text-sm font-medium text-destructive empty:hidden">
          {stagesError}
        </p>
      </fieldset>
    </>
  );
}
