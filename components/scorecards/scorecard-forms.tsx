"use client";
// Scorecard-level controls shown as they are: the starter kit, archive/restore and delete. The
// create and settings dialogs are in create-scorecard-dialog.tsx and scorecard-settings-dialog.tsx.
import { FolderTree, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ActionForm, type FormAction } from "./action-form";
import { ConfirmDelete } from "./confirm-delete";
import { newId } from "./create-scorecard-dialog";
import { MoveScorecardDialog } from "./move-scorecard-dialog";
import type { ParentOption } from "./scorecard-fields";

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

/** Archive or restore (editors) and delete (admins) for one scorecard. */
export function ScorecardRowActions({
  team, scorecard, archiveAction, restoreAction, deleteAction, canDelete, move,
}: {
  team: string;
  scorecard: { id: string; name: string; version: number; archived: boolean; childCount?: number; parentId?: string | null };
  archiveAction: FormAction;
  restoreAction: FormAction;
  deleteAction: FormAction;
  canDelete: boolean;
  /** Where it may move in the organisation tree (not inside itself). */
  move?: { action: FormAction; parents: readonly ParentOption[] };
}) {
  const archived = scorecard.archived;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {move ? (
        <MoveScorecardDialog
          key={`move-${scorecard.version}`}
          action={move.action}
          team={team}
          scorecard={{ id: scorecard.id, name: scorecard.name, version: scorecard.version, parentId: scorecard.parentId ?? null }}
          parents={move.parents}
          trigger={
            <Button variant="outline" aria-label={`Move ${scorecard.name} in the organisation`}>
              <FolderTree aria-hidden="true" />
              Move
            </Button>
          }
        />
      ) : null}
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
        gap={2}
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
          description="It moves to the recycle bin with its perspectives, objectives, KPIs, values and initiatives, where it can be restored for 30 days. The journey stays."
          choice={scorecard.childCount ? <ChildrenChoice count={scorecard.childCount} /> : undefined}
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

/** What becomes of a deleted scorecard's units below: asked only when it has some. */
function ChildrenChoice({ count }: { count: number }) {
  const units = `${count} unit${count === 1 ? "" : "s"} below`;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{`It has ${units}. What becomes of ${count === 1 ? "it" : "them"}?`}</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="children" value="move_up" defaultChecked className="mt-1 size-4" />
        <span>
          <span className="font-medium">Move {count === 1 ? "it" : "them"} up</span>
          <span className="block text-muted-foreground">They hang under this scorecard&apos;s parent (or at the top).</span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="children" value="delete" className="mt-1 size-4" />
        <span>
          <span className="font-medium">Delete {count === 1 ? "it" : "them"} too</span>
          <span className="block text-muted-foreground">Each goes to the recycle bin with its own contents, and can be restored on its own.</span>
        </span>
      </label>
    </fieldset>
  );
}
