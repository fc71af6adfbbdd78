// Share-link tokens: "<team id>.<secret>". The team id lets the lookup lead with team_id (and
// bind row-level security to that team) before anything else; only the secret's hash is stored.
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface IssuedShareToken {
  /** Goes into the URL, shown once. */
  token: string;
  /** Goes into the database. */
  tokenHash: string;
}

export function issueShareToken(teamId: string): IssuedShareToken {
  const secret = newToken(32);
  return { token: `${teamId.toLowerCase()}.${secret}`, tokenHash: hashToken(secret) };
}

/** The team and secret hash of a well-formed token; null for anything else (a 404, never an error). */
export function parseShareToken(token: string): { teamId: string; tokenHash: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    return null;
  }
  const match = TOKEN.exec(decoded);
  if (!match) return null;
  return { teamId: match[1]!, tokenHash: hashToken(match[2]!) };
}

export function sharePath(token: string): string {
  return `/share/${token}`;
}

export type ShareLinkState = "active" | "expired" | "revoked";

export function shareLinkState(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = clock.now()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
