"use client";
// A perspective's controls: rename and weight (dialog, whose fields load on the trigger's
// hover, focus or press), move up or down.
import { Button } from "@/components/ui/button";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { ActionForm, type FormAction } from "./action-form";
import { FormDialog } from "./form-dialog";

const PerspectiveFields = lazyWithPreload(() => import("./perspective-fields"));

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
        preload={PerspectiveFields.preload}
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Edit perspective ${perspective.name}`}>
            <SpriteIcon name="pencil" />
          </Button>
        }
      >
        {(state) => <PerspectiveFields state={state} perspective={perspective} />}
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
      // lucide's ArrowUp and ArrowDown are its ArrowRight turned a quarter: the sprite has that one.
      submitLabel={<SpriteIcon name="arrow-right" className={direction === "up" ? "-rotate-90" : "rotate-90"} />}
      submitAriaLabel={`Move ${perspective.name} ${direction}`}
      submitVariant="outline"
      pendingLabel=""
      gap={1}
      // A refusal or a conflict floats over the header instead of pushing it apart (globals.css).
      className="move-form"
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
