"use client";
// The team's e-mail domains: add one, then verify it (Cairn looks its TXT record up) or remove it.
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/(auth)/form-parts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export function AddDomainForm({ team, action }: { team: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = fieldError(state, "domain");
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <input type="hidden" name="team" value={team} />
      <div className="flex-1">
        {error ? null : <FormMessage state={state} />}
        <FormField id="sso-domain" label="E-mail domain" description="The part after the @ of your people's addresses, e.g. example.com." error={error}>
          <Input name="domain" required autoComplete="off" spellCheck={false} />
        </FormField>
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…" className="sm:mt-7">
        Add domain
      </SubmitButton>
    </form>
  );
}

/** Verify and Remove for one domain; the outcome (what DNS held) shows below them. */
export function DomainActions({ team, id, domain, verified, verify, remove }: { team: string; id: string; domain: string; verified: boolean; verify: Action; remove: Action }) {
  const [verifyState, verifyAction, verifying] = useActionState(verify, null);
  const [removeState, removeAction, removing] = useActionState(remove, null);
  const failure = [verifyState, removeState].find((s) => s && !s.ok);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {verified ? null : (
          <form action={verifyAction}>
            <input type="hidden" name="team" value={team} />
            <input type="hidden" name="id" value={id} />
            <SubmitButton pending={verifying} pendingLabel="Looking up DNS…">
              Verify {domain}
            </SubmitButton>
          </form>
        )}
        <form action={removeAction}>
          <input type="hidden" name="team" value={team} />
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="outline" disabled={removing}>
            Remove {domain}
          </Button>
        </form>
      </div>
      {failure && !failure.ok ? <Alert variant="error">{failure.message}</Alert> : null}
    </div>
  );
}
