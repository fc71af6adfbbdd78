"use client";
// The team's identity provider, OpenID Connect (issuer, client id and secret, write-only; saving
// runs discovery against the issuer) or SAML 2.0 (IdP entity ID, SSO URL, signing certificate),
// and what both share: on/off, the requirement, and just-in-time membership.
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/(auth)/form-parts";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

interface Props {
  team: string;
  action: Action;
  samlAction: Action;
  connection: {
    protocol: "oidc" | "saml";
    issuer: string | null;
    clientId: string | null;
    secretSet: boolean;
    samlIdpEntityId: string | null;
    samlIdpSsoUrl: string | null;
    samlIdpCertificate: string | null;
    samlEmailAttribute: string | null;
    enabled: boolean;
    requireSso: boolean;
    jitEnabled: boolean;
    jitRole: string;
    version: number;
  } | null;
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

export function SsoConnectionForm({ team, action, samlAction, connection, hasVerifiedDomain }: Props) {
  const [oidcState, oidcFormAction, oidcPending] = useActionState(action, null);
  const [samlState, samlFormAction, samlPending] = useActionState(samlAction, null);
  // Controlled, so what the admin typed survives React's form reset after a refused save (the secret does not: type it again).
  const [values, setValues] = useState({
    protocol: connection?.protocol ?? "oidc",
    issuer: connection?.issuer ?? "",
    clientId: connection?.clientId ?? "",
    idpEntityId: connection?.samlIdpEntityId ?? "",
    idpSsoUrl: connection?.samlIdpSsoUrl ?? "",
    idpCertificate: connection?.samlIdpCertificate ?? "",
    emailAttribute: connection?.samlEmailAttribute ?? "",
    enabled: connection?.enabled ?? false,
    requireSso: connection?.requireSso ?? false,
    jitEnabled: connection?.jitEnabled ?? false,
    jitRole: connection?.jitRole ?? "viewer",
  });
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const saml = values.protocol === "saml";
  const [state, formAction, pending] = saml ? [samlState, samlFormAction, samlPending] : [oidcState, oidcFormAction, oidcPending];
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team} />
      {connection ? <input type="hidden" name="version" value={connection.version} /> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Protocol</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="protocol" value="oidc" checked={!saml} onChange={() => set({ protocol: "oidc" })} className="size-4 accent-primary" />
            OpenID Connect
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="protocol" value="saml" checked={saml} onChange={() => set({ protocol: "saml" })} className="size-4 accent-primary" />
            SAML 2.0
          </label>
        </div>
      </fieldset>
      {saml ? (
        <>
          <FormField id="sso-saml-entity-id" label="Identity provider entity ID" description="The Issuer of your IdP's SAML responses, e.g. http://www.okta.com/exk123 or https://sts.windows.net/<tenant>/." error={fieldError(state, "idpEntityId")}>
            <Input name="idpEntityId" required value={values.idpEntityId} onChange={(e) => set({ idpEntityId: e.target.value })} autoComplete="off" spellCheck={false} />
          </FormField>
          <FormField id="sso-saml-sso-url" label="Identity provider single sign-on URL" description="Where Cairn sends people to sign in (HTTP-Redirect binding)." error={fieldError(state, "idpSsoUrl")}>
            <Input name="idpSsoUrl" type="url" required value={values.idpSsoUrl} onChange={(e) => set({ idpSsoUrl: e.target.value })} autoComplete="off" spellCheck={false} />
          </FormField>
          <FormField id="sso-saml-certificate" label="Identity provider signing certificate (PEM)" description="From -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----. Cairn accepts only answers signed with its key." error={fieldError(state, "idpCertificate")}>
            <Textarea name="idpCertificate" required rows={6} value={values.idpCertificate} onChange={(e) => set({ idpCertificate: e.target.value })} spellCheck={false} mono className="text-xs" />
          </FormField>
          <FormField id="sso-saml-email-attribute" label="E-mail attribute (optional)" description="Leave empty when the NameID is the e-mail address (emailAddress format) or the IdP sends a standard email / mail attribute." error={fieldError(state, "emailAttribute")}>
            <Input name="emailAttribute" value={values.emailAttribute} onChange={(e) => set({ emailAttribute: e.target.value })} autoComplete="off" spellCheck={false} />
          </FormField>
        </>
      ) : (
        <>
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
        </>
      )}
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
      <SubmitButton pending={pending} pendingLabel={saml ? "Saving…" : "Checking the issuer…"} className="self-start">
        Save single sign-on
      </SubmitButton>
    </form>
  );
}
