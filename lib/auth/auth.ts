import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { createSession, deleteSession } from "@/db/queries/sessions";
import { createUser, findUserByAccount, findUserByEmail, linkAccount } from "@/db/queries/users";
import { clock } from "@/lib/clock";
import { env, type Env } from "@/lib/env";
import { clientIp, consumeLimit, peekLimit } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { SESSION_MAX_AGE_SECONDS, authSecret, secureCookies } from "./session-cookie";
import { hashToken, newToken } from "./tokens";
import { ensurePersonalTeam } from "./personal-team";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(128) });

// A real hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist.
const decoyHash = hashPassword(newToken());

/**
 * Checks e-mail and password under the sign-in rate limits (per IP and per account). Only
 * failed attempts count: a person signing in correctly many times is not an attacker, and
 * once a limit is spent even the right password waits for the window to pass.
 */
export async function authorizeCredentials(input: unknown, headers: Headers): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(headers);
  const [byIp, byAccount] = await Promise.all([peekLimit("sign-in:ip", ip), peekLimit("sign-in:account", email)]);
  if (!byIp.allowed || !byAccount.allowed) throw new RateLimitedSignIn();
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (user && user.passwordHash && ok) return { id: user.id, email: user.email, name: user.name };
  await Promise.all([consumeLimit("sign-in:ip", ip), consumeLimit("sign-in:account", email)]);
  return null;
}

function providers(e: Env = env()): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
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

/** Finds or creates the Cairn user behind an OAuth/OIDC sign-in, linking by verified e-mail. */
async function userForExternalAccount(provider: string, providerAccountId: string, email: string | null | undefined, name: string | null | undefined) {
  const linked = await findUserByAccount(provider, providerAccountId);
  if (linked) return linked;
  if (!email) throw new CredentialsSignin("The provider did not share an e-mail address.");
  const user = (await findUserByEmail(email)) ?? (await createUser({ email, name: name ?? null, emailVerified: clock.now() }));
  await linkAccount({ userId: user.id, type: "oidc", provider, providerAccountId });
  await ensurePersonalTeam(user);
  return user;
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
    async jwt({ token, user, account }) {
      if (!user) return token;
      // First request after a successful sign-in: open a server-side session for this device.
      let userId = user.id!;
      if (account && account.provider !== "credentials") {
        userId = (await userForExternalAccount(account.provider, account.providerAccountId, user.email, user.name)).id;
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
