"use client";
// "Cascade": creates a unit below this scorecard whose objectives start as contributors to this
// one's. The layout renders the trigger on the server; the form loads when it opens.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { FormAction } from "./action-form";
import { newId } from "./create-scorecard-dialog";
import { TextField } from "./fields";
import { FormDialog } from "./form-dialog";

export function CascadeScorecardDialog({ action, team, scorecard, trigger }: { action: FormAction; team: string; scorecard: { id: string; name: string }; trigger: ReactNode }) {
  const router = useRouter();
  return (
    <FormDialog
      action={action}
      team={team}
      title={`Cascade “${scorecard.name}”`}
      description="Creates a scorecard below this one with the four default perspectives and a copy of each of its objectives, each contributing to the objective it copies. Edit them afterwards."
      submitLabel="Create the unit"
      pendingLabel="Creating…"
      onSuccess={(result) => {
        const id = newId(result.data);
        if (id) router.push(`/t/${team}/scorecards/${id}`);
      }}
      trigger={trigger}
    >
      {(state) => (
        <>
          <input type="hidden" name="scorecardId" value={scorecard.id} />
          <TextField id="cascade-name" name="name" label="Name of the unit" description="For example a division or a department." state={state} required />
        </>
      )}
    </FormDialog>
  );
}
