"use client";
// Turns the team's two-factor requirement on or off (owners and admins).
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/(auth)/form-parts";
import { fieldError } from "@/lib/actions/result";
import { setTwoFactorRequirement } from "./actions";

export function TwoFactorRequirementForm({ team, required }: { team: string; required: boolean }) {
  const [state, formAction, pending] = useActionState(setTwoFactorRequirement, null);
  const error = fieldError(state, "requireTwoFactor");
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="requireTwoFactor" value={required ? "off" : "on"} />
      {state && !state.ok && error ? null : <FormMessage state={state} />}
      <p className="text-sm">
        Two-factor sign-in is <strong>{required ? "required" : "not required"}</strong> for members of this team.
      </p>
      {error ? (
        <p id="require-two-factor-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        {required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in"}
      </SubmitButton>
    </form>
  );
}
