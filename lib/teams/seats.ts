import type { Tx } from "@/db/client";
import { countPendingInvitationsByRole } from "@/db/queries/invitations";
import { countByRole } from "@/db/queries/memberships";
import type { Team } from "@/db/schema";
import { assertTeamWritable } from "@/lib/billing/access";
import { editorSeatLimit } from "@/lib/billing/plans";
import { AppError } from "@/lib/errors";

/** Editor seats in use: members who can write plus pending invitations that would. Viewers are free. */
export async function editorSeatsUsed(tx: Tx, ctx: { teamId: string }): Promise<number> {
  const roles = await countByRole(tx, ctx);
  const pending =
    (await countPendingInvitationsByRole(tx, ctx, "admin")) + (await countPendingInvitationsByRole(tx, ctx, "editor"));
  return roles.owner + roles.admin + roles.editor + pending;
}

/**
 * Refuses to add editor seats beyond what the plan allows, pointing to billing. A team that
 * is read-only for non-payment takes no new editors either (402 as well).
 */
export async function assertSeatAvailable(tx: Tx, ctx: { teamId: string; teamSlug: string }, team: Team, change: { adding: number }) {
  assertTeamWritable(team);
  const used = await editorSeatsUsed(tx, ctx);
  const limit = editorSeatLimit(team);
  if (used + change.adding > limit) {
    throw new AppError(
      "payment_required",
      `All ${limit} editor seats are in use (pending invitations count). Add seats in Billing (/t/${ctx.teamSlug}/settings/billing), or invite as a viewer — viewers are free.`,
      { fieldErrors: { role: [`No editor seat left: ${used} of ${limit} in use.`] } },
    );
  }
}
