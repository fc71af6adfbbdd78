"use client";
// The e-mail field of "Sign in with SSO": the address's domain names the team whose provider to use.
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { ssoSignInAction } from "../../actions";
import { FormMessage, SubmitButton } from "../../form-parts";

export function SsoSignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [state, formAction, pending] = useActionState(ssoSignInAction, null);
  const [email, setEmail] = useState("");
  const emailError = fieldError(state, "email");
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {emailError ? null : <FormMessage state={state} />}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField id="sso-email" label="Work e-mail" description="The address your organisation gave you." error={emailError}>
        <Input name="email" type="email" autoComplete="email" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Redirecting…" className="sm:w-full">
        Continue with SSO
      </SubmitButton>
    </form>
  );
}
