"use client";
// Two-factor sign-in on the account page: set up an authenticator app (scan, confirm with a
// code, keep the recovery codes shown once), new recovery codes, turn it off.
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { FormMessage, SubmitButton } from "../(auth)/form-parts";
import { confirmTotpAction, regenerateRecoveryCodesAction, removeTwoFactorAction, signInAgainAction, startTotpAction } from "./actions";

export interface TwoFactorView {
  enabled: boolean;
  pending: { secret: string; qrDataUrl: string } | null;
  recoveryCodesLeft: number;
  /** Whether this session is recent enough to remove the factor or replace the codes. */
  recentSignIn: boolean;
  recentMinutes: number;
  /** Passkeys the person has: beside one, the app is a factor added to another (a recent sign-in), and turning it off is not the last. */
  passkeys: number;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <Alert variant="warning" title="Keep these recovery codes somewhere safe">
        Each one signs you in once if you lose your phone. They are shown only now.
      </Alert>
      <ul aria-label="Recovery codes" className="grid grid-cols-1 gap-1 rounded-md border bg-muted p-3 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button type="button" className="self-start" onClick={onDone}>
        I have kept them
      </Button>
    </div>
  );
}

function Enrolment({ pending }: { pending: NonNullable<TwoFactorView["pending"]> }) {
  const router = useRouter();
  const [state, formAction, busy] = useActionState(confirmTotpAction, null);
  const [cancelState, cancelAction, cancelling] = useActionState(removeTwoFactorAction, null);
  if (state?.ok && state.data) return <RecoveryCodes codes={state.data.recoveryCodes} onDone={() => router.refresh()} />;
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal pl-5 text-sm text-muted-foreground">
        <li>Scan this code with an authenticator app (1Password, Authy, Google Authenticator…).</li>
        <li>Type the 6-digit code the app shows to turn two-factor sign-in on.</li>
      </ol>
      {/* A server-rendered SVG: no script draws it. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for the image optimizer to do */}
      <img src={pending.qrDataUrl} alt="QR code to add Cairn to your authenticator app" width={192} height={192} className="rounded-md border bg-white" />
      <p className="text-sm">
        Cannot scan? Enter this key in the app instead:{" "}
        <code data-testid="totp-secret" className="font-mono break-all">
          {pending.secret}
        </code>
      </p>
      <form action={formAction} noValidate className="flex flex-col gap-4">
        <FormMessage state={state} />
        <FormField id="totp-confirm-code" label="Code from the app" required error={fieldError(state, "code")}>
          <Input name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required maxLength={7} className="max-w-40" />
        </FormField>
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={busy} pendingLabel="Checking…">
            Turn on two-factor sign-in
          </SubmitButton>
        </div>
      </form>
      <form action={cancelAction}>
        <FormMessage state={cancelState} />
        <Button type="submit" variant="outline" disabled={cancelling}>
          Cancel set-up
        </Button>
      </form>
    </div>
  );
}

function SignInAgain({ minutes }: { minutes: number }) {
  return (
    <form action={signInAgainAction} className="flex flex-col gap-2">
      <p className="text-sm text-muted-foreground">To change two-factor sign-in, sign in again first (it needs a sign-in within the last {minutes} minutes).</p>
      <Button type="submit" variant="outline" className="self-start">
        Sign in again
      </Button>
    </form>
  );
}

function Enabled({ view }: { view: TwoFactorView }) {
  const router = useRouter();
  const [codesState, codesAction, making] = useActionState(regenerateRecoveryCodesAction, null);
  const [removeState, removeAction, removing] = useActionState(removeTwoFactorAction, null);
  const [shownCodes, setShownCodes] = useState<unknown>(null);
  if (codesState?.ok && codesState.data && shownCodes !== codesState) {
    return <RecoveryCodes codes={codesState.data.recoveryCodes} onDone={() => { setShownCodes(codesState); router.refresh(); }} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Two-factor sign-in is <strong>on</strong>. Recovery codes left: {view.recoveryCodesLeft} of 10.
      </p>
      {view.recentSignIn ? (
        <div className="flex flex-wrap gap-2">
          <form action={codesAction}>
            <FormMessage state={codesState} />
            <Button type="submit" variant="outline" disabled={making}>
              New recovery codes
            </Button>
          </form>
          <form action={removeAction}>
            <FormMessage state={removeState} />
            <Button type="submit" variant="destructive" disabled={removing}>
              {view.passkeys > 0 ? "Remove the authenticator app" : "Turn off two-factor sign-in"}
            </Button>
          </form>
          {view.passkeys === 0 ? (
            <p className="basis-full text-xs text-muted-foreground">This is your only second factor: without it, your password alone signs you in, and teams that require two-factor sign-in will ask you to set one up again.</p>
          ) : null}
        </div>
      ) : (
        <SignInAgain minutes={view.recentMinutes} />
      )}
    </div>
  );
}

export function TwoFactorSection({ view }: { view: TwoFactorView }) {
  const [state, formAction, pending] = useActionState(startTotpAction, null);
  if (view.enabled) return <Enabled view={view} />;
  if (view.pending) return <Enrolment pending={view.pending} />;
  if (view.passkeys > 0 && !view.recentSignIn) return <SignInAgain minutes={view.recentMinutes} />;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p className="text-sm text-muted-foreground">After your password, Cairn will also ask for a code from an app on your phone.</p>
      <SubmitButton pending={pending} pendingLabel="Preparing…" className="self-start">
        Set up an authenticator app
      </SubmitButton>
    </form>
  );
}
