import { findPendingInvitation, markInvitationAccepted } from "@/db/queries/invitations";
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { findTeamById } from "@/db/queries/teams";
import { recordChange } from "@/db/queries/changes";
import { inTeam } from "@/db/tenant";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const INVITATION_DAYS = 7;

/** Invitation links are `/invite/<teamId>.<secret>`: the team id lets the lookup lead with team_id. */
export function newInvitationToken(teamId: string): { link: string; tokenHash: string } {
  const secret = newToken();
  return { link: `${env().APP_URL}/invite/${teamId}.${secret}`, tokenHash: hashToken(secret) };
}

// The team id's exact shape: anything else must be an unknown link, not a query the database refuses (a 500).
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,200})$/;

export function parseInvitationToken(token: string): { teamId: string; tokenHash: string } | null {
  const match = TOKEN.exec(token);
  return match ? { teamId: match[1]!, tokenHash: hashToken(match[2]!) } : null;
}

/** The invitation behind a link, if it is still pending (for the accept page). */
export async function describeInvitation(token: string) {
  const parsed = parseInvitationToken(token);
  if (!parsed) return null;
  const team = await findTeamById(parsed.teamId);
  if (!team) return null;
  const invitation = await inTeam(team.id, (tx) => findPendingInvitation(tx, { teamId: team.id }, parsed.tokenHash));
  return invitation ? { team, invitation } : null;
}

/**
 * Joins the invited team, once. The invitation is bound to an e-mail address and the person
 * accepting must have proven it: their account confirmed it, or (`addressProvedByLink`) the
 * account is being created from this very link, which was mailed to that address. A link
 * someone else got hold of does not let an unconfirmed account that merely claims the address in.
 */
export async function acceptInvitation(
  token: string,
  user: { id: string; email: string; emailVerified: Date | null },
  options: { addressProvedByLink?: boolean } = {},
): Promise<{ slug: string }> {
  const found = await describeInvitation(token);
  if (!found) throw new AppError("gone", "This invitation is no longer valid: it was used, revoked, or has expired.");
  const { team, invitation } = found;
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`);
  }
  if (!user.emailVerified && !options.addressProvedByLink) {
    throw new AppError("forbidden", `Confirm your e-mail address first: open the confirmation link we sent to ${invitation.email} (your account page sends a new one), then accept the invitation.`);
  }
  await inTeam(team.id, async (tx) => {
    const accepted = await markInvitationAccepted(tx, { teamId: team.id }, invitation.id);
    if (!accepted) throw new AppError("gone", "This invitation was already used.");
    const existing = await findMembershipByUser(tx, { teamId: team.id }, user.id);
    if (existing) return;
    const membership = await insertMembership(tx, { teamId: team.id }, user.id, accepted.role);
    await recordChange(tx, { teamId: team.id }, {
      actorId: user.id,
      entityType: "membership",
      entityId: membership!.id,
      action: "create",
      after: { role: accepted.role, via: "invitation" },
    });
  });
  return { slug: team.slug };
}
