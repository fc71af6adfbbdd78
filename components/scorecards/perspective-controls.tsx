"use client";
// A perspective's controls: rename and weight (dialog), move up or down.
import { ArrowDown, ArrowUp, Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ActionForm, type FormAction } from "./action-form";
import { NumberField, TextField } from "./fields";
import { FormDialog } from "./form-dialog";

export function PerspectiveControls({
  team, perspective, updateAction, moveAction, first, last,
}: {
  team: string;
  perspective: { id: string; name: string; weight: number; version: number };
  updateAction: FormAction;
  moveAction: FormAction;
  first: boolean;
  last: boolean;
}) {
  return (
    <div className="flex items-center gap-1">
      <FormDialog
        action={updateAction}
        team={team}
        version={perspective.version}
        title={`Edit perspective “${perspective.name}”`}
        description="The weight sets how much this perspective counts in the scorecard's score, relative to the others."
        submitLabel="Save"
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Edit perspective ${perspective.name}`}>
            <Pencil aria-hidden="true" />
          </Button>
        }
      >
        {(state) => (
          <>
            <input type="hidden" name="perspectiveId" value={perspective.id} />
            <TextField id={`perspective-${perspective.id}-name`} name="name" label="Name" state={state} required defaultValue={perspective.name} />
            <NumberField id={`perspective-${perspective.id}-weight`} name="weight" label="Weight" state={state} required min={0} defaultValue={perspective.weight} />
          </>
        )}
      </FormDialog>
      {(["up", "down"] as const).map((direction) =>
        (direction === "up" ? first : last) ? null : (
          <MoveButton key={direction} team={team} perspective={perspective} action={moveAction} direction={direction} />
        ),
      )}
    </div>
  );
}

function MoveButton({ team, perspective, action, direction }: { team: string; perspective: { id: string; name: string; version: number }; action: FormAction; direction: "up" | "down" }) {
  return (
    <ActionForm
      // Re-mount with each new version: a move is a one-click write, never a stale one of ours.
      key={perspective.version}
      action={action}
      team={team}
      version={perspective.version}
      submitLabel={direction === "up" ? <ArrowUp aria-hidden="true" /> : <ArrowDown aria-hidden="true" />}
      submitAriaLabel={`Move ${perspective.name} ${direction}`}
      submitVariant="outline"
      pendingLabel=""
      className="gap-1 [&_[role=alert]]:absolute [&_[role=alert]]:z-10 [&_[role=alert]]:max-w-xs [&_[role=alertdialog]]:absolute [&_[role=alertdialog]]:z-10 [&_[role=alertdialog]]:max-w-xs"
    >
      {() => (
        <>
          <input type="hidden" name="perspectiveId" value={perspective.id} />
          <input type="hidden" name="direction" value={direction} />
        </>
      )}
    </ActionForm>
  );
}
