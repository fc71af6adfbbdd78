import { listUserTeams } from "@/db/queries/teams";
import { createTeam } from "@/lib/teams/create-team";

/** Someone who signs up without an invitation starts in a team of their own. */
export async function ensurePersonalTeam(user: { id: string; name: string | null; email: string }): Promise<string> {
  const teams = await listUserTeams(user.id);
  if (teams[0]) return teams[0].slug;
  const owner = user.name?.trim() || user.email.split("@")[0]!;
  const team = await createTeam(user.id, `${owner}'s team`);
  return team.slug;
}
