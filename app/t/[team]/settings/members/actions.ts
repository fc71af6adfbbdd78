"use server";
// Server actions of the members page: invite, revoke, change role, remove, transfer ownership, leave.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createInvitation, revokeInvitation as revokeInvitationRow } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/memberships";
import { recordChange } from "@/db/queries/changes";
import { teamAction } from "@/lib/actions/team-action";
import { ROLE_LABELS, takesSeat } from "@/lib/auth/permissions";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/mailer";
import { invitationMessage } from "@/lib/mail/templates";
import { enforceLimits } from "@/lib/rate-limit";
import { INVITATION_DAYS, newInvitationToken } from "@/lib/teams/invitations";
import { changeMemberRole, removeMember as removeMemberRow, transferOwnership as transferOwnershipRow } from "@/lib/teams/members";
import { assertSeatAvailable } from "@/lib/teams/seats";
import { email, uuid } from "@/lib/validation/primitives";

const invitableRole = z.enum(["admin", "editor", "viewer"], { error: "Choose a role: admin, editor or viewer" });
const anyRole = z.enum(["owner", "admin", "editor", "viewer"], { error: "Choose a role" });
const version = z.coerce.number({ error: "version is required" }).int().positive();
const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}/settings/members`);

export const inviteMember = teamAction("members.invite", {
  permission: "members.invite",
  schema: z.object({ email, role: invitableRole }),
  async handler(input, { tx, ctx, user, team }) {
    await enforceLimits([["invite:team", ctx.teamId], ["invite:user", user.id]]);
    const members = await listMembers(tx, ctx);
    if (members.some((m) => m.email === input.email)) {
      throw new AppError("validation", "This person is already a member.", { fieldErrors: { email: [`${input.email} is already a member of this team`] } });
    }
    if (takesSeat(input.role)) await assertSeatAvailable(tx, ctx, team, { adding: 1 });
    const { link, tokenHash } = newInvitationToken(ctx.teamId);
    const invitation = await createInvitation(tx, ctx, {
      email: input.email,
      role: input.role,
      tokenHash,
      invitedBy: user.id,
      expiresAt: new Date(clock.nowMs() + INVITATION_DAYS * 24 * 3600 * 1000),
    });
    await recordChange(tx, ctx, { actorId: user.id, entityType: "invitation", entityId: invitation.id, action: "create", after: { email: input.email, role: input.role } });
    return { email: input.email, role: input.role, link, inviter: user.name ?? user.email, teamName: team.name };
  },
  async after(result, session) {
    await sendMail(invitationMessage(result.email, result.inviter, result.teamName, ROLE_LABELS[result.role].toLowerCase(), result.link));
    refresh(result, session);
  },
  // The link carries the invitation's secret: it goes to the invitee's inbox only.
  respond: ({ email, role }) => ({ email, role }),
});

export const revokeInvitation = teamAction("members.revoke_invitation", {
  permission: "members.invite",
  schema: z.object({ invitationId: uuid("invitation") }),
  async handler(input, { tx, ctx, user }) {
    const revoked = await revokeInvitationRow(tx, ctx, input.invitationId);
    if (!revoked) throw new AppError("not_found", "This invitation was not found or is no longer pending.");
    await recordChange(tx, ctx, { actorId: user.id, entityType: "invitation", entityId: revoked.id, action: "delete", before: { email: revoked.email } });
    return revoked;
  },
  after: refresh,
});

export const changeRole = teamAction("members.update_role", {
  permission: "members.update_role",
  schema: z.object({ membershipId: uuid("member"), role: anyRole, version }),
  async handler(input, { tx, ctx, team }) {
    if (input.role === "editor" || input.role === "admin" || input.role === "owner") {
      const members = await listMembers(tx, ctx);
      const current = members.find((m) => m.id === input.membershipId);
      if (current && !takesSeat(current.role)) await assertSeatAvailable(tx, ctx, team, { adding: 1 });
    }
    return changeMemberRole(tx, ctx, input);
  },
  after: refresh,
});

export const removeMember = teamAction("members.remove", {
  permission: "members.remove",
  schema: z.object({ membershipId: uuid("member") }),
  handler: (input, { tx, ctx }) => removeMemberRow(tx, ctx, input),
  after: refresh,
});

export const transferOwnership = teamAction("members.transfer_ownership", {
  permission: "members.transfer_ownership",
  // The target's version as the page showed it, when the page sends it: a changed member is a 409.
  schema: z.object({ membershipId: uuid("member"), version: version.optional() }),
  handler: (input, { tx, ctx, team }) => transferOwnershipRow(tx, ctx, team, input),
  after: refresh,
});

export const leaveTeam = teamAction("team.leave", {
  permission: "team.leave",
  schema: z.object({}),
  handler: (_input, { tx, ctx }) => removeMemberRow(tx, ctx, { membershipId: ctx.membershipId! }, { self: true }),
  after() {
    redirect("/teams");
  },
});
