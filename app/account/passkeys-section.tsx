"use client";
// Passkeys on the account page: add one (the browser's WebAuthn ceremony between two server
// actions), list them, rename, remove. Only the add button runs WebAuthn in the browser.
import { startRegistration } from "@simplewebauthn/browser";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, type ActionState } from "@/lib/actions/result";
import { FormMessage, SubmitButton } from "../(auth)/form-parts";
import { ceremonyRefusal } from "../(auth)/webauthn-messages";
import { finishPasskeyRegistrationAction, removePasskeyAction, renamePasskeyAction, signInAgainAction, startPasskeyRegistrationAction } from "./actions";

export interface PasskeyRow {
  id: string;
  name: string;
  /** Already formatted on the server. */
  added: string;
  lastUsed: string | null;
  synced: boolean;
}

export interface PasskeysView {
  passkeys: PasskeyRow[];
  /** Whether the authenticator app is on too (then removing every passkey still leaves a factor). */
  totpEnabled: boolean;
  /** Whether this session is recent enough to add a factor beside another, or remove one. */
  recentSignIn: boolean;
  recentMinutes: number;
}

/** Name it, then let the browser create it: the server checks the browser's answer before storing anything. */
async function addPasskey(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const started = await startPasskeyRegistrationAction(null, formData);
  if (!started.ok || !started.data) return started;
  let answer: unknown;
  try {
    answer = await startRegistration({ optionsJSON: started.data.options });
  } catch (error) {
    return ceremonyRefusal(error, "create");
  }
  const body = new FormData();
  body.set("response", JSON.stringify(answer));
  return finishPasskeyRegistrationAction(null, body);
}

function AddPasskey() {
  const [state, formAction, busy] = useActionState(addPasskey, null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <FormField id="passkey-name" label="Passkey name" description="So you can tell your passkeys apart, such as “Work laptop” or “Phone”." required error={fieldError(state, "name")}>
        <Input name="name" type="text" required maxLength={60} autoComplete="off" className="max-w-80" />
      </FormField>
      <SubmitButton pending={busy} pendingLabel="Waiting for your passkey…" className="self-start">
        Add a passkey
      </SubmitButton>
    </form>
  );
}

function RenameForm({ passkey, onDone }: { passkey: PasskeyRow; onDone: () => void }) {
  const [state, formAction, busy] = useActionState(async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const result = await renamePasskeyAction(null, formData);
    if (result.ok) onDone();
    return result;
  }, null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2">
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      <input type="hidden" name="id" value={passkey.id} />
      <FormField id={`passkey-rename-${passkey.id}`} label={`New name for ${passkey.name}`} required error={fieldError(state, "name")}>
        <Input name="name" type="text" required maxLength={60} defaultValue={passkey.name} autoComplete="off" className="max-w-80" />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={busy} pendingLabel="Saving…">
          Save name
        </SubmitButton>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function PasskeyItem({ passkey, canRemove, lastFactor }: { passkey: PasskeyRow; canRemove: boolean; lastFactor: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [removeState, removeAction, removing] = useActionState(removePasskeyAction, null);
  return (
    <li className="flex flex-col gap-3 rounded-md border p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium break-all">{passkey.name}</span>
        <span className="text-xs text-muted-foreground">{passkey.synced ? "Synced passkey" : "On one device"}</span>
      </div>
      <p className="text-sm text-muted-foreground">
        Added {passkey.added} · {passkey.lastUsed ? `Last used ${passkey.lastUsed}` : "Not used yet"}
      </p>
      {renaming ? (
        <RenameForm passkey={passkey} onDone={() => setRenaming(false)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={() => setRenaming(true)}>
            Rename<span className="sr-only"> {passkey.name}</span>
          </Button>
          {canRemove ? (
            <form action={removeAction}>
              <input type="hidden" name="id" value={passkey.id} />
              <Button type="submit" variant="destructive" disabled={removing}>
                Remove<span className="sr-only"> {passkey.name}</span>
              </Button>
            </form>
          ) : null}
        </div>
      )}
      {canRemove && lastFactor && !renaming ? (
        <p className="text-xs text-muted-foreground">This is your only second factor: without it, your password alone signs you in, and teams that require two-factor sign-in will ask you to set one up again.</p>
      ) : null}
      <FormMessage state={removeState} />
    </li>
  );
}

function SignInAgain({ minutes }: { minutes: number }) {
  return (
    <form action={signInAgainAction} className="flex flex-col gap-2">
      <p className="text-sm text-muted-foreground">To add or remove a passkey, sign in again first (it needs a sign-in within the last {minutes} minutes).</p>
      <Button type="submit" variant="outline" className="self-start">
        Sign in again
      </Button>
    </form>
  );
}

export function PasskeysSection({ view }: { view: PasskeysView }) {
  const hasFactor = view.totpEnabled || view.passkeys.length > 0;
  return (
    <div className="flex flex-col gap-4">
      {view.passkeys.length > 0 ? (
        <ul aria-label="Your passkeys" className="flex flex-col gap-2">
          {view.passkeys.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} canRemove={view.recentSignIn} lastFactor={!view.totpEnabled && view.passkeys.length === 1} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No passkeys yet. After your password, Cairn will ask for one: your fingerprint, face, device PIN or a security key.</p>
      )}
      {/* The first factor needs no fresh sign-in; one beside another does, as removing does. */}
      {!hasFactor || view.recentSignIn ? <AddPasskey /> : <SignInAgain minutes={view.recentMinutes} />}
    </div>
  );
}
