"use client";
// Changes the password (current, new, repeat); every other session of the account ends.
import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { FormMessage, SubmitButton } from "../(auth)/form-parts";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email, hasPassword, passwordRule }: { email: string; hasPassword: boolean; passwordRule: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, null);

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {hasPassword ? (
        <FormField id="account-current-password" label="Current password" required error={fieldError(state, "currentPassword")}>
          <Input name="currentPassword" type="password" autoComplete="current-password" required maxLength={128} />
        </FormField>
      ) : (
        <input type="hidden" name="currentPassword" value="" />
      )}
      <FormField id="account-new-password" label="New password" description={passwordRule} required error={fieldError(state, "newPassword")}>
        <Input name="newPassword" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <FormField id="account-confirm-password" label="Repeat the new password" required error={fieldError(state, "confirmPassword")}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        {hasPassword ? "Change password" : "Set a password"}
      </SubmitButton>
    </form>
  );
}
