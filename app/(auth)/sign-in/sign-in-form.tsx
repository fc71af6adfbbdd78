"use client";
// The e-mail and password form of the sign-in page.
import Link from "next/link";
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { signInAction } from "../actions";
import { FormMessage, SubmitButton } from "../form-parts";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  // Controlled, so the address survives React's form reset after a refused attempt. Both fields are
  // plainly needed here, so their labels carry no "(required)" marker.
  const [email, setEmail] = useState("");

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField id="sign-in-email" label="E-mail" error={fieldError(state, "email")}>
        <Input name="email" type="email" autoComplete="email" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </FormField>
      <div className="flex flex-col gap-2">
        <FormField id="sign-in-password" label="Password" error={fieldError(state, "password")}>
          <Input name="password" type="password" autoComplete="current-password" required />
        </FormField>
        <Link href="/forgot-password" className="self-start text-sm text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="sm:w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
