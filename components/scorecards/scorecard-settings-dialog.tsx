"use client";
// A scorecard's settings (name, description, journey), opened from the scorecard's frame. The
// layout renders the trigger button on the server; the fields (scorecard-fields.tsx) load on
// the trigger's hover, focus or press.
import type { ReactNode } from "react";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import type { FormAction } from "./action-form";
import { FormDialog } from "./form-dialog";
import type { JourneyOption, ParentOption } from "./scorecard-fields";

const ScorecardFields = lazyWithPreload(() => import("./scorecard-fields"));

export function EditScorecardDialog({
  action, team, scorecard, journeys, parents, trigger,
}: {
  action: FormAction;
  team: string;
  scorecard: { id: string; name: string; description: string; journeyId: string | null; parentId: string | null; version: number };
  journeys: JourneyOption[];
  parents: ParentOption[];
  /** The "Settings" button. */
  trigger: ReactNode;
}) {
  return (
    <FormDialog
      action={action}
      team={team}
      version={scorecard.version}
      title="Scorecard settings"
      description="Changing the journey unlinks objectives from the old journey's stages."
      submitLabel="Save"
      preload={ScorecardFields.preload}
      trigger={trigger}
    >
      {(state) => <ScorecardFields state={state} journeys={journeys} parents={parents} scorecard={scorecard} />}
    </FormDialog>
  );
}
