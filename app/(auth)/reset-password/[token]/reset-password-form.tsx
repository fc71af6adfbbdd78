"use client";
// Chooses a new password from an e-mailed reset link.
import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { resetPasswordAction } from "../../actions";
import { FormMessage, SubmitButton } from "../../form-parts";

export function ResetPasswordForm({ token, passwordRule }: { token: string; passwordRule: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, null);

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField id="reset-new-password" label="New password" description={passwordRule} required error={fieldError(state, "newPassword")}>
        <Input name="newPassword" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <FormField id="reset-confirm-password" label="Repeat the new password" required error={fieldError(state, "confirmPassword")}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Saving…" className="sm:w-full">
        Set the new password
      </SubmitButton>
    </form>
  );
}
