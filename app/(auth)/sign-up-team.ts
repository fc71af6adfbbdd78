// Which team a new account lands in right after sign-up.
import { ensurePersonalTeam } from "@/lib/auth/personal-team";
import { AppError } from "@/lib/errors";
import { acceptInvitation, describeInvitation } from "@/lib/teams/invitations";

/**
 * The invited team when the invitation was sent to this very address, else a team of their
 * own. An invitation for another address (a forwarded link) is ignored here, not an error:
 * the account exists by now and must land somewhere.
 */
export async function teamAfterSignUp(user: { id: string; email: string; name: string | null }, invite: string | undefined): Promise<string> {
  if (invite) {
    const found = await describeInvitation(invite);
    if (found && found.invitation.email === user.email.toLowerCase()) {
      try {
        return (await acceptInvitation(invite, user)).slug;
      } catch (error) {
        // Used or revoked between the two reads: fall through to a team of their own.
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  return ensurePersonalTeam(user);
}
