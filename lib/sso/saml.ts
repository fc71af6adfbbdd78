// The SAML 2.0 side of a team's single sign-on, through @node-saml/node-saml (the maintained core
// of passport-saml): the HTTP-Redirect AuthnRequest, and the checks of the answer posted to the
// ACS — the XML signature against the team's IdP certificate (xml-crypto), the audience, the
// NotBefore/NotOnOrAfter conditions with clock skew, and InResponseTo through its cache provider.
// We add what it leaves to the caller: the Issuer must be the team's IdP, and the Destination and
// Recipient must be our ACS URL.
//
// Time: node-saml has no clock option, but it routes every condition check through one
// overridable method with "now" as its first argument; ClockedSaml passes lib/clock there, so
// assertion times are judged by the same clock as every other rule (tests pin it).
import { X509Certificate } from "node:crypto";
import { SAML, ValidateInResponseTo, type CacheItem, type CacheProvider, type Profile } from "@node-saml/node-saml";
import { generateInstant } from "@node-saml/node-saml/lib/date-time";
import { parseXml2JsFromString } from "@node-saml/node-saml/lib/xml";
import type { TeamSsoConnection } from "@/db/schema";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";

/** How far the identity provider's clock may be from ours. */
export const SAML_CLOCK_SKEW_MS = 3 * 60_000;

const EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const TRANSIENT_NAME_ID = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
/** Where identity providers commonly put the address when NameID is not one (node-saml maps `mail` and its OID to `email`). */
const STANDARD_EMAIL_ATTRIBUTES = ["email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"];

const base = () => env().APP_URL.replace(/\/$/, "");

/** Our service provider's entity ID for this team; it is also where its metadata is served. */
export const samlSpEntityId = (teamSlug: string) => `${base()}/api/sso/saml/${encodeURIComponent(teamSlug)}/metadata`;
export const samlMetadataUrl = samlSpEntityId;
/** The Assertion Consumer Service: one for every team (RelayState names the team). */
export const samlAcsUrl = () => `${base()}/api/sso/saml/acs`;

type SamlConnection = Pick<TeamSsoConnection, "samlIdpEntityId" | "samlIdpSsoUrl" | "samlIdpCertificate" | "samlEmailAttribute">;

class ClockedSaml extends SAML {
  protected override checkTimestampsValidityError(_machineNowMs: number, notBefore: string, notOnOrAfter: string, maxTimeLimitMs?: number): Error | null {
    return super.checkTimestampsValidityError(clock.nowMs(), notBefore, notOnOrAfter, maxTimeLimitMs);
  }
}

function client(teamSlug: string, connection: SamlConnection, cacheProvider: CacheProvider, requestTtlMs: number): SAML {
  if (!connection.samlIdpSsoUrl || !connection.samlIdpCertificate || !connection.samlIdpEntityId) throw new Error("The SAML connection is incomplete.");
  const entityId = samlSpEntityId(teamSlug);
  return new ClockedSaml({
    issuer: entityId,
    audience: entityId,
    callbackUrl: samlAcsUrl(),
    entryPoint: connection.samlIdpSsoUrl,
    idpCert: connection.samlIdpCertificate,
    identifierFormat: EMAIL_NAME_ID,
    authnRequestBinding: "HTTP-Redirect",
    disableRequestedAuthnContext: true,
    // A signed Response covers its assertion; otherwise the assertion itself must be signed (node-saml refuses neither).
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: requestTtlMs,
    cacheProvider,
  });
}

/** The parsed certificate, or a one-line reason it is not an X.509 PEM certificate. */
export function parseCertificate(pem: string): { ok: true; subject: string; validTo: Date; fingerprint: string } | { ok: false; reason: string } {
  if (!/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(pem.trim())) return { ok: false, reason: "Paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----" };
  try {
    const cert = new X509Certificate(pem.trim());
    return { ok: true, subject: cert.subject.replace(/\n/g, ", "), validTo: new Date(Date.parse(cert.validTo)), fingerprint: cert.fingerprint256 };
  } catch {
    return { ok: false, reason: "This is not a readable X.509 certificate: copy it again from your identity provider" };
  }
}

/**
 * The identity provider URL carrying a new AuthnRequest (HTTP-Redirect binding), and its ID.
 * `relayState` comes back with the answer and names the stored request.
 */
export async function samlAuthnRequest(teamSlug: string, connection: SamlConnection, relayState: string, requestTtlMs: number): Promise<{ url: string; requestId: string }> {
  let requestId: string | null = null;
  // node-saml hands each new request's ID to its cache provider: that is where we learn it (the row is written by the caller).
  const recorder: CacheProvider = {
    async saveAsync(key, value): Promise<CacheItem> {
      requestId = key;
      return { value, createdAt: clock.nowMs() };
    },
    getAsync: async () => null,
    removeAsync: async () => null,
  };
  const url = await client(teamSlug, connection, recorder, requestTtlMs).getAuthorizeUrlAsync(relayState, undefined, {});
  if (!requestId) throw new Error("node-saml issued no request ID.");
  return { url, requestId };
}

export interface SamlIdentity {
  /** The NameID (the address itself for a transient one): the identity linked to the account. */
  subject: string;
  email: string | null;
  name: string | null;
}

export class SamlResponseError extends Error {
  override name = "SamlResponseError";
}

/**
 * Validates an answer posted to the ACS for the stored request `requestId` (already spent by the
 * caller, so each answer is accepted once): signature, audience, times, InResponseTo (the
 * Response's and the SubjectConfirmation's), Issuer, Destination and Recipient. Throws otherwise.
 */
export async function validateSamlResponse(teamSlug: string, connection: SamlConnection, samlResponse: string, requestId: string, requestTtlMs: number): Promise<SamlIdentity> {
  // The request was live on our clock when spent; node-saml's own age check compares with the
  // machine's time, so it is handed the lookup's instant on that same machine clock.
  const spent: CacheProvider = {
    saveAsync: async () => null,
    getAsync: async (key) => (key === requestId ? generateInstant() : null),
    removeAsync: async (key) => key,
  };
  const { profile } = await client(teamSlug, connection, spent, requestTtlMs).validatePostResponseAsync({ SAMLResponse: samlResponse });
  if (!profile) throw new SamlResponseError("The response carries no assertion.");
  if (profile.issuer !== connection.samlIdpEntityId) throw new SamlResponseError(`Unexpected Issuer ${JSON.stringify(profile.issuer)}.`);
  await checkRecipients(profile);
  return identityOf(profile, connection.samlEmailAttribute);
}

async function checkRecipients(profile: Profile): Promise<void> {
  const acs = samlAcsUrl();
  const response = (await parseXml2JsFromString(profile.getSamlResponseXml!())) as { Response?: { $?: { Destination?: string } } };
  const destination = response.Response?.$?.Destination;
  if (destination !== undefined && destination !== acs) throw new SamlResponseError(`Unexpected Destination ${JSON.stringify(destination)}.`);
  // The signed assertion names where it may be used: its bearer SubjectConfirmationData's Recipient.
  const assertion = profile.getAssertion!() as { Assertion?: { Subject?: Array<{ SubjectConfirmation?: Array<{ SubjectConfirmationData?: Array<{ $?: { Recipient?: string } }> }> }> } };
  const recipients = (assertion.Assertion?.Subject?.[0]?.SubjectConfirmation ?? []).map((c) => c.SubjectConfirmationData?.[0]?.$?.Recipient);
  if (!recipients.includes(acs)) throw new SamlResponseError("The assertion is not addressed to this service's ACS URL (Recipient).");
}

const firstString = (value: unknown): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && v.trim() ? v.trim() : null;
};

function identityOf(profile: Profile, emailAttribute: string | null): SamlIdentity {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const fromNameId = profile.nameIDFormat === EMAIL_NAME_ID ? firstString(profile.nameID) : null;
  const fromAttribute = emailAttribute ? firstString(attributes[emailAttribute]) : (firstString(profile.email) ?? STANDARD_EMAIL_ATTRIBUTES.map((a) => firstString(attributes[a])).find(Boolean) ?? null);
  const email = (fromNameId ?? fromAttribute)?.toLowerCase() ?? null;
  const given = firstString(attributes.givenName) ?? firstString(attributes["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"]);
  const surname = firstString(attributes.sn) ?? firstString(attributes.surname) ?? firstString(attributes["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"]);
  const name = firstString(attributes.displayName) ?? firstString(attributes.name) ?? ([given, surname].filter(Boolean).join(" ") || null);
  const nameId = firstString(profile.nameID);
  const subject = nameId && profile.nameIDFormat !== TRANSIENT_NAME_ID ? nameId : email;
  if (!subject) throw new SamlResponseError("The assertion names nobody (no NameID).");
  return { subject, email, name };
}
