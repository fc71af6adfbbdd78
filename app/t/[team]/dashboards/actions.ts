"use server";
// Server actions of the dashboards: create and revoke read-only share links (editors and up).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordChange } from "@/db/queries/changes";
import { findDashboardScorecard } from "@/db/queries/dashboards";
import { insertShareLink, revokeShareLinkRow } from "@/db/queries/share-links";
import { teamAction } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { MAX_SHARE_DAYS } from "@/lib/sharing/expiry-choices";
import { issueShareToken, sharePath } from "@/lib/sharing/share-token";
import { optionalText, uuid } from "@/lib/validation/primitives";

const expiresInDays = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: "Expiry must be a number of days" })
    .int("Expiry must be a whole number of days")
    .min(1, "Expiry must be at least 1 day")
    .max(MAX_SHARE_DAYS, `Expiry can be at most ${MAX_SHARE_DAYS} days`)
    .optional(),
);

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z.unknown().optional().transform((v) => v === "on" || v === "true" || v === true);

const refresh = (result: { scorecardId: string }, { ctx }: { ctx: { teamSlug: string } }) =>
  revalidatePath(`/t/${ctx.teamSlug}/dashboards/${result.scorecardId}/sharing`);

export const createShareLink = teamAction("share_links.create", {
  permission: "share_links.manage",
  schema: z.object({ scorecardId: uuid("dashboard"), label: optionalText("Label", 100), expiresInDays, includeSubtree: checkbox }),
  async handler(input, { tx, ctx, user }) {
    const scorecard = await findDashboardScorecard(tx, ctx, input.scorecardId);
    if (!scorecard) throw new AppError("not_found", "This dashboard was not found.");
    const { token, tokenHash } = issueShareToken(ctx.teamId);
    const expiresAt = input.expiresInDays ? new Date(clock.nowMs() + input.expiresInDays * 86_400_000) : null;
    const link = await insertShareLink(tx, ctx, { scorecardId: scorecard.id, includeSubtree: input.includeSubtree, tokenHash, label: input.label, createdBy: user.id, expiresAt });
    // The activity row names the link, never its token.
    await recordChange(
      tx,
      ctx,
      { actorId: user.id, entityType: "share_link", entityId: link.id, action: "create", after: { label: link.label, scorecardId: scorecard.id, includeSubtree: link.includeSubtree, expiresAt: expiresAt?.toISOString() ?? null } },
      { parentId: scorecard.id },
    );
    return { id: link.id, scorecardId: scorecard.id, label: link.label, includeSubtree: link.includeSubtree, expiresAt: expiresAt?.toISOString() ?? null, token, url: `${env().APP_URL}${sharePath(token)}` };
  },
  after: refresh,
});

export const revokeShareLink = teamAction("share_links.revoke", {
  permission: "share_links.manage",
  schema: z.object({ shareLinkId: uuid("share link") }),
  async handler(input, { tx, ctx, user }) {
    const link = await revokeShareLinkRow(tx, ctx, input.shareLinkId);
    if (!link) throw new AppError("not_found", "This share link was not found or is already revoked.");
    await recordChange(
      tx,
      ctx,
      { actorId: user.id, entityType: "share_link", entityId: link.id, action: "delete", before: { label: link.label }, reason: "revoked" },
      { parentId: link.scorecardId },
    );
    return { id: link.id, scorecardId: link.scorecardId };
  },
  after: refresh,
});
