// API keys of one team: create, list, revoke, and the per-request lookup by the secret's
// hash (the unique index leads with team_id). Secrets are never stored, only their hashes.
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { apiKeys, memberships, teams, users, type Team } from "../schema";
import type { Role } from "@/lib/auth/permissions";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };
type Scope = "read" | "write";

export type ApiKey = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  tx: Tx,
  ctx: Ctx,
  values: { name: string; prefix: string; keyHash: string; scopes: Scope[]; createdBy: string | null },
): Promise<ApiKey> {
  const [row] = await tx.insert(apiKeys).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

/** The creator's membership in the key's own team (none once they have left it). */
const creatorMembership = and(eq(memberships.teamId, apiKeys.teamId), eq(memberships.userId, apiKeys.createdBy));

/**
 * Every key of the team, active first (newest first), then revoked ones; never the hash. Each
 * carries its creator's current role in the team (null once they have left it), which bounds
 * what the key may do (lib/api/api-key.ts, effectiveScopes).
 */
export async function listApiKeys(tx: Tx, ctx: Ctx) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdByName: users.name,
      createdByEmail: users.email,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      creatorRole: memberships.role,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(memberships, creatorMembership)
    .where(eq(apiKeys.teamId, ctx.teamId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), asc(apiKeys.id));
}
export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

/** Revokes an active key; undefined when there is no such active key in the team. */
export async function revokeApiKey(tx: Tx, ctx: Ctx, id: string): Promise<Pick<ApiKey, "id" | "name" | "prefix"> | undefined> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiKeys.teamId, ctx.teamId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  return row;
}

/** Revokes every active key a person created in this team (they left it: their keys go with them). */
export async function revokeApiKeysCreatedBy(tx: Tx, ctx: Ctx, userId: string, now: Date = clock.now()): Promise<Array<Pick<ApiKey, "id" | "name" | "prefix">>> {
  return tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.teamId, ctx.teamId), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
}

/**
 * The active key with this hash in the team, with its team and its creator's current role, in
 * one statement; undefined for unknown or revoked keys and for a key whose creator is no longer
 * a member of the team (the inner join: a key never outlives its creator's membership).
 */
export async function findActiveApiKey(tx: Tx, ctx: Ctx, keyHash: string): Promise<{ key: ApiKey; team: Team; creatorRole: Role } | undefined> {
  const [row] = await tx
    .select({ key: apiKeys, team: teams, creatorRole: memberships.role })
    .from(apiKeys)
    .innerJoin(teams, eq(teams.id, apiKeys.teamId))
    .innerJoin(memberships, creatorMembership)
    .where(and(eq(apiKeys.teamId, ctx.teamId), eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

/** Records a use, at most once a minute per key, so a busy key does not write on every request. */
export async function touchApiKey(tx: Tx, ctx: Ctx, id: string, now: Date = clock.now()): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.teamId, ctx.teamId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}
