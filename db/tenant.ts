import { sql } from "drizzle-orm";
import { ambientTransaction, getDb, runInTransaction, type Database, type Tx } from "./client";

/** Who is acting, in which team, with which role: resolved once per request, passed everywhere. */
export interface TeamContext {
  teamId: string;
  teamSlug: string;
  userId: string | null;
  /** The acting member's membership row (null for API keys and share links). */
  membershipId: string | null;
  role: "owner" | "admin" | "editor" | "viewer" | "contributor";
  /** How the request authenticated: a member's session, an API key, or a share link. */
  via: "session" | "api_key" | "share_link" | "system";
}

/**
 * Runs `fn` in a transaction bound to one team: `app.team_id` is set for row-level
 * security and the role drops to cairn_app, which cannot bypass it. Every tenant query
 * runs inside one of these.
 */
export async function inTeam<T>(teamId: string, fn: (tx: Tx) => Promise<T>, db?: Database): Promise<T> {
  const reused = reuseAmbient(`team:${teamId}`, fn);
  if (reused) return reused;
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.team_id', ${teamId}, true), set_config('role', 'cairn_app', true)`);
    return runInTransaction(tx, `team:${teamId}`, () => fn(tx));
  });
}

/**
 * Inside a bound transaction, the same scope reuses it; another scope is a programming
 * error (it would silently switch app.team_id for the rest of the outer transaction).
 */
function reuseAmbient<T>(scope: string, fn: (tx: Tx) => Promise<T>): Promise<T> | undefined {
  const ambient = ambientTransaction();
  if (!ambient) return undefined;
  if (ambient.scope === scope) return fn(ambient.tx);
  throw new Error(`Cannot open a ${scope} transaction inside a ${ambient.scope} transaction.`);
}

/**
 * Runs `fn` bound to one person instead of one team: they can read their own memberships
 * in every team (to list and switch teams) and nothing else that is tenant-owned.
 */
export async function asUser<T>(userId: string, fn: (tx: Tx) => Promise<T>, db?: Database): Promise<T> {
  const reused = reuseAmbient(`user:${userId}`, fn);
  if (reused) return reused;
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true), set_config('role', 'cairn_app', true)`);
    return runInTransaction(tx, `user:${userId}`, () => fn(tx));
  });
}
