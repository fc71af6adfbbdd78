"use client";
// Deleting the team: a confirm dialog that needs the team's URL name typed exactly (the server checks it again).
import { LoaderCircle, Trash2 } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogFooter, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { deleteTeam } from "./actions";

export function DeleteTeamDialog({ team }: { team: { slug: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [state, formAction, pending] = useActionState(deleteTeam, null);
  const matches = typed.trim() === team.slug;

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) setTyped("");
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="destructive">
          <Trash2 aria-hidden="true" />
          Delete this team
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={`Delete ${team.name}?`} description="Everything in the team is deleted for every member. This cannot be undone.">
        {/* A plain submit button, not AlertDialogAction: the dialog must stay mounted until the action answers. */}
        <form action={formAction} noValidate className="flex flex-col gap-4">
          <input type="hidden" name="team" value={team.slug} />
          {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
          <FormField id="delete-team-confirmation" label={`Type ${team.slug} to confirm`} error={fieldError(state, "confirmation")}>
            <Input name="confirmation" autoComplete="off" autoCapitalize="none" autoCorrect="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
          </FormField>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={!matches || pending}>
              {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
              {pending ? "Deleting…" : "Delete team permanently"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
