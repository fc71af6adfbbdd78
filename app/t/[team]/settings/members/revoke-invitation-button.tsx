"use client";
// Revokes one pending invitation: its link stops working at once and its seat is freed.
import { LoaderCircle } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeInvitation } from "./actions";

export function RevokeInvitationButton({ team, invitation }: { team: string; invitation: { id: string; email: string } }) {
  const [state, formAction, pending] = useActionState(revokeInvitation, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="invitationId" value={invitation.id} />
      <Button type="submit" variant="ghost" size="sm" className="text-destructive" disabled={pending} aria-label={`Revoke the invitation to ${invitation.email}`}>
        {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      <p aria-live="polite" className="max-w-56 text-right text-sm text-destructive empty:hidden">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
