"use client";
// Restore one recycle-bin entry: a one-button form; a refusal (its parent is gone, the plan is
// full) is said beside the button, and a restore says where the item is back.
import { useActionForm } from "@/components/journeys/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { announceBinNotice } from "./bin-notice";

type RestoreAction = (input: FormData) => Promise<ActionResult<unknown>>;

export function RestoreButton({ action, team, itemId, name, backHref }: { action: RestoreAction; team: string; itemId: string; name: string; backHref: string }) {
  const { state, pending, onSubmit } = useActionForm(action, () =>
    announceBinNotice({ text: `Restored ${name}.`, href: backHref, linkLabel: "Open it" }),
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-2">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="itemId" value={itemId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={`Restore ${name}`}>
        {pending ? "Restoring…" : "Restore"}
      </Button>
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
    </form>
  );
}
