"use client";
// Asks for a password reset link by e-mail.
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { forgotPasswordAction } from "../actions";
import { FormMessage, SubmitButton } from "../form-parts";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(forgotPasswordAction, null);
  const [email, setEmail] = useState("");

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <FormField id="forgot-email" label="E-mail" required error={fieldError(state, "email")}>
        <Input name="email" type="email" autoComplete="email" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Sending…" className="sm:w-full">
        Send the reset link
      </SubmitButton>
    </form>
  );
}
