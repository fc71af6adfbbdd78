"use client";
// Create or edit an initiative: title, description, owner, dates, status, progress, budget.
import { Pencil, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { INITIATIVE_STATUS_LABELS } from "@/lib/scorecards/format";
import type { FormAction } from "./action-form";
import { NumberField, OwnerField, SelectField, TextareaField, TextField, toOptions, type MemberOption } from "./fields";
import { FormDialog } from "./form-dialog";

export interface InitiativeFormValues {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: keyof typeof INITIATIVE_STATUS_LABELS;
  progress: number;
  budget: number | null;
  version: number;
}

export function InitiativeDialog({
  action, team, objectiveId, objectiveTitle, members, initiative,
}: {
  action: FormAction;
  team: string;
  objectiveId: string;
  objectiveTitle: string;
  members: readonly MemberOption[];
  initiative?: InitiativeFormValues;
}) {
  const id = initiative?.id ?? `new-initiative-${objectiveId}`;
  return (
    <FormDialog
      action={action}
      team={team}
      version={initiative?.version}
      wide
      title={initiative ? `Edit initiative “${initiative.title}”` : `New initiative for “${objectiveTitle}”`}
      submitLabel={initiative ? "Save initiative" : "Add initiative"}
      trigger={
        initiative ? (
          <Button variant="ghost" size="icon" aria-label={`Edit initiative ${initiative.title}`}>
            <Pencil aria-hidden="true" />
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <Plus aria-hidden="true" />
            Initiative
          </Button>
        )
      }
    >
      {(state) => (
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
      )}
    </FormDialog>
  );
}
