// The OpenID Connect side of a team's single sign-on, through openid-client (discovery, the
// authorization code flow with PKCE, state and nonce, and the ID token's checks). The ID token's
// times are the identity provider's, checked against this machine's time by the library, not
// against lib/clock.ts, which tests and the e2e server move.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import * as client from "openid-client";
import { devToolsEnabled, env } from "@/lib/env";

/** Plain-http issuers (a local test provider) only in development, tests and e2e runs. */
export function insecureIssuersAllowed(): boolean {
  const e = env();
  return e.NODE_ENV === "test" || devToolsEnabled(e);
}

const DISCOVERY_TIMEOUT_MS = 10_000;

export class IssuerDiscoveryError extends Error {
  constructor(
    readonly issuer: string,
    readonly reason: string,
  ) {
    super(`Could not discover ${issuer}: ${reason}`);
    this.name = "IssuerDiscoveryError";
  }
}

/** Loopback, private, link-local, unique-local and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const v6 = address.toLowerCase();
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/**
 * A team admin chooses the issuer, so the server would fetch whatever URL they type: outside
 * development and tests, an issuer whose host is (or resolves to) an internal address is
 * refused, so single sign-on cannot be used to reach the deployment's own network.
 */
async function assertPublicIssuer(issuer: string): Promise<void> {
  if (insecureIssuersAllowed()) return;
  const host = new URL(issuer).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.some(isPrivateAddress)) throw new IssuerDiscoveryError(issuer, "its host is an internal address");
}

/** Reads the issuer's /.well-known/openid-configuration; its failure says why in one line. */
export async function discoverIssuer(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  await assertPublicIssuer(issuer);
  const execute = insecureIssuersAllowed() && issuer.startsWith("http:") ? [client.allowInsecureRequests] : [];
  try {
    return await client.discovery(new URL(issuer), clientId, clientSecret, undefined, {
      execute,
      [client.customFetch]: (url, options) => fetch(url, { ...(options as RequestInit), signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) }),
    });
  } catch (error) {
    throw new IssuerDiscoveryError(issuer, describeOidcError(error));
  }
}

function describeOidcError(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.cause?.code === "UND_ERR_CONNECT_TIMEOUT") return "the server did not answer in time";
  if (e?.cause?.code === "ECONNREFUSED") return "the connection was refused";
  if (e?.cause?.code === "ENOTFOUND") return "the host name is unknown";
  return (e?.message ?? String(error)).split("\n")[0]!;
}

export interface PendingSignOn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A new state, nonce and PKCE verifier, and the provider URL that carries their public halves. */
export async function authorizationRequest(config: client.Configuration, redirectUri: string, loginHint?: string): Promise<{ url: URL; pending: PendingSignOn }> {
  const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url, pending };
}

export interface SignOnClaims {
  sub: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Redeems the code the provider sent back to `callbackUrl`: state, PKCE, the ID token's
 * signature, issuer, audience, times and nonce are all checked (any mismatch throws).
 */
export async function redeemAuthorizationCode(config: client.Configuration, callbackUrl: URL, pending: PendingSignOn): Promise<SignOnClaims> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("The provider returned no ID token.");
  const flag = claims.email_verified;
  return {
    sub: claims.sub,
    email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
    emailVerified: flag === true || flag === "true",
    name: typeof claims.name === "string" ? claims.name : null,
  };
}
