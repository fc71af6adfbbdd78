"use client";
// The account creation form: name, e-mail, password, and the invitation it came from, if any.
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { signUpAction } from "../actions";
import { FormMessage, SubmitButton } from "../form-parts";

export function SignUpForm({ invite, invitedEmail, passwordRule }: { invite?: string; invitedEmail?: string; passwordRule: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, null);
  const [name, setName] = useState("");
  const [email, setEmail] = useState(invitedEmail ?? "");

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      {invite ? <input type="hidden" name="invite" value={invite} /> : null}
      <FormField id="sign-up-name" label="Your name" required error={fieldError(state, "name")}>
        <Input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField id="sign-up-email" label="Work e-mail" required error={fieldError(state, "email")}>
        <Input name="email" type="email" autoComplete="email" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </FormField>
      <FormField id="sign-up-password" label="Password" description={passwordRule} required error={fieldError(state, "password")}>
        <Input name="password" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Creating your account…" className="sm:w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
