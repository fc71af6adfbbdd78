import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { createSession, deleteSession } from "@/db/queries/sessions";
import { findUserByAccount, findUserByEmail } from "@/db/queries/users";
import { clock } from "@/lib/clock";
import { env, type Env } from "@/lib/env";
import { clientIp, consumeLimit, LIMITS, refundLimit, type LimitName } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { SESSION_MAX_AGE_SECONDS, authSecret, secureCookies } from "./session-cookie";
import { hashToken, newToken } from "./tokens";
import { getCurrentUser } from "./current-user";
import { setChallengeCookie } from "./challenge-cookie";
import { hasTwoFactor, openSignInChallenge, verifySecondFactor } from "./two-factor";
import { redeemSsoTicket, ssoRequiredFor } from "@/lib/sso/sign-on";
import { githubEmail, profileAssertsVerifiedEmail, REFUSAL_ERROR, resolveExternalSignIn, type ExternalIdentity, type GitHubEmail } from "./external-accounts";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/** The address is at a domain whose team requires single sign-on: no password sign-in for it. */
export class SsoRequiredSignIn extends CredentialsSignin {
  code = "sso_required";
}

/**
 * The password was right but the account has a second factor: no session yet. Carries the
 * pending sign-in's token to the sign-in action, which keeps it in a short-lived cookie for the
 * second step (Auth.js hands this very error back to the server action that called signIn).
 */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor";
  constructor(readonly challenge: string) {
    super();
  }
}

const pendingChallenge = z.string().min(1).max(200);
// A passkey's answer (JSON from the browser's startAuthentication) or a code: whichever the second step sent.
const secondFactorSchema = z.union([
  z.object({ challenge: pendingChallenge, passkey: z.string().min(1).max(16_000) }),
  z.object({ challenge: pendingChallenge, code: z.string().trim().min(1).max(64) }),
]);

const ssoTicketSchema = z.object({ ssoTicket: z.string().min(20).max(200) });

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(128) });

// A real hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist.
const decoyHash = hashPassword(newToken());

/** How long an attempt waits once the account's own budget (every client together) is spent: doubling, capped. */
export const SIGN_IN_DELAY = { firstMs: 500, maxMs: 10_000 } as const;

export function signInDelayMs(accountAttempts: number): number {
  const over = accountAttempts - LIMITS["sign-in:account"].max;
  if (over <= 0) return 0;
  return Math.min(SIGN_IN_DELAY.maxMs, SIGN_IN_DELAY.firstMs * 2 ** Math.min(over - 1, 20));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The limits that can refuse a password sign-in, to tell a refused caller how long to wait. */
export function signInLimitChecks(email: string, headers: Headers): Array<[LimitName, string]> {
  const ip = clientIp(headers);
  const checks: Array<[LimitName, string]> = [["sign-in:ip", ip]];
  if (email) checks.push(["sign-in:account-client", `${email.trim().toLowerCase()}|${ip}`]);
  return checks;
}

/**
 * Checks e-mail and password under the sign-in limits. Every attempt is counted before the
 * password is verified, in one atomic statement per limit, so parallel guesses cannot all slip
 * under a limit that each of them read before any was counted; an attempt that turns out right
 * gives its hits back (signing in correctly, however often, is not an attack).
 *
 * Who gets refused: the client address past its own budget ("sign-in:ip"), and the client
 * address that failed on this very account too often ("sign-in:account-client"). Failures from
 * elsewhere never lock the account for everyone: past the account's budget each attempt only
 * waits longer before it is checked (signInDelayMs), so the right password still gets in.
 */
export async function authorizeCredentials(
  input: unknown,
  headers: Headers,
  options: { wait?: (ms: number) => Promise<void> } = {},
): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(headers);
  const counted: Array<[LimitName, string]> = [];
  const count = async (name: LimitName, subject: string) => {
    const result = await consumeLimit(name, subject);
    counted.push([name, subject]);
    return result;
  };
  // In order, stopping at the first refusal: a refused attempt does not slow the account down for others.
  if (!(await count("sign-in:ip", ip)).allowed) throw new RateLimitedSignIn();
  // Decided by the address's domain alone (lib/sso/sso.ts), before any account is looked up: it says nothing about accounts.
  if (await ssoRequiredFor(email)) throw new SsoRequiredSignIn();
  if (!(await count("sign-in:account-client", `${email}|${ip}`)).allowed) throw new RateLimitedSignIn();
  const byAccount = await count("sign-in:account", email);
  const delay = signInDelayMs(byAccount.count);
  if (delay > 0) await (options.wait ?? sleep)(delay);

  const user = await findUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (user && user.passwordHash && ok) {
    await Promise.all(counted.map(([name, subject]) => refundLimit(name, subject)));
    if (await hasTwoFactor(user.id)) throw new SecondFactorRequired(await openSignInChallenge(user.id));
    return { id: user.id, email: user.email, name: user.name };
  }
  return null;
}

/** The second step (lib/auth/two-factor.ts): the pending sign-in's token and a code or a passkey's answer, under the same kind of limits. */
export async function authorizeSecondFactor(
  input: unknown,
  headers: Headers,
  options: { wait?: (ms: number) => Promise<void> } = {},
): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = secondFactorSchema.safeParse(input);
  if (!parsed.success) return null;
  const outcome = await verifySecondFactor(parsed.data, headers, { wait: options.wait ?? sleep, delayMs: signInDelayMs });
  if (outcome.ok) return outcome.user;
  if (outcome.reason === "rate_limited") throw new RateLimitedSignIn();
  return null;
}

/**
 * A finished single sign-on (app/api/sso/callback): its single-use ticket opens the session.
 * The team's provider stands in for the password only, so an account with a second factor
 * still needs it.
 */
export async function authorizeSsoTicket(input: unknown): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = ssoTicketSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await redeemSsoTicket(parsed.data.ssoTicket);
  if (!user) return null;
  if (await hasTwoFactor(user.id)) throw new SecondFactorRequired(await openSignInChallenge(user.id));
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Auth.js's signIn callback for GitHub, Google and OIDC: true opens a session, a path sends the
 * browser there without one. The provider stands in for the password only: an account with a
 * second factor still needs it, so it gets a pending sign-in (its token in the cookie) and goes
 * to the second step. Someone linking a provider from the account page has passed it already.
 */
export async function decideExternalSignIn(
  identity: ExternalIdentity,
  signedInUserId: string | undefined,
  keepChallenge: (token: string) => Promise<void> = setChallengeCookie,
): Promise<true | string> {
  // A team that requires single sign-on for its domain is not bypassed through GitHub, Google or the instance's OIDC.
  if (!signedInUserId && identity.email && (await ssoRequiredFor(identity.email))) return "/sign-in?error=SsoRequired";
  const outcome = await resolveExternalSignIn(identity, signedInUserId);
  if (!outcome.ok) return `/sign-in?error=${REFUSAL_ERROR[outcome.reason]}`;
  if (!signedInUserId && (await ssoRequiredFor(outcome.user.email))) return "/sign-in?error=SsoRequired";
  if (!signedInUserId && (await hasTwoFactor(outcome.user.id))) {
    await keepChallenge(await openSignInChallenge(outcome.user.id));
    return "/sign-in/two-factor";
  }
  return true;
}

function providers(e: Env = env()): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      // One provider, two steps: e-mail and password (or a team's single sign-on, by its ticket),
      // then (for an account with a second factor) the challenge and a code or a passkey.
      authorize: (credentials, request) =>
        credentials && typeof credentials === "object" && "challenge" in credentials
          ? authorizeSecondFactor(credentials, request.headers)
          : credentials && typeof credentials === "object" && "ssoTicket" in credentials
            ? authorizeSsoTicket(credentials)
            : authorizeCredentials(credentials, request.headers),
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    list.push(
      GitHub({
        clientId: e.AUTH_GITHUB_ID,
        clientSecret: e.AUTH_GITHUB_SECRET,
        // GitHub's profile says nothing about verification: read it from /user/emails, so that only
        // an address GitHub verified can open or link a Cairn account (lib/auth/external-accounts.ts).
        userinfo: {
          url: "https://api.github.com/user",
          async request({ tokens }: { tokens: { access_token?: string } }) {
            const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "cairn" };
            const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as Record<string, unknown>;
            const response = await fetch("https://api.github.com/user/emails", { headers });
            const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
            const { email, verified } = githubEmail(typeof profile.email === "string" ? profile.email : null, Array.isArray(emails) ? emails : []);
            return { ...profile, email, email_verified: verified };
          },
        },
      }),
    );
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET) {
    // Any OpenID Connect provider (Okta, Entra ID, Keycloak, Authentik…): single sign-on on every plan.
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

/** The external sign-in buttons to show: only providers whose variables are set. */
export function externalProviders(e: Env = env()): Array<{ id: string; name: string }> {
  return providers(e)
    .map((p) => (typeof p === "function" ? p() : p))
    .filter((p) => p.id !== "credentials")
    .map((p) => ({ id: p.id, name: p.name }));
}

const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A wrong password is an answer, not a server error: keep the log for real failures, one line each.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message.split("\n")[0]}`);
    },
  },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.provider === "credentials") return true;
      // Someone already signed in is linking a provider from the account page.
      const signedIn = await getCurrentUser().catch(() => null);
      return decideExternalSignIn(
        { provider: account.provider, providerAccountId: account.providerAccountId, email: user.email, name: user.name, emailVerified: profileAssertsVerifiedEmail(profile) },
        signedIn?.id,
      );
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      // First request after a successful sign-in: open a server-side session for this device.
      let userId = user.id!;
      if (account && account.provider !== "credentials") {
        // The signIn callback above has linked (or refused) this provider account already.
        const linked = await findUserByAccount(account.provider, account.providerAccountId);
        if (!linked) throw new CredentialsSignin("This sign-in is not linked to an account.");
        userId = linked.id;
      }
      const sid = newToken();
      await createSession(userId, hashToken(sid), new Date(clock.nowMs() + SESSION_MAX_AGE_SECONDS * 1000));
      return { sid, sub: userId };
    },
    session({ session }) {
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await deleteSession(hashToken(sid));
    },
  },
});

export const { handlers, signIn, signOut } = NextAuth(() => config());
