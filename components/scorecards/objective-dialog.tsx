"use client";
// Create or edit an objective: title, description, owner, weight, perspective (when editing)
// and the journey stages it serves. The fields (objective-fields.tsx) load on the trigger's
// hover, focus or press.
import { Button } from "@/components/ui/button";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { ObjectiveFormValues } from "@/lib/scorecards/editor-view";
import type { FormAction } from "./action-form";
import type { MemberOption } from "./fields";
import { FormDialog } from "./form-dialog";

const ObjectiveFields = lazyWithPreload(() => import("./objective-fields"));

export type { ObjectiveFormValues };

export function ObjectiveDialog({
  action, team, perspectiveId, perspectiveName, perspectives, stages, members, objective, presenceScope,
}: {
  action: FormAction;
  team: string;
  perspectiveId: string;
  perspectiveName: string;
  perspectives: ReadonlyArray<{ id: string; name: string }>;
  stages: ReadonlyArray<{ id: string; name: string }>;
  members: readonly MemberOption[];
  /** Absent: a new objective in `perspectiveId`. */
  objective?: ObjectiveFormValues;
  /** e.g. "scorecard:<id>": while editing, the others there see who edits this objective. */
  presenceScope?: string;
}) {
  const key = objective?.id ?? `new-${perspectiveId}`;
  return (
    <FormDialog
      action={action}
      team={team}
      version={objective?.version}
      presence={objective && presenceScope ? { scope: presenceScope, target: `objective:${objective.id}` } : undefined}
      wide
      title={objective ? `Edit objective “${objective.title}”` : `New objective in ${perspectiveName}`}
      submitLabel={objective ? "Save objective" : "Add objective"}
      preload={ObjectiveFields.preload}
      trigger={
        objective ? (
          <Button variant="ghost" size="icon" aria-label={`Edit objective ${objective.title}`}>
            <SpriteIcon name="pencil" />
          </Button>
        ) : (
          <Button variant="outline" size="sm">
            <SpriteIcon name="plus" />
            Add objective
          </Button>
        )
      }
    >
      {(state) => <ObjectiveFields state={state} fieldKey={key} perspectiveId={perspectiveId} perspectives={perspectives} stages={stages} members={members} objective={objective} />}
    </FormDialog>
  );
}
