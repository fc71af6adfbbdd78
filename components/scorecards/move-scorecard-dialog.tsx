"use client";
// "Move" on a row of the scorecards list: under another scorecard of the team, or to the top.
// The options leave out the scorecard itself and everything below it (the server refuses a loop
// anyway, naming both scorecards).
import type { ReactNode } from "react";
import type { FormAction } from "./action-form";
import { SelectField } from "./fields";
import { FormDialog } from "./form-dialog";
import { parentSelectOptions, type ParentOption } from "./scorecard-fields";

export function MoveScorecardDialog({
  action, team, scorecard, parents, trigger,
}: {
  action: FormAction;
  team: string;
  scorecard: { id: string; name: string; version: number; parentId: string | null };
  parents: readonly ParentOption[];
  trigger: ReactNode;
}) {
  return (
    <FormDialog
      action={action}
      team={team}
      version={scorecard.version}
      title={`Move “${scorecard.name}”`}
      description="Its units below move with it. Contributions of its objectives to objectives that are no longer above it are removed."
      submitLabel="Move"
      pendingLabel="Moving…"
      trigger={trigger}
    >
      {(state) => (
        <>
          <input type="hidden" name="scorecardId" value={scorecard.id} />
          <SelectField
            id={`move-parent-${scorecard.id}`}
            name="parentId"
            label="Parent scorecard"
            state={state}
            defaultValue={scorecard.parentId ?? ""}
            options={parentSelectOptions(parents)}
          />
        </>
      )}
    </FormDialog>
  );
}
