// Signing in through a team's identity provider, OpenID Connect or SAML 2.0. Who a sign-on may
// open: the address must be at a domain this very team verified, and an OIDC provider must also
// vouch for it (`email_verified` true). A provider is authoritative for its own organisation's
// addresses, never for anyone else's: a team cannot sign people in as addresses at domains it has
// not proven by DNS. SAML has no email_verified: there the verified domain is the whole trust
// anchor — the team's IdP, which signs the assertion, is trusted for addresses at its domains only.
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { recordChange } from "@/db/queries/changes";
import { deleteUserSessions } from "@/db/queries/sessions";
import { createSsoTicket, findTeamIdByVerifiedDomain, getSsoConnection, insertSamlRequest, spendSamlRequest, spendSsoTicket } from "@/db/queries/sso";
import { findTeamById } from "@/db/queries/teams";
import { clearPasswordHash, createUser, findUserByAccount, findUserByEmail, findUserById, linkAccount, markEmailVerified } from "@/db/queries/users";
import type { Team, TeamSsoConnection, User } from "@/db/schema";
import { takesSeat } from "@/lib/auth/permissions";
import { inTeam } from "@/db/tenant";
import { open, seal } from "@/lib/auth/secret-box";
import { ensurePersonalTeam } from "@/lib/auth/personal-team";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { clientIp, consumeLimit, enforceLimits } from "@/lib/rate-limit";
import { assertSeatAvailable } from "@/lib/teams/seats";
import { authorizationRequest, discoverIssuer, IssuerDiscoveryError, redeemAuthorizationCode, type PendingSignOn } from "./oidc";
import { samlAuthnRequest, validateSamlResponse } from "./saml";
import { emailDomain, openClientSecret, ssoProviderId, ssoRedirectUri } from "./sso";

const FLOW_PURPOSE = "sso-flow";
/** How long the browser may stay at the identity provider before the sign-on must start over. */
export const FLOW_TTL_MINUTES = 10;
/** A ticket is spent within the callback's own request; two minutes is ample. */
const TICKET_TTL_MS = 2 * 60_000;

interface TeamSso {
  team: Team;
  connection: TeamSsoConnection;
}

/** The team whose verified domain this address is at, with its connection when that is on. */
export async function findSsoForEmail(email: string): Promise<TeamSso | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const teamId = await findTeamIdByVerifiedDomain(domain);
  if (!teamId) return null;
  const team = await findTeamById(teamId);
  const connection = team ? await inTeam(team.id, (tx) => getSsoConnection(tx, { teamId: team.id })) : undefined;
  return team && connection?.enabled ? { team, connection } : null;
}

/**
 * Whether this address must sign in through its team's provider. It depends on the domain only,
 * never on whether an account exists, so refusing a password by it reveals nothing about accounts.
 */
export async function ssoRequiredFor(email: string): Promise<boolean> {
  return Boolean((await findSsoForEmail(email))?.connection.requireSso);
}

interface FlowState extends PendingSignOn {
  teamId: string;
  callbackUrl: string | null;
  expiresAt: number;
}

export class SsoNotAvailableError extends AppError {
  constructor() {
    super("validation", "Single sign-on is not set up for this address.", {
      fieldErrors: { email: ["No team has single sign-on set up for this address's domain: sign in with your password instead"] },
    });
  }
}

/**
 * Starts a sign-on for an address: the provider URL to send the browser to and, for OIDC, the
 * sealed flow state (state, nonce, PKCE verifier) the browser keeps in an HttpOnly cookie
 * meanwhile. SAML's flow waits in a database row instead (its answer is a cross-site POST, which
 * carries no SameSite=Lax cookie), so `flow` is null there.
 */
export async function startSignOn(email: string, callbackUrl: string | null, headers: Headers): Promise<{ url: string; flow: string | null }> {
  // Each start asks the team's provider for its discovery document: limited per client address.
  await enforceLimits([["sso-start:ip", clientIp(headers)]]);
  const sso = await findSsoForEmail(email);
  if (!sso) throw new SsoNotAvailableError();
  if (sso.connection.protocol === "saml") return { url: await startSamlSignOn(sso, callbackUrl), flow: null };
  const secret = openClientSecret(sso.connection);
  if (!secret || !sso.connection.issuer || !sso.connection.clientId) throw new AppError("internal", "The single sign-on secret cannot be read.");
  let config;
  try {
    config = await discoverIssuer(sso.connection.issuer, sso.connection.clientId, secret);
  } catch (error) {
    if (error instanceof IssuerDiscoveryError) throw new AppError("bad_request", "Your organisation's sign-in service cannot be reached right now. Try again later, or ask your team's admin.");
    throw error;
  }
  const { url, pending } = await authorizationRequest(config, ssoRedirectUri(), email);
  const state: FlowState = { ...pending, teamId: sso.team.id, callbackUrl, expiresAt: clock.nowMs() + FLOW_TTL_MINUTES * 60_000 };
  return { url: url.href, flow: seal(JSON.stringify(state), FLOW_PURPOSE) };
}

const SAML_REQUEST_TTL_MS = FLOW_TTL_MINUTES * 60_000;

/**
 * A SAML AuthnRequest: RelayState is `<team id>.<random token>`, and the row keyed by the token's
 * hash holds the request's ID (what InResponseTo must name), the destination and the expiry.
 */
async function startSamlSignOn({ team, connection }: TeamSso, callbackUrl: string | null): Promise<string> {
  const token = newToken(24);
  const relayState = `${team.id}.${token}`;
  const { url, requestId } = await samlAuthnRequest(team.slug, connection, relayState, SAML_REQUEST_TTL_MS);
  await inTeam(team.id, (tx) =>
    insertSamlRequest(tx, { teamId: team.id }, { relayStateHash: hashToken(token), requestId, callbackUrl, expiresAt: new Date(clock.nowMs() + SAML_REQUEST_TTL_MS) }),
  );
  return url;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finishes a SAML sign-on at the ACS: the RelayState names the team and its stored request,
 * which is spent first (a replayed or unknown answer finds none); then node-saml checks the
 * answer against the team's IdP (lib/sso/saml.ts), and the address rules above apply.
 */
export async function finishSamlSignOn(samlResponse: string | null, relayState: string | null, headers: Headers): Promise<SignOnOutcome> {
  if (!(await consumeLimit("sso-callback:ip", clientIp(headers))).allowed) return { ok: false, reason: "rate_limited" };
  const [teamId, token] = (relayState ?? "").split(".");
  if (!teamId || !token || !UUID.test(teamId) || !samlResponse) return { ok: false, reason: "expired" };
  const team = await findTeamById(teamId);
  if (!team) return { ok: false, reason: "expired" };
  const request = await inTeam(team.id, (tx) => spendSamlRequest(tx, { teamId: team.id }, hashToken(token)));
  if (!request) return { ok: false, reason: "expired" };
  const connection = await inTeam(team.id, (tx) => getSsoConnection(tx, { teamId: team.id }));
  if (!connection?.enabled || connection.protocol !== "saml") return { ok: false, reason: "not_available" };
  let identity;
  try {
    identity = await validateSamlResponse(team.slug, connection, samlResponse, request.requestId, SAML_REQUEST_TTL_MS);
  } catch (error) {
    console.warn(`[sso] team ${team.id}: the SAML response was refused: ${(error as Error).message?.split("\n")[0]}`);
    return { ok: false, reason: "invalid_response" };
  }
  if (!identity.email) return { ok: false, reason: "no_email" };
  return completeSignOn(team, connection, { sub: identity.subject, email: identity.email, name: identity.name }, request.callbackUrl);
}

export type SignOnRefusal =
  /** No flow cookie, or one that was altered, expired or belongs to another sign-on. */
  | "expired"
  /** The provider's answer failed a check (state, PKCE, ID token signature, nonce) or was an error. */
  | "invalid_response"
  /** The team turned single sign-on off meanwhile. */
  | "not_available"
  /** The provider did not vouch for the address, or sent none. */
  | "unverified_email"
  /** The SAML assertion carried no e-mail address (NameID in emailAddress format, or an e-mail attribute). */
  | "no_email"
  /** The address is not at a domain this team verified. */
  | "domain_not_verified"
  /** Too many callbacks from this client address. */
  | "rate_limited";

export type SignOnOutcome = { ok: true; user: User; team: Team; joined: boolean; destination: string } | { ok: false; reason: SignOnRefusal };

function readFlow(sealed: string | undefined): FlowState | null {
  if (!sealed) return null;
  const text = open(sealed, FLOW_PURPOSE);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as FlowState;
    return state.expiresAt > clock.nowMs() ? state : null;
  } catch {
    return null;
  }
}

/**
 * Finishes a sign-on at the callback: checks the provider's answer against the flow state,
 * applies the address rules above, finds or creates the person, links their identity at this
 * team's provider, and adds them to the team just in time if the team wants that.
 */
export async function finishSignOn(sealedFlow: string | undefined, callbackUrl: URL, headers: Headers): Promise<SignOnOutcome> {
  if (!(await consumeLimit("sso-callback:ip", clientIp(headers))).allowed) return { ok: false, reason: "rate_limited" };
  const flow = readFlow(sealedFlow);
  if (!flow) return { ok: false, reason: "expired" };
  const team = await findTeamById(flow.teamId);
  const connection = team ? await inTeam(team.id, (tx) => getSsoConnection(tx, { teamId: team.id })) : undefined;
  const secret = connection?.enabled && connection.protocol === "oidc" ? openClientSecret(connection) : null;
  if (!team || !connection?.issuer || !connection.clientId || !secret) return { ok: false, reason: "not_available" };
  let claims;
  try {
    const config = await discoverIssuer(connection.issuer, connection.clientId, secret);
    claims = await redeemAuthorizationCode(config, callbackUrl, flow);
  } catch (error) {
    console.warn(`[sso] team ${team.id}: the provider's answer was refused: ${(error as Error).message?.split("\n")[0]}`);
    return { ok: false, reason: "invalid_response" };
  }
  if (!claims.email || !claims.emailVerified) return { ok: false, reason: "unverified_email" };
  return completeSignOn(team, connection, { sub: claims.sub, email: claims.email, name: claims.name }, flow.callbackUrl);
}

/**
 * What both protocols do with an identity their checks accepted: the verified-domain rule, then
 * the person found or created and linked, and just-in-time membership if the team wants it.
 */
async function completeSignOn(team: Team, connection: TeamSsoConnection, identity: { sub: string; email: string; name: string | null }, callbackUrl: string | null): Promise<SignOnOutcome> {
  const domain = emailDomain(identity.email);
  if (!domain || (await findTeamIdByVerifiedDomain(domain)) !== team.id) return { ok: false, reason: "domain_not_verified" };

  const user = await findOrCreateSsoUser(team, connection.protocol, identity.sub, identity.email, identity.name);
  const joined = connection.jitEnabled ? await joinJustInTime(team, connection, user) : false;
  const member = await inTeam(team.id, (tx) => findMembershipByUser(tx, { teamId: team.id }, user.id));
  if (!member && !joined) await ensurePersonalTeam(user);
  const destination = callbackUrl ?? (member ? `/t/${team.slug}` : "/teams");
  return { ok: true, user, team, joined, destination };
}

/**
 * The person behind this identity at the team's provider: the one it is linked to, else the
 * account with this address (linked now), else a new account. The provider proves the address
 * at a domain the team owns, so an unconfirmed account with it is confirmed — and loses the
 * password nobody proved (whoever opened it may not be the address's owner) and its sessions.
 */
async function findOrCreateSsoUser(team: Team, protocol: "oidc" | "saml", sub: string, email: string, name: string | null): Promise<User> {
  const provider = ssoProviderId(team.id, protocol);
  const linked = await findUserByAccount(provider, sub);
  if (linked) return linked;
  const existing = await findUserByEmail(email);
  if (existing) {
    if (!existing.emailVerified) {
      await clearPasswordHash(existing.id);
      await deleteUserSessions(existing.id);
      await markEmailVerified(existing.id);
    }
    await linkAccount({ userId: existing.id, type: protocol, provider, providerAccountId: sub });
    return (await findUserById(existing.id))!;
  }
  const user = await createUser({ email, name, emailVerified: clock.now() });
  await linkAccount({ userId: user.id, type: protocol, provider, providerAccountId: sub });
  return user;
}

/** Adds the person with the team's default role, within the plan's seats; false when they were a member or no seat is left. */
async function joinJustInTime(team: Team, connection: TeamSsoConnection, user: User): Promise<boolean> {
  const ctx = { teamId: team.id, teamSlug: team.slug };
  try {
    return await inTeam(team.id, async (tx) => {
      if (await findMembershipByUser(tx, ctx, user.id)) return false;
      if (takesSeat(connection.jitRole)) await assertSeatAvailable(tx, ctx, team, { adding: 1 });
      const membership = await insertMembership(tx, ctx, user.id, connection.jitRole);
      if (!membership) return false;
      await recordChange(tx, ctx, { actorId: user.id, entityType: "membership", entityId: membership.id, action: "create", after: { role: connection.jitRole, via: "single sign-on" } });
      return true;
    });
  } catch (error) {
    // No seat left (or the team is read-only): the person signs in, without joining; admins can add them.
    if (error instanceof AppError && error.code === "payment_required") {
      console.warn(`[sso] team ${team.id}: no seat left to add ${user.id} just in time`);
      return false;
    }
    throw error;
  }
}

/** The single-use ticket the callback hands to Auth.js's Credentials provider (only its hash is stored). */
export async function issueSsoTicket(userId: string): Promise<string> {
  const ticket = newToken();
  await createSsoTicket(userId, hashToken(ticket), new Date(clock.nowMs() + TICKET_TTL_MS));
  return ticket;
}

export async function redeemSsoTicket(ticket: string): Promise<User | null> {
  const userId = await spendSsoTicket(hashToken(ticket));
  return userId ? ((await findUserById(userId)) ?? null) : null;
}
