// Comment threads: read, add, edit and delete your own. Every write is versioned and logged
// (activity + NOTIFY, so every open thread refreshes), and mentions notify the members named.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { findLiveComment, insertComment, listComments } from "@/db/queries/comments";
import { listMembers } from "@/db/queries/memberships";
import { getInTeamOrThrow, updateVersioned } from "@/db/queries/versioned";
import { comments, initiatives, kpis, objectives, stages } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { displayName, findMentions, type Mentionable } from "./mentions";
import { excerpt, notifyMentions } from "./notify";
import type { CommentableType } from "./constants";
import type { CommentCreateInput, CommentDeleteInput, CommentUpdateInput } from "./validation";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

const TABLES = { objective: objectives, kpi: kpis, initiative: initiatives, stage: stages } as const;
const WHAT: Record<CommentableType, string> = { objective: "This objective", kpi: "This KPI", initiative: "This initiative", stage: "This stage" };

/** The thing a thread hangs on must exist in the team: anything else is a 404. */
async function assertCommentable(tx: Tx, ctx: Ctx, entityType: CommentableType, entityId: string): Promise<void> {
  await getInTeamOrThrow(tx, TABLES[entityType], ctx, entityId, WHAT[entityType]);
}

export async function mentionableMembers(tx: Tx, ctx: Ctx): Promise<Mentionable[]> {
  return (await listMembers(tx, ctx)).map((m) => ({ userId: m.userId, name: displayName(m) }));
}

/** A thread with the members who can be mentioned in it (for the autocomplete and highlighting). */
export async function getThread(tx: Tx, ctx: Ctx, input: { entityType: CommentableType; entityId: string }) {
  await assertCommentable(tx, ctx, input.entityType, input.entityId);
  const [items, members] = [await listComments(tx, ctx, input.entityType, input.entityId), await mentionableMembers(tx, ctx)];
  return { comments: items, members };
}

export type Thread = Awaited<ReturnType<typeof getThread>>;

function requireUser(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError("forbidden", "Only members can comment.");
  return ctx.userId;
}

export async function addComment(tx: Tx, ctx: Ctx, input: CommentCreateInput) {
  const authorId = requireUser(ctx);
  await assertCommentable(tx, ctx, input.entityType, input.entityId);
  const mentions = findMentions(input.body, await mentionableMembers(tx, ctx));
  const comment = await insertComment(tx, ctx, { entityType: input.entityType, entityId: input.entityId, authorId, body: input.body, mentions });
  await notifyMentions(tx, ctx, { commentId: comment.id, entityType: input.entityType, entityId: input.entityId, body: input.body, mentions });
  await recordChange(
    tx,
    ctx,
    { actorId: authorId, entityType: "comment", entityId: comment.id, action: "create", after: { on: input.entityType, onId: input.entityId, excerpt: excerpt(input.body), mentions } },
    { version: comment.version, parentId: input.entityId },
  );
  return comment;
}

/** Only the author may change a comment; someone else's is a 403, a deleted one a 404. */
async function ownComment(tx: Tx, ctx: Ctx, commentId: string) {
  const userId = requireUser(ctx);
  const current = await findLiveComment(tx, ctx, commentId);
  if (!current) throw new AppError("not_found", "This comment was not found: it may have been deleted.");
  if (current.authorId !== userId) throw new AppError("forbidden", "You can only change your own comments.");
  return current;
}

export async function editComment(tx: Tx, ctx: Ctx, input: CommentUpdateInput) {
  const current = await ownComment(tx, ctx, input.commentId);
  if (current.body === input.body) {
    if (current.version !== input.version) throw new AppError("conflict", "This comment was changed since you opened it.", { current });
    return current;
  }
  const mentions = findMentions(input.body, await mentionableMembers(tx, ctx));
  const updated = await updateVersioned(tx, comments, ctx, current.id, input.version, { body: input.body, mentions, editedAt: clock.now() }, "This comment");
  await notifyMentions(tx, ctx, { commentId: current.id, entityType: current.entityType, entityId: current.entityId, body: input.body, mentions, previous: current.mentions });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "comment", entityId: current.id, action: "update", field: "body", before: current.body, after: input.body },
    { version: updated.version, parentId: current.entityId },
  );
  return updated;
}

export async function deleteComment(tx: Tx, ctx: Ctx, input: CommentDeleteInput) {
  const current = await ownComment(tx, ctx, input.commentId);
  const deleted = await updateVersioned(tx, comments, ctx, current.id, input.version, { deletedAt: clock.now() }, "This comment");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "comment", entityId: current.id, action: "delete", before: { on: current.entityType, onId: current.entityId, excerpt: excerpt(current.body) } },
    { version: deleted.version, parentId: current.entityId },
  );
  return deleted;
}
