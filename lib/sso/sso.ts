// Per-team single sign-on (OpenID Connect or SAML 2.0): a team's admins connect its identity provider and
// verify its e-mail domains by DNS (lib/sso/settings.ts); people at those domains then sign in
// through that provider, may be required to, and may join the team just in time
// (lib/sso/sign-on.ts). What both sides share lives here.
import { z } from "zod";
import type { TeamDomain, TeamSsoConnection } from "@/db/schema";
import { open, seal } from "@/lib/auth/secret-box";
import { env } from "@/lib/env";

const SECRET_PURPOSE = "sso-client-secret";

/** Where the identity provider sends people back: the redirect URI an admin registers there. */
export function ssoRedirectUri(): string {
  return `${env().APP_URL.replace(/\/$/, "")}/api/sso/callback`;
}

/**
 * The Auth.js-style provider id under which a person's identity at this team's provider is
 * linked. SAML NameIDs and OIDC subjects are different namespaces, so they are kept apart.
 */
export const ssoProviderId = (teamId: string, protocol: "oidc" | "saml" = "oidc") => (protocol === "saml" ? `sso-saml:${teamId}` : `sso:${teamId}`);

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 ? email.slice(at + 1).trim().toLowerCase() || null : null;
}

/** The TXT record that proves a domain: its name and the value it must hold. */
export function domainRecord(domain: Pick<TeamDomain, "domain" | "verificationToken">): { name: string; value: string } {
  return { name: `_cairn.${domain.domain}`, value: `cairn-verification=${domain.verificationToken}` };
}

export const domainName = z
  .string({ error: "Enter a domain such as example.com" })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^@/, "").replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .min(1, "Enter a domain such as example.com")
      .max(253, "A domain is at most 253 characters")
      .regex(/^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, "Enter a domain such as example.com (no https://, no path)"),
  );

export function sealClientSecret(secret: string): string {
  return seal(secret, SECRET_PURPOSE);
}

/** The sealed secret, opened: for the flow and for tests that check it is not stored in the clear. */
export function openClientSecret(connection: Pick<TeamSsoConnection, "clientSecretSealed">): string | null {
  if (!connection.clientSecretSealed) return null;
  return open(connection.clientSecretSealed, SECRET_PURPOSE);
}
