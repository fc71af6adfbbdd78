"use client";
// Create or edit a KPI with every field; when editing, a target change can carry a reason
// that is kept in the KPI's target history. The fields (kpi-fields.tsx) load on the trigger's
// hover, focus or press.
import { Button } from "@/components/ui/button";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { KpiFormValues } from "@/lib/scorecards/editor-view";
import type { FormAction } from "./action-form";
import type { MemberOption } from "./fields";
import { FormDialog } from "./form-dialog";

const KpiFields = lazyWithPreload(() => import("./kpi-fields"));

export type { KpiFormValues };

export function KpiDialog({
  action, team, objectiveId, objectiveTitle, members, kpi, presenceScope,
}: {
  action: FormAction;
  team: string;
  objectiveId: string;
  objectiveTitle: string;
  members: readonly MemberOption[];
  /** Absent: a new KPI on `objectiveId`. */
  kpi?: KpiFormValues;
  /** e.g. "scorecard:<id>": while editing, the others there see who edits this KPI. */
  presenceScope?: string;
}) {
  return (
    <FormDialog
      action={action}
      team={team}
      version={kpi?.version}
      presence={kpi && presenceScope ? { scope: presenceScope, target: `kpi:${kpi.id}` } : undefined}
      wide
      title={kpi ? `Edit KPI “${kpi.name}”` : `New KPI for “${objectiveTitle}”`}
      submitLabel={kpi ? "Save KPI" : "Add KPI"}
      preload={KpiFields.preload}
      trigger={
        kpi ? (
          <Button variant="ghost" size="icon" aria-label={`Edit KPI ${kpi.name}`}>
            <SpriteIcon name="pencil" />
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <SpriteIcon name="plus" />
            Blank KPI
          </Button>
        )
      }
    >
      {(state) => <KpiFields state={state} objectiveId={objectiveId} members={members} kpi={kpi} />}
    </FormDialog>
  );
}
