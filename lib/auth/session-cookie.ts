import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/**
 * Auth.js keeps its JWT in this cookie; the JWT carries only our random session token, whose
 * hash is the `sessions` row. Reading it here (not through `auth()`) lets pages, actions and
 * route handlers share one check that a deleted session fails at once.
 */
export function secureCookies(): boolean {
  return env().APP_URL.startsWith("https:");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: run `npm run dev` once (it writes .env.local) or set it yourself.");
  return secret;
}

/** The session token inside the cookie value, or null when absent, forged or expired. */
export async function sessionTokenFromCookie(cookieValue: string | undefined): Promise<string | null> {
  if (!cookieValue) return null;
  try {
    const payload = await decode({ token: cookieValue, secret: authSecret(), salt: sessionCookieName() });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

/** Picks the session cookie's value out of a Cookie header (Auth.js may split large cookies into .0, .1 …). */
export function readSessionCookie(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName();
  const parts = new Map<string, string>();
  for (const pair of cookieHeader.split(/;\s*/)) {
    const eq = pair.indexOf("=");
    if (eq > 0) parts.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
  }
  if (parts.has(name)) return parts.get(name);
  const chunks: string[] = [];
  for (let i = 0; parts.has(`${name}.${i}`); i++) chunks.push(parts.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : undefined;
}
