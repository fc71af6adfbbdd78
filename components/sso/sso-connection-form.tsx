"use client";
// The team's identity provider: issuer, client id and secret (write-only), on/off, the
// requirement, and just-in-time membership. Saving runs discovery against the issuer.
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/(auth)/form-parts";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

interface Props {
  team: string;
  action: Action;
  connection: { issuer: string; clientId: string; secretSet: boolean; enabled: boolean; requireSso: boolean; jitEnabled: boolean; jitRole: string; version: number } | null;
  hasVerifiedDomain: boolean;
}

function Toggle({ name, label, hint, checked, onChange, error }: { name: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={error ? `sso-${name}-error` : undefined} className="mt-0.5 size-4 accent-primary" />
        <span>
          <span className="font-medium">{label}</span>
          <span className="block text-muted-foreground">{hint}</span>
        </span>
      </label>
      {error ? (
        <p id={`sso-${name}-error`} className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SsoConnectionForm({ team, action, connection, hasVerifiedDomain }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so what the admin typed survives React's form reset after a refused save (the secret does not: type it again).
  const [values, setValues] = useState({
    issuer: connection?.issuer ?? "",
    clientId: connection?.clientId ?? "",
    enabled: connection?.enabled ?? false,
    requireSso: connection?.requireSso ?? false,
    jitEnabled: connection?.jitEnabled ?? false,
    jitRole: connection?.jitRole ?? "viewer",
  });
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team} />
      {connection ? <input type="hidden" name="version" value={connection.version} /> : null}
      <FormField id="sso-issuer" label="Issuer URL" description="Your provider's OpenID Connect issuer, e.g. https://login.example.com/realms/acme." error={fieldError(state, "issuer")}>
        <Input name="issuer" type="url" required value={values.issuer} onChange={(e) => set({ issuer: e.target.value })} autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField id="sso-client-id" label="Client ID" error={fieldError(state, "clientId")}>
        <Input name="clientId" required value={values.clientId} onChange={(e) => set({ clientId: e.target.value })} autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField
        id="sso-client-secret"
        label="Client secret"
        description={connection?.secretSet ? "A secret is set. It is stored encrypted and never shown: leave this empty to keep it, or type a new one to replace it." : "Stored encrypted; never shown again."}
        error={fieldError(state, "clientSecret")}
      >
        <Input name="clientSecret" type="password" autoComplete="new-password" />
      </FormField>
      <Toggle name="enabled" label="Single sign-on is on" hint="People at the verified domains below can sign in through this provider." checked={values.enabled} onChange={(enabled) => set({ enabled })} error={fieldError(state, "enabled")} />
      <Toggle
        name="requireSso"
        label="Require single sign-on"
        hint={`Addresses at the verified domains cannot sign in with a password (or reset one).${hasVerifiedDomain ? "" : " Verify a domain first for this to apply to anyone."}`}
        checked={values.requireSso}
        onChange={(requireSso) => set({ requireSso })}
        error={fieldError(state, "requireSso")}
      />
      <Toggle name="jitEnabled" label="Add new people just in time" hint="Someone at a verified domain who signs in through this provider and is not a member joins with the role below." checked={values.jitEnabled} onChange={(jitEnabled) => set({ jitEnabled })} error={fieldError(state, "jitEnabled")} />
      <FormField id="sso-jit-role" label="Role of people added just in time" description="Editors and admins take a paid seat; viewers are free." error={fieldError(state, "jitRole")}>
        <Select name="jitRole" value={values.jitRole} onChange={(e) => set({ jitRole: e.target.value })}>
          <option value="viewer">Viewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </Select>
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Checking the issuer…" className="self-start">
        Save single sign-on
      </SubmitButton>
    </form>
  );
}
