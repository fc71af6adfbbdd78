"use client";
// Create an API key (name + scopes); the new key is shown once, with a copy button, and never again.
import { useActionState, useState } from "react";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { CopyButton } from "@/components/dashboard/copy-button";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

type Created = { id: string; name: string; prefix: string; scopes: string[]; secret: string };
type CreateAction = (state: ActionState, formData: FormData) => Promise<ActionResult>;

export function CreateApiKeyForm({ team, action }: { team: string; action: CreateAction }) {
  const [name, setName] = useState("");
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await action(previous, formData);
    if (result.ok) setName("");
    return result;
  }, null);
  const created = state?.ok ? (state.data as Created | undefined) : undefined;
  const scopeError = fieldError(state, "scopes");

  return (
    <div className="flex flex-col gap-6">
      {created ? (
        <Alert variant="success" title={`Key “${created.name}” created — copy it now`} data-testid="new-api-key">
          <p>This is the only time the key is shown. Store it somewhere safe (a secrets manager); if it is lost, revoke it and create another.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <label htmlFor="new-api-key-value" className="sr-only">
              New API key
            </label>
            <Input id="new-api-key-value" readOnly value={created.secret} mono onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={created.secret} label="Copy key" />
          </div>
          <p className="mt-1 text-foreground">
            Use it as <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>. Scopes: {created.scopes.join(" and ")}.
          </p>
        </Alert>
      ) : null}

      <form action={formAction} noValidate className="flex flex-col gap-4">
        <input type="hidden" name="team" value={team} />
        {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
        <FormField id="api-key-name" label="Name" required description="What uses it, e.g. “Warehouse sync”." error={fieldError(state, "name")}>
          <Input name="name" required maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <fieldset className="flex flex-col gap-2" aria-describedby={scopeError ? "api-key-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="scopes" value="read" defaultChecked className="mt-0.5 size-4" />
            <span>
              <span className="font-medium">read</span> — scorecards, journeys, KPIs and their values
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="scopes" value="write" className="mt-0.5 size-4" />
            <span>
              <span className="font-medium">write</span> — create scorecards, journeys, objectives and KPIs; change them; send values
            </span>
          </label>
          <p id="api-key-scopes-error" aria-live="polite" className="text-sm text-destructive">
            {scopeError}
          </p>
        </fieldset>
        <SubmitButton pending={pending} pendingLabel="Creating…" className="self-start">
          Create key
        </SubmitButton>
      </form>
    </div>
  );
}
