"use client";
// Create or edit an objective: title, description, owner, weight, perspective (when editing)
// and the journey stages it serves.
import { Pencil, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fieldError } from "@/lib/actions/result";
import type { FormAction } from "./action-form";
import { NumberField, OwnerField, SelectField, TextareaField, TextField, type MemberOption } from "./fields";
import { FormDialog } from "./form-dialog";

export interface ObjectiveFormValues {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  weight: number;
  perspectiveId: string;
  stageIds: string[];
  version: number;
}

export function ObjectiveDialog({
  action, team, perspectiveId, perspectiveName, perspectives, stages, members, objective, presenceScope,
}: {
  action: FormAction;
  team: string;
  perspectiveId: string;
  perspectiveName: string;
  perspectives: ReadonlyArray<{ id: string; name: string }>;
  stages: ReadonlyArray<{ id: string; name: string }>;
  members: readonly MemberOption[];
  /** Absent: a new objective in `perspectiveId`. */
  objective?: ObjectiveFormValues;
  /** e.g. "scorecard:<id>": while editing, the others there see who edits this objective. */
  presenceScope?: string;
}) {
  const key = objective?.id ?? `new-${perspectiveId}`;
  return (
    <FormDialog
      action={action}
      team={team}
      version={objective?.version}
      presence={objective && presenceScope ? { scope: presenceScope, target: `objective:${objective.id}` } : undefined}
      wide
      title={objective ? `Edit objective “${objective.title}”` : `New objective in ${perspectiveName}`}
      submitLabel={objective ? "Save objective" : "Add objective"}
      trigger={
        objective ? (
          <Button variant="ghost" size="icon" aria-label={`Edit objective ${objective.title}`}>
            <Pencil aria-hidden="true" />
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <Plus aria-hidden="true" />
            Add objective
          </Button>
        )
      }
    >
      {(state) => {
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
      }}
    </FormDialog>
  );
}
