"use client";
// Sends a new e-mail confirmation link to the signed-in person's address.
import { useActionState } from "react";
import { resendVerificationAction } from "../(auth)/actions";
import { FormMessage, SubmitButton } from "../(auth)/form-parts";

export function ResendVerificationForm() {
  const [state, formAction, pending] = useActionState(resendVerificationAction, null);

  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingLabel="Sending…" className="self-start">
        Resend the confirmation e-mail
      </SubmitButton>
    </form>
  );
}
