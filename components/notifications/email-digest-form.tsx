"use client";
// The signed-in member's own choice of this team's daily e-mail digest (the inbox page).
import { useState, useTransition } from "react";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { setEmailDigestAction } from "@/app/t/[team]/inbox/actions";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/result";

export function EmailDigestForm({ team, enabled }: { team: string; enabled: boolean }) {
  const [checked, setChecked] = useState(enabled);
  const [result, setResult] = useState<ActionResult<{ emailDigest: boolean }> | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      noValidate
      aria-label="Daily e-mail digest"
      className="flex flex-col gap-3"
      // Submitted by hand, not as a form action: React would reset the form after it.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          try {
            setResult(await setEmailDigestAction(data));
          } catch {
            setResult({ ok: false, status: 0, code: "network", message: "The server could not be reached. Nothing was saved; please try again." });
          }
        });
      }}
    >
      <input type="hidden" name="team" value={team} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="emailDigest"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            setResult(null);
          }}
          aria-describedby="email-digest-description"
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          <span className="font-medium">E-mail me a daily digest of this team</span>
          <span id="email-digest-description" className="block text-muted-foreground">
            Once a day, the notifications here you have not read yet, each mailed once. Your inbox stays as it is either way.
          </span>
        </span>
      </label>
      {result && !result.ok ? (
        <Alert variant="error">{result.message}</Alert>
      ) : result?.ok && result.data ? (
        <Alert variant="success">{result.data.emailDigest ? "Saved: you will get the daily digest of this team." : "Saved: no more daily digest of this team."}</Alert>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save e-mail preference
      </SubmitButton>
    </form>
  );
}
