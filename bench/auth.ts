// Credentials for the benchmark's requests: real server-side sessions minted straight into the
// database (the same approach as tests/support/sessions.ts), and an API key of the big team.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { apiKeys, sessions } from "@/db/schema";
import { newApiKey } from "@/lib/api/api-key";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
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
  await db.insert(sessions).values({ userId, tokenHash: hashToken(token), expiresAt: new Date(clock.nowMs() + MAX_AGE_SECONDS * 1000) });
  const jwt = await encode({ token: { sid: token, sub: userId }, secret, salt: SESSION_COOKIE, maxAge: MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${jwt}`;
}

/** A read-and-write API key of the big team, issued the way the settings page issues one (only its hash is stored). */
export async function issueBenchApiKey(db: Database, dataset: Dataset): Promise<string> {
  const { key, prefix, keyHash } = newApiKey(dataset.team.id);
  await db.insert(apiKeys).values({ teamId: dataset.team.id, name: "Benchmark", prefix, keyHash, scopes: ["read", "write"], createdBy: dataset.members[0]!.userId });
  return key;
}

export interface BenchCredentials {
  /** Cookie header of the big team's owner. */
  ownerCookie: string;
  /** Bearer API key of the big team. */
  apiKey: string | null;
}

export async function benchCredentials(db: Database, dataset: Dataset, secret: string): Promise<BenchCredentials> {
  return {
    ownerCookie: await mintSessionCookie(db, dataset.members[0]!.userId, secret),
    apiKey: await issueBenchApiKey(db, dataset),
  };
}
