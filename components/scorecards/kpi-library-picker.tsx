"use client";
// Add KPIs from the library: filter by perspective and journey stage, tick several, add them
// in one go. Templates that break a rule as they are show why and cannot be ticked. The list and
// the library itself (kpi-library-list.tsx) load on the trigger's hover, focus or press.
import { Button } from "@/components/ui/button";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { fieldError } from "@/lib/actions/result";
import type { PerspectiveKind } from "@/lib/kpi-library";
import type { FormAction } from "./action-form";
import { FormDialog } from "./form-dialog";

const PickerList = lazyWithPreload(() => import("./kpi-library-list"));

export function KpiLibraryPicker({
  action, team, objectiveId, objectiveTitle, perspectiveKind, stages, existingNames,
}: {
  action: FormAction;
  team: string;
  objectiveId: string;
  objectiveTitle: string;
  perspectiveKind: PerspectiveKind;
  /** The scorecard journey's stage names, to filter templates by the stage they serve. */
  stages: readonly string[];
  /** KPI names already on the objective: marked, so nobody adds the same one twice by accident. */
  existingNames: readonly string[];
}) {
  return (
    <FormDialog
      action={action}
      team={team}
      wide
      title={`Add KPIs from the library to “${objectiveTitle}”`}
      description="Each comes with a unit, direction, baseline, target and red threshold you can tune afterwards."
      submitLabel="Add selected KPIs"
      pendingLabel="Adding…"
      preload={PickerList.preload}
      trigger={
        <Button variant="outline" size="sm">
          <SpriteIcon name="library" />
          From library
        </Button>
      }
    >
      {(state) => (
        <>
          <input type="hidden" name="objectiveId" value={objectiveId} />
          <PickerList perspectiveKind={perspectiveKind} stages={stages} existingNames={existingNames} idPrefix={objectiveId} />
          <p aria-live="polite" className="text-sm font-medium text-destructive empty:hidden">
            {fieldError(state, "templateKeys")}
          </p>
        </>
      )}
    </FormDialog>
  );
}
