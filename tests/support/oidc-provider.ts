// A real OpenID Connect provider (panva's oidc-provider, certified) on a local port, for the
// single sign-on tests and the e2e spec: one confidential client, PKCE required, and a plain
// login page where the person types which account they are (no password: a test provider).
// Consent is granted on the person's behalf. `accounts` decides what each login's ID token says.
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type OidcContext } from "oidc-provider";

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** login → claims; add to it at any time. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestIdentityProvider(options: { redirectUris: string[]; port?: number; host?: string }): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>();
  const clientId = "cairn-test";
  const clientSecret = "cairn-test-secret-0123456789abcdef";
  const server: Server = createServer();
  // Every local address: "localhost" may resolve to ::1 or to 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, resolve));
  const issuer = `http://${options.host ?? "localhost"}:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims go in the ID token itself (Cairn reads the ID token, not /userinfo).
    conformIdTokenClaims: false,
    cookies: { keys: ["cairn-test-identity-provider-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    async loadExistingGrant(ctx: OidcContext) {
      const { client, session, result, provider: p } = ctx.oidc;
      const existing = result?.consent?.grantId ?? (client ? session?.grantIdFor(client.clientId) : undefined);
      if (existing) return p.Grant.find(existing);
      if (!client || !session?.accountId) return undefined;
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  server.on("request", async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (!match) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "POST") {
        let body = "";
        for await (const chunk of req) body += chunk;
        const login = new URLSearchParams(body).get("login")?.trim().toLowerCase() ?? "";
        if (!accounts.has(login)) {
          res.writeHead(400, { "content-type": "text/html" }).end(`<p>Unknown account ${escape(login)}</p>`);
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        return;
      }
      const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><title>Test identity provider</title><h1>Test identity provider</h1>
        <form method="post" action="/interaction/${details.uid}"><label for="login">Account</label>
        <input id="login" name="login" value="${escape(hint)}"><button type="submit">Sign in to the test provider</button></form>`,
      );
    } catch (error) {
      res.writeHead(400, { "content-type": "text/plain" }).end(String((error as Error).message));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows an authorization URL the way a browser would (cookies, redirects), signs in as
 * `login` on the provider's page, and returns the URL the provider sends back to Cairn.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next;
      init = {};
      continue;
    }
    if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
      await response.text();
      init = { method: "POST", body: new URLSearchParams({ login }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
      continue;
    }
    throw new Error(`The test provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 200)}`);
  }
  throw new Error("Too many redirects at the test provider");
}
