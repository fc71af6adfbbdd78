"use client";
// RevokeShareLinkButton: asks for confirmation, then revokes a share link (the link becomes a 404 at once).
import { LoaderCircle } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogFooter, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type RevokeAction = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export function RevokeShareLinkButton({ action, team, shareLinkId, label }: { action: RevokeAction; team: string; shareLinkId: string; label: string }) {
  const [open, setOpen] = useState(false);
  // The dialog stays open (and its form mounted) until the server has answered.
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setOpen(false);
    return result;
  }, null);
  const name = label || "this link";
  return (
    <div className="flex flex-col items-end gap-1">
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogTrigger asChild>
          <Button variant="outline" size="sm">
            Revoke<span className="sr-only"> {name}</span>
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent title={`Revoke “${name}”?`} description="Anyone opening the link will see a “not found” page from now on. This cannot be undone.">
          <form action={formAction} className="flex flex-col gap-3">
            <input type="hidden" name="team" value={team} />
            <input type="hidden" name="shareLinkId" value={shareLinkId} />
            {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
            <AlertDialogFooter>
              <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
              <Button type="submit" variant="destructive" disabled={pending}>
                {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
                {pending ? "Revoking…" : "Revoke link"}
              </Button>
            </AlertDialogFooter>
          </form>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
