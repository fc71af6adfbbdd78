"use client";
// The "Accept invitation" button, with its pending state and the reason if the invitation was refused.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      <SubmitButton pending={pending} pendingLabel="Joining…" className="sm:w-full">
        Accept invitation and join {teamName}
      </SubmitButton>
    </form>
  );
}
