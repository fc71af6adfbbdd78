"use client";
// Revoke one API key after a confirmation: requests with it are refused from the next one on.
import { LoaderCircle } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogFooter, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type RevokeAction = (state: ActionState, formData: FormData) => Promise<ActionResult>;

export function RevokeApiKeyButton({ team, apiKey, action }: { team: string; apiKey: { id: string; name: string }; action: RevokeAction }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setOpen(false);
    return result;
  }, null);

  return (
    <AlertDialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={`Revoke “${apiKey.name}”?`} description="Anything using this key is refused from its next request on. This cannot be undone; create a new key if you need one.">
        <form action={formAction} className="flex flex-col gap-4">
          <input type="hidden" name="team" value={team} />
          <input type="hidden" name="apiKeyId" value={apiKey.id} />
          {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
              {pending ? "Revoking…" : "Revoke key"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
