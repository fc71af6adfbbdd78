"use client";
// The fields of the initiative dialogs (initiative-dialog.tsx), loaded when one opens.
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, type ActionState } from "@/lib/actions/result";
import { INITIATIVE_STATUS_LABELS } from "@/lib/scorecards/format";
import { NumberField, OwnerField, SelectField, TextareaField, TextField, toOptions, type MemberOption } from "./fields";
import type { InitiativeFormValues } from "./initiative-dialog";

export default function InitiativeFields({
  state, fieldKey: id, objectiveId, members, initiative,
}: {
  state: ActionState;
  /** Prefix of the fields' ids. */
  fieldKey: string;
  objectiveId: string;
  members: readonly MemberOption[];
  initiative?: InitiativeFormValues;
}) {
  return (
    <>
      {initiative ? <input type="hidden" name="initiativeId" value={initiative.id} /> : <input type="hidden" name="objectiveId" value={objectiveId} />}
      <TextField id={`${id}-title`} name="title" label="Title" state={state} required defaultValue={initiative?.title} />
      <TextareaField id={`${id}-description`} name="description" label="Description" state={state} defaultValue={initiative?.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <OwnerField id={`${id}-owner`} state={state} members={members} defaultValue={initiative?.ownerId} />
        <SelectField id={`${id}-status`} name="status" label="Status" state={state} defaultValue={initiative?.status ?? "planned"} options={toOptions(INITIATIVE_STATUS_LABELS)} />
        <FormField id={`${id}-start`} label="Start date" error={fieldError(state, "startDate")}>
          <Input type="date" name="startDate" defaultValue={initiative?.startDate ?? ""} />
        </FormField>
        <FormField id={`${id}-due`} label="Due date" error={fieldError(state, "dueDate")}>
          <Input type="date" name="dueDate" defaultValue={initiative?.dueDate ?? ""} />
        </FormField>
        <NumberField id={`${id}-progress`} name="progress" label="Progress (%)" state={state} step="1" min={0} max={100} defaultValue={initiative?.progress ?? 0} />
        <NumberField id={`${id}-budget`} name="budget" label="Budget" description="Optional, in your reporting currency." state={state} min={0} defaultValue={initiative?.budget} />
      </div>
    </>
  );
}
