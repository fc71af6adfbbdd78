"use client";
// Scorecard-level controls: create, the starter kit, settings (name, description, journey),
// archive/restore and delete.
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ActionForm, type FormAction } from "./action-form";
import { TextareaField, TextField, SelectField } from "./fields";
import { ConfirmDelete, FormDialog } from "./form-dialog";

type JourneyOption = { id: string; name: string };

const journeyOptions = (journeys: readonly JourneyOption[]) => [{ value: "", label: "No journey" }, ...journeys.map((j) => ({ value: j.id, label: j.name }))];
const newId = (data: unknown) => (data && typeof data === "object" && "id" in data ? String(data.id) : null);

export function CreateScorecardDialog({ action, team, journeys, limitNote }: { action: FormAction; team: string; journeys: JourneyOption[]; limitNote?: string }) {
  const router = useRouter();
  return (
    <FormDialog
      action={action}
      team={team}
      title="New scorecard"
      description={limitNote ?? "Starts with the four Balanced Scorecard perspectives, equally weighted."}
      submitLabel="Create scorecard"
      pendingLabel="Creating…"
      onSuccess={(result) => {
        const id = newId(result.data);
        if (id) router.push(`/t/${team}/scorecards/${id}`);
      }}
      trigger={
        <Button>
          <Plus aria-hidden="true" />
          New scorecard
        </Button>
      }
    >
      {(state) => (
        <>
          <TextField id="scorecard-name" name="name" label="Name" state={state} required />
          <SelectField
            id="scorecard-journey"
            name="journeyId"
            label="Journey"
            description="Objectives can then say which stages of this journey they serve."
            state={state}
            defaultValue=""
            options={journeyOptions(journeys)}
          />
          <TextareaField id="scorecard-description" name="description" label="Description" state={state} />
        </>
      )}
    </FormDialog>
  );
}

export function StarterKitForm({ action, team }: { action: FormAction; team: string }) {
  const router = useRouter();
  return (
    <ActionForm
      action={action}
      team={team}
      submitLabel="Build a starter scorecard"
      pendingLabel="Building…"
      onSuccess={(result) => {
        const id = newId(result.data);
        if (id) router.push(`/t/${team}/scorecards/${id}`);
      }}
    >
      {() => (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Journey template</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="template" value="lifecycle" defaultChecked className="mt-1 size-4" />
            <span>
              <span className="font-medium">Customer lifecycle</span>
              <span className="block text-muted-foreground">Discovery, Evaluation, Purchase, Onboarding, Usage, Support</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="template" value="funnel" className="mt-1 size-4" />
            <span>
              <span className="font-medium">Marketing funnel</span>
              <span className="block text-muted-foreground">Awareness, Consideration, Decision, Adoption, Loyalty</span>
            </span>
          </label>
        </fieldset>
      )}
    </ActionForm>
  );
}

export function EditScorecardDialog({
  action, team, scorecard, journeys,
}: {
  action: FormAction;
  team: string;
  scorecard: { id: string; name: string; description: string; journeyId: string | null; version: number };
  journeys: JourneyOption[];
}) {
  return (
    <FormDialog
      action={action}
      team={team}
      version={scorecard.version}
      title="Scorecard settings"
      description="Changing the journey unlinks objectives from the old journey's stages."
      submitLabel="Save"
      trigger={
        <Button variant="outline" size="sm">
          <Pencil aria-hidden="true" />
          Settings
        </Button>
      }
    >
      {(state) => (
        <>
          <input type="hidden" name="scorecardId" value={scorecard.id} />
          <TextField id="scorecard-edit-name" name="name" label="Name" state={state} required defaultValue={scorecard.name} />
          <SelectField id="scorecard-edit-journey" name="journeyId" label="Journey" state={state} defaultValue={scorecard.journeyId ?? ""} options={journeyOptions(journeys)} />
          <TextareaField id="scorecard-edit-description" name="description" label="Description" state={state} defaultValue={scorecard.description} />
        </>
      )}
    </FormDialog>
  );
}

/** Archive or restore (editors) and delete (admins) for one scorecard. */
export function ScorecardRowActions({
  team, scorecard, archiveAction, restoreAction, deleteAction, canDelete,
}: {
  team: string;
  scorecard: { id: string; name: string; version: number; archived: boolean };
  archiveAction: FormAction;
  restoreAction: FormAction;
  deleteAction: FormAction;
  canDelete: boolean;
}) {
  const archived = scorecard.archived;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <ActionForm
        // A one-click write: re-mount with each new version so a live refresh never leaves it stale.
        key={scorecard.version}
        action={archived ? restoreAction : archiveAction}
        team={team}
        version={scorecard.version}
        submitLabel={archived ? "Restore" : "Archive"}
        pendingLabel={archived ? "Restoring…" : "Archiving…"}
        submitVariant="outline"
        submitAriaLabel={`${archived ? "Restore" : "Archive"} ${scorecard.name}`}
        className="gap-2"
      >
        {() => <input type="hidden" name="scorecardId" value={scorecard.id} />}
      </ActionForm>
      {canDelete ? (
        <ConfirmDelete
          action={deleteAction}
          team={team}
          version={scorecard.version}
          fields={{ scorecardId: scorecard.id }}
          title={`Delete “${scorecard.name}”?`}
          description="Its perspectives, objectives, KPIs, values and initiatives are deleted with it. This cannot be undone. The journey stays."
          trigger={
            <Button variant="outline" aria-label={`Delete ${scorecard.name}`}>
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
