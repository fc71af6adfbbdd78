"use client";
// "Use a passkey" on the second sign-in step: asks the server for a challenge, lets the browser
// sign it with one of this person's passkeys, and sends the answer back to finish the sign-in.
import { startAuthentication } from "@simplewebauthn/browser";
import { useActionState } from "react";
import { fieldError, type ActionState } from "@/lib/actions/result";
import { passkeySignInAction, passkeySignInOptionsAction } from "../../actions";
import { FormMessage, SubmitButton } from "../../form-parts";
import { ceremonyRefusal } from "../../webauthn-messages";

export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(async (): Promise<ActionState> => {
    const started = await passkeySignInOptionsAction(null, new FormData());
    if (!started.ok || !started.data) return started;
    let answer: unknown;
    try {
      answer = await startAuthentication({ optionsJSON: started.data.options });
    } catch (error) {
      return ceremonyRefusal(error, "get");
    }
    const body = new FormData();
    body.set("response", JSON.stringify(answer));
    body.set("callbackUrl", callbackUrl);
    // On success the action redirects into the app.
    return passkeySignInAction(null, body);
  }, null);
  const error = fieldError(state, "passkey");
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {/* A refused answer is said under the button; anything else (expired, too many tries) above it. */}
      <FormMessage state={error ? null : state} />
      <SubmitButton pending={pending} pendingLabel="Waiting for your passkey…" className="sm:w-full">
        Use a passkey
      </SubmitButton>
      {error ? (
        <p id="passkey-error" aria-live="polite" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
