// The API key string: `ck_<team id, 32 hex digits>_<secret>`. The team id comes first so the
// lookup leads with team_id (and runs under that team's row-level security); only the
// secret's SHA-256 is stored, and a short visible prefix of it lets people tell keys apart.
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { hashToken, newToken } from "@/lib/auth/tokens";

export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What each scope lets a key do, in the permission table's words. */
const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  read: ["scorecards.read", "journeys.read"],
  write: ["scorecards.write", "journeys.write", "measurements.write"],
};

/**
 * The scopes a key may use right now: those it was given that its creator's *current* role in
 * the team still allows. A key is access in its creator's name, so it never does more than they
 * could: a demotion narrows it at the next request, a re-promotion restores it, whatever path
 * changed the role (the members page, an ownership transfer, a direct database fix).
 */
export function effectiveScopes(scopes: readonly ApiScope[], creatorRole: Role): ApiScope[] {
  return API_SCOPES.filter((scope) => scopes.includes(scope) && SCOPE_PERMISSIONS[scope].every((permission) => can(creatorRole, permission)));
}

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
