"use server";
// Server actions of comment threads (objectives, KPIs, initiatives, stages): read a thread,
// add a comment, edit or delete your own. Every member may comment, viewers included.
import { teamAction } from "@/lib/actions/team-action";
import { addComment, deleteComment, editComment, getThread } from "@/lib/collaboration/comments";
import { commentCreateSchema, commentDeleteSchema, commentUpdateSchema, threadSchema } from "@/lib/collaboration/validation";

const ref = (row: { id: string; version: number }) => ({ id: row.id, version: row.version });

export const listCommentsAction = teamAction("comments.list", {
  permission: "team.read",
  schema: threadSchema,
  handler: (input, { tx, ctx }) => getThread(tx, ctx, input),
});

export const addCommentAction = teamAction("comments.create", {
  permission: "comments.write",
  schema: commentCreateSchema,
  handler: async (input, { tx, ctx }) => ref(await addComment(tx, ctx, input)),
});

export const editCommentAction = teamAction("comments.update", {
  permission: "comments.write",
  schema: commentUpdateSchema,
  handler: async (input, { tx, ctx }) => {
    const saved = await editComment(tx, ctx, input);
    return { ...ref(saved), editedAt: saved.editedAt };
  },
});

export const deleteCommentAction = teamAction("comments.delete", {
  permission: "comments.write",
  schema: commentDeleteSchema,
  handler: async (input, { tx, ctx }) => ref(await deleteComment(tx, ctx, input)),
});
