"use server";
// Server actions of the inbox: mark some or all of your own notifications read, and turn
// your own daily digest of this team on or off.
import { revalidatePath } from "next/cache";
import { setEmailDigestPreference } from "@/db/queries/memberships";
import { markAllNotificationsRead, markNotificationsRead } from "@/db/queries/notifications";
import { teamAction } from "@/lib/actions/team-action";
import { emailDigestSchema, markAllReadSchema, markReadSchema } from "@/lib/collaboration/validation";
import { AppError } from "@/lib/errors";

// The header badge lives in the team layout: re-render it with the new count.
const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}`, "layout");

function me(userId: string | null): string {
  if (!userId) throw new AppError("forbidden", "Only members have an inbox.");
  return userId;
}

export const markNotificationsReadAction = teamAction("notifications.mark_read", {
  permission: "team.read",
  schema: markReadSchema,
  handler: async (input, { tx, ctx }) => ({ marked: await markNotificationsRead(tx, ctx, me(ctx.userId), input.ids) }),
  after: refresh,
});

export const markAllNotificationsReadAction = teamAction("notifications.mark_all_read", {
  permission: "team.read",
  schema: markAllReadSchema,
  handler: async (_input, { tx, ctx }) => ({ marked: await markAllNotificationsRead(tx, ctx, me(ctx.userId)) }),
  after: refresh,
});

// The member is always the signed-in person: no id in the input can point at someone else.
export const setEmailDigestAction = teamAction("notifications.email_digest", {
  permission: "notifications.preferences",
  schema: emailDigestSchema,
  async handler(input, { tx, ctx }) {
    const saved = await setEmailDigestPreference(tx, ctx, me(ctx.userId), input.emailDigest);
    if (!saved) throw new AppError("not_found", "This team was not found.");
    return { emailDigest: saved.emailDigest };
  },
  after: (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}/inbox`, "page"),
});
