"use client";
// Create or edit an initiative: title, description, owner, dates, status, progress, budget.
// The fields (initiative-fields.tsx) load on the trigger's hover, focus or press.
import { Button } from "@/components/ui/button";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { InitiativeFormValues } from "@/lib/scorecards/editor-view";
import type { FormAction } from "./action-form";
import type { MemberOption } from "./fields";
import { FormDialog } from "./form-dialog";

const InitiativeFields = lazyWithPreload(() => import("./initiative-fields"));

export type { InitiativeFormValues };

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
      preload={InitiativeFields.preload}
      trigger={
        initiative ? (
          <Button variant="ghost" size="icon" aria-label={`Edit initiative ${initiative.title}`}>
            <SpriteIcon name="pencil" />
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <SpriteIcon name="plus" />
            Initiative
          </Button>
        )
      }
    >
      {(state) => <InitiativeFields state={state} fieldKey={id} objectiveId={objectiveId} members={members} initiative={initiative} />}
    </FormDialog>
  );
}
