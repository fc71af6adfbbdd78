// Share links: read-only links to one dashboard (or, with include_subtree, to a unit's organisation view). Only the secret's hash is stored; every
// lookup leads with team_id, which the token itself carries.
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { shareLinks, users } from "../schema";
import { clock } from "@/lib/clock";

export type ShareLinkRow = typeof shareLinks.$inferSelect;

export async function insertShareLink(
  tx: Tx,
  ctx: { teamId: string },
  values: { scorecardId: string; includeSubtree?: boolean; tokenHash: string; label: string; createdBy: string | null; expiresAt: Date | null },
): Promise<ShareLinkRow> {
  const [row] = await tx.insert(shareLinks).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

/** The links of one dashboard, newest first, with the creator's name (never an e-mail address). */
export async function listShareLinks(tx: Tx, ctx: { teamId: string }, scorecardId: string) {
  return tx
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      includeSubtree: shareLinks.includeSubtree,
      createdByName: users.name,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      viewCount: shareLinks.viewCount,
      lastViewedAt: shareLinks.lastViewedAt,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.teamId, ctx.teamId), eq(shareLinks.scorecardId, scorecardId)))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
}

export type ShareLinkListItem = Awaited<ReturnType<typeof listShareLinks>>[number];

export async function getShareLink(tx: Tx, ctx: { teamId: string }, id: string): Promise<ShareLinkRow | undefined> {
  const [row] = await tx.select().from(shareLinks).where(and(eq(shareLinks.teamId, ctx.teamId), eq(shareLinks.id, id))).limit(1);
  return row;
}

/** Revokes a live link; undefined when it does not exist in this team or was already revoked. */
export async function revokeShareLinkRow(tx: Tx, ctx: { teamId: string }, id: string, now: Date = clock.now()): Promise<ShareLinkRow | undefined> {
  const [row] = await tx
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(eq(shareLinks.teamId, ctx.teamId), eq(shareLinks.id, id), isNull(shareLinks.revokedAt)))
    .returning();
  return row;
}

/** Revokes every unrevoked link a person created in this team (they left it: their links go with them). */
export async function revokeShareLinksCreatedBy(tx: Tx, ctx: { teamId: string }, userId: string, now: Date = clock.now()): Promise<ShareLinkRow[]> {
  return tx
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(eq(shareLinks.teamId, ctx.teamId), eq(shareLinks.createdBy, userId), isNull(shareLinks.revokedAt)))
    .returning();
}

/** The live link behind a token hash, without counting a view (reads the shared page makes after opening it). */
export async function findLiveShareLink(tx: Tx, ctx: { teamId: string }, tokenHash: string, now: Date = clock.now()): Promise<ShareLinkRow | undefined> {
  const [row] = await tx
    .select()
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.teamId, ctx.teamId),
        eq(shareLinks.tokenHash, tokenHash),
        isNull(shareLinks.revokedAt),
        or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now)),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Adds views counted in memory (lib/sharing/share-views.ts) in one statement, as increments, so
 * instances that flush at once add up; the last view time only moves forward.
 */
export async function addShareLinkViews(tx: Tx, ctx: { teamId: string }, views: ReadonlyArray<{ linkId: string; count: number; lastViewedAt: Date }>): Promise<void> {
  if (views.length === 0) return;
  const input = JSON.stringify(views.map((v) => ({ id: v.linkId, n: v.count, at: v.lastViewedAt.toISOString() })));
  await tx.execute(sql`
    update share_links l
    set view_count = l.view_count + i.n, last_viewed_at = greatest(l.last_viewed_at, i.at)
    from jsonb_to_recordset(${input}::jsonb) as i(id uuid, n int, at timestamptz)
    where l.team_id = ${ctx.teamId} and l.id = i.id`);
}
