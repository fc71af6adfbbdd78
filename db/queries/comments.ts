// Comment threads on objectives, KPIs, initiatives and journey stages, bound to one team.
// Deletes are soft (deleted_at), so the activity log and notifications can still point at them.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "../client";
import { comments, users, type entityTypeEnum } from "../schema";

type Ctx = { teamId: string };
export type CommentEntityType = (typeof entityTypeEnum.enumValues)[number];
export type CommentRow = typeof comments.$inferSelect;

/** A thread, oldest first, without deleted comments; the author's name (never their e-mail address). */
export async function listComments(tx: Tx, ctx: Ctx, entityType: CommentEntityType, entityId: string, limit = 500) {
  const rows = await tx
    .select({
      id: comments.id,
      authorId: comments.authorId,
      authorName: users.name,
      authorEmail: users.email,
      body: comments.body,
      mentions: comments.mentions,
      version: comments.version,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.teamId, ctx.teamId), eq(comments.entityType, entityType), eq(comments.entityId, entityId), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit);
  return rows.map(({ authorEmail, ...row }) => ({ ...row, authorName: row.authorName ?? authorEmail?.split("@")[0] ?? null }));
}

export type CommentListItem = Awaited<ReturnType<typeof listComments>>[number];

export async function insertComment(
  tx: Tx,
  ctx: Ctx,
  values: { entityType: CommentEntityType; entityId: string; authorId: string; body: string; mentions: string[] },
): Promise<CommentRow> {
  const [row] = await tx
    .insert(comments)
    .values({ ...values, teamId: ctx.teamId })
    .returning();
  return row!;
}

/** A live (not deleted) comment of the team, or undefined. */
export async function findLiveComment(tx: Tx, ctx: Ctx, id: string): Promise<CommentRow | undefined> {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.teamId, ctx.teamId), eq(comments.id, id), isNull(comments.deletedAt)))
    .limit(1);
  return row;
}
