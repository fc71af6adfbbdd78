"use client";
// The code field of the second sign-in step.
import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { secondFactorAction } from "../../actions";
import { FormMessage, SubmitButton } from "../../form-parts";

export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(secondFactorAction, null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField id="second-factor-code" label="Authentication code" description="6 digits, or a recovery code such as abcd-efgh-jkmn-pqrs." error={fieldError(state, "code")}>
        <Input name="code" type="text" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} required maxLength={64} autoFocus />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Checking…" className="sm:w-full">
        Verify
      </SubmitButton>
    </form>
  );
}
