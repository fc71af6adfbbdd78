// A team's single sign-on settings (owners and admins, through lib/sso/actions.ts): the
// identity-provider connection, proven by discovery and kept with its secret sealed, and the
// e-mail domains, each proven by a DNS TXT record and verified by one team at most.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteTeamDomain, getSsoConnection, getTeamDomain, insertTeamDomain, listTeamDomains, markTeamDomainVerified, saveSsoConnection } from "@/db/queries/sso";
import type { TeamDomain, TeamSsoConnection } from "@/db/schema";
import { inTeam, type TeamContext } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { txtResolver, type TxtResolver } from "./dns";
import { discoverIssuer, IssuerDiscoveryError } from "./oidc";
import { parseCertificate, samlAcsUrl, samlMetadataUrl, samlSpEntityId } from "./saml";
import { domainRecord, openClientSecret, sealClientSecret, ssoRedirectUri } from "./sso";

/** What the settings page shows: never the client secret, only whether one is set. */
export interface SsoSettings {
  connection: (Omit<TeamSsoConnection, "clientSecretSealed"> & { secretSet: boolean; certificate: { subject: string; validTo: Date } | null }) | null;
  domains: Array<TeamDomain & { record: { name: string; value: string } }>;
  redirectUri: string;
  /** What a SAML identity provider is told about us. */
  saml: { entityId: string; acsUrl: string; metadataUrl: string };
}

export async function getSsoSettings(tx: Tx, ctx: TeamContext): Promise<SsoSettings> {
  const [connection, domains] = await Promise.all([getSsoConnection(tx, ctx), listTeamDomains(tx, ctx)]);
  let shown: SsoSettings["connection"] = null;
  if (connection) {
    const { clientSecretSealed, ...rest } = connection;
    const parsed = connection.samlIdpCertificate ? parseCertificate(connection.samlIdpCertificate) : null;
    shown = { ...rest, secretSet: Boolean(clientSecretSealed), certificate: parsed?.ok ? { subject: parsed.subject, validTo: parsed.validTo } : null };
  }
  return {
    connection: shown,
    domains: domains.map((d) => ({ ...d, record: domainRecord(d) })),
    redirectUri: ssoRedirectUri(),
    saml: { entityId: samlSpEntityId(ctx.teamSlug), acsUrl: samlAcsUrl(), metadataUrl: samlMetadataUrl(ctx.teamSlug) },
  };
}

/** What both protocols' connections set. */
interface SharedInput {
  enabled: boolean;
  requireSso: boolean;
  jitEnabled: boolean;
  jitRole: "admin" | "editor" | "viewer";
  /** The version the admin saw; null when the team has no connection yet. */
  version: number | null;
}

export interface ConnectionInput extends SharedInput {
  issuer: string;
  clientId: string;
  /** Empty keeps the stored secret. */
  clientSecret: string;
}

export interface SamlConnectionInput extends SharedInput {
  idpEntityId: string;
  idpSsoUrl: string;
  /** An X.509 certificate in PEM form (the action's schema parsed it). */
  idpCertificate: string;
  /** Null: NameID in emailAddress format, or the standard e-mail attributes. */
  emailAttribute: string | null;
}

function assertRequirable(input: SharedInput): void {
  if (input.requireSso && !input.enabled) {
    throw new AppError("validation", "Single sign-on must be on to require it.", { fieldErrors: { requireSso: ["Turn single sign-on on to require it"] } });
  }
}

const CONFLICT = "Someone changed the single sign-on settings since you opened the page. Reload to see them.";

/** One activity entry per setting that changed (a secret's value never goes there: only that it was replaced). */
async function recordConnectionChanges(tx: Tx, ctx: TeamContext, before: TeamSsoConnection | undefined, saved: TeamSsoConnection, fields: ReadonlyArray<keyof TeamSsoConnection>, extra: Array<{ field: string; before: unknown; after: unknown }> = []): Promise<void> {
  const entries = fields
    .filter((field) => !before || before[field] !== saved[field])
    .map((field) => ({ field: `sso.${field}`, before: (before?.[field] ?? null) as unknown, after: saved[field] as unknown }))
    .concat(extra);
  await recordChange(
    tx,
    ctx,
    entries.map((entry) => ({ actorId: ctx.userId, entityType: "team" as const, entityId: ctx.teamId, action: "update" as const, ...entry })),
  );
}

/**
 * Proves the connection before it is saved: the issuer's discovery document must load with
 * this client (a clear field error otherwise). Runs outside any transaction (lib/sso/actions.ts
 * `prepare`): the issuer may be slow, and no database connection should wait on it.
 */
export async function checkConnection(ctx: TeamContext, input: ConnectionInput): Promise<void> {
  assertRequirable(input);
  const stored = input.clientSecret ? undefined : await inTeam(ctx.teamId, (tx) => getSsoConnection(tx, ctx));
  const secret = input.clientSecret || (stored ? openClientSecret(stored) : null);
  if (!secret) {
    throw new AppError("validation", "Enter the client secret.", { fieldErrors: { clientSecret: ["Enter the client secret your identity provider gave you"] } });
  }
  try {
    await discoverIssuer(input.issuer, input.clientId, secret);
  } catch (error) {
    if (!(error instanceof IssuerDiscoveryError)) throw error;
    throw new AppError("validation", "The issuer could not be reached.", {
      fieldErrors: { issuer: [`Could not read ${input.issuer.replace(/\/$/, "")}/.well-known/openid-configuration: ${error.reason}`] },
    });
  }
}

/**
 * Saves a connection that checkConnection proved, conditionally on the version the admin saw.
 * The secret is sealed; an empty one keeps what is stored.
 */
export async function saveConnection(tx: Tx, ctx: TeamContext, input: ConnectionInput): Promise<TeamSsoConnection> {
  const before = await getSsoConnection(tx, ctx);
  if ((before?.version ?? null) !== input.version) throw new AppError("conflict", CONFLICT);
  if (!input.clientSecret && !before?.clientSecretSealed) {
    throw new AppError("validation", "Enter the client secret.", { fieldErrors: { clientSecret: ["Enter the client secret your identity provider gave you"] } });
  }
  const saved = await saveSsoConnection(
    tx,
    ctx,
    {
      protocol: "oidc",
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretSealed: input.clientSecret ? sealClientSecret(input.clientSecret) : before!.clientSecretSealed!,
      enabled: input.enabled,
      requireSso: input.requireSso,
      jitEnabled: input.jitEnabled,
      jitRole: input.jitRole,
    },
    input.version,
  );
  if (!saved) throw new AppError("conflict", CONFLICT);
  await recordConnectionChanges(tx, ctx, before, saved, ["protocol", "issuer", "clientId", "enabled", "requireSso", "jitEnabled", "jitRole"], input.clientSecret ? [{ field: "sso.clientSecret", before: null, after: "replaced" }] : []);
  return saved;
}

/**
 * Saves the team's SAML 2.0 connection (the action's schema checked each field, the certificate
 * included), conditionally on the version the admin saw. The OIDC fields stay as they were.
 */
export async function saveSamlConnection(tx: Tx, ctx: TeamContext, input: SamlConnectionInput): Promise<TeamSsoConnection> {
  assertRequirable(input);
  const before = await getSsoConnection(tx, ctx);
  if ((before?.version ?? null) !== input.version) throw new AppError("conflict", CONFLICT);
  const saved = await saveSsoConnection(
    tx,
    ctx,
    {
      protocol: "saml",
      samlIdpEntityId: input.idpEntityId,
      samlIdpSsoUrl: input.idpSsoUrl,
      samlIdpCertificate: input.idpCertificate,
      samlEmailAttribute: input.emailAttribute,
      enabled: input.enabled,
      requireSso: input.requireSso,
      jitEnabled: input.jitEnabled,
      jitRole: input.jitRole,
    },
    input.version,
  );
  if (!saved) throw new AppError("conflict", CONFLICT);
  await recordConnectionChanges(tx, ctx, before, saved, ["protocol", "samlIdpEntityId", "samlIdpSsoUrl", "samlIdpCertificate", "samlEmailAttribute", "enabled", "requireSso", "jitEnabled", "jitRole"]);
  return saved;
}

export async function addDomain(tx: Tx, ctx: TeamContext, domain: string): Promise<TeamDomain> {
  const row = await insertTeamDomain(tx, ctx, { domain, verificationToken: randomBytes(16).toString("hex") });
  if (!row) throw new AppError("validation", "This domain is listed already.", { fieldErrors: { domain: [`${domain} is already listed below`] } });
  return row;
}

/**
 * Looks the domain's TXT record up: outside any transaction (lib/sso/actions.ts `prepare`),
 * since DNS may be slow. What it found goes to verifyDomain.
 */
export async function lookUpDomainRecord(ctx: TeamContext, id: string, resolver: TxtResolver = txtResolver()): Promise<string[]> {
  const domain = await inTeam(ctx.teamId, (tx) => getTeamDomain(tx, ctx, id));
  if (!domain) throw new AppError("not_found", "This domain was not found.");
  if (domain.verifiedAt) return [];
  const { name } = domainRecord(domain);
  try {
    return await resolver(name);
  } catch (error) {
    throw new AppError("validation", `The DNS lookup of ${name} failed (${(error as { code?: string }).code ?? "error"}): try again in a few minutes.`);
  }
}

/**
 * Marks the domain verified when the TXT record held the expected value, and names what it
 * held otherwise. Another team that verified the same domain first keeps it (a conflict).
 */
export async function verifyDomain(tx: Tx, ctx: TeamContext, id: string, found: string[]): Promise<TeamDomain> {
  const domain = await getTeamDomain(tx, ctx, id);
  if (!domain) throw new AppError("not_found", "This domain was not found.");
  if (domain.verifiedAt) return domain;
  const { name, value } = domainRecord(domain);
  if (!found.includes(value)) {
    const seen = found.length ? `found ${found.map((v) => `"${v}"`).join(", ")}` : "found no TXT record there";
    throw new AppError("validation", `The TXT record at ${name} does not hold ${value}: ${seen}. DNS changes can take a while to appear.`);
  }
  try {
    return (await tx.transaction((sp) => markTeamDomainVerified(sp, ctx, id)))!;
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") throw new AppError("conflict", `${domain.domain} is already verified by another team. A domain can belong to one team only.`);
    throw error;
  }
}

export async function removeDomain(tx: Tx, ctx: TeamContext, id: string): Promise<TeamDomain> {
  const row = await deleteTeamDomain(tx, ctx, id);
  if (!row) throw new AppError("not_found", "This domain was not found.");
  return row;
}
