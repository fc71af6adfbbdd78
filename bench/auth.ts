// Credentials for the benchmark's requests: real server-side sessions minted straight into the
// database (the same approach as tests/support/sessions.ts), and the hook for API keys.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { sessions } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Dataset } from "./dataset";

/** The server runs on http://, so Auth.js uses the unprefixed cookie name (lib/auth/session-cookie.ts). */
export const SESSION_COOKIE = "authjs.session-token";
const MAX_AGE_SECONDS = 24 * 3600;

export function newAuthSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A signed-in session for `userId`, as the Cookie header a browser would send to the bench server. */
export async function mintSessionCookie(db: Database, userId: string, secret: string): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + MAX_AGE_SECONDS * 1000) });
  const jwt = await encode({ token: { sid: token, sub: userId }, secret, salt: SESSION_COOKIE, maxAge: MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${jwt}`;
}

/**
 * Issues a write-scoped API key for the big team, or null while the public API's key handling
 * does not exist yet. Wire it here when it lands (e.g. call the key-issuing function of the
 * API-keys module with the seeding connection); every API target then runs instead of being
 * reported "missing".
 */
export const issueBenchApiKey: (db: Database, dataset: Dataset) => Promise<string | null> = async () => null;

export interface BenchCredentials {
  /** Cookie header of the big team's owner. */
  ownerCookie: string;
  /** Bearer API key of the big team, when the API exists. */
  apiKey: string | null;
}

export async function benchCredentials(db: Database, dataset: Dataset, secret: string): Promise<BenchCredentials> {
  return {
    ownerCookie: await mintSessionCookie(db, dataset.members[0]!.userId, secret),
    apiKey: await issueBenchApiKey(db, dataset),
  };
}
