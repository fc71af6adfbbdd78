// The API key string: `ck_<team id, 32 hex digits>_<secret>`. The team id comes first so the
// lookup leads with team_id (and runs under that team's row-level security); only the
// secret's SHA-256 is stored, and a short visible prefix of it lets people tell keys apart.
import { hashToken, newToken } from "@/lib/auth/tokens";

export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const KEY = /^ck_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
/** How many characters of the secret are kept in clear to recognise a key. */
export const PREFIX_LENGTH = 8;

export interface NewApiKey {
  /** The whole key, shown once. */
  key: string;
  prefix: string;
  keyHash: string;
}

export function newApiKey(teamId: string): NewApiKey {
  const secret = newToken(32);
  return { key: `ck_${teamId.replace(/-/g, "").toLowerCase()}_${secret}`, prefix: secret.slice(0, PREFIX_LENGTH), keyHash: hashToken(secret) };
}

/** The team and the secret's hash of a well-formed key, or null (malformed keys never reach the database). */
export function parseApiKey(key: string): { teamId: string; keyHash: string } | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const hex = match[1]!;
  const teamId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { teamId, keyHash: hashToken(match[2]!) };
}

/** How a key is shown after creation: enough to recognise it, never enough to use it. */
export function maskedKey(prefix: string): string {
  return `ck_…_${prefix}…`;
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}
