import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { findMemberTeamWithList, type UserTeam } from "@/db/queries/teams";
import type { Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { getCurrentUser, type SessionUser } from "./current-user";
import { can, type Permission } from "./permissions";
import { TwoFactorRequiredError } from "./two-factor";

export type { TeamContext };

export interface TeamSession {
  user: SessionUser;
  ctx: TeamContext;
  team: Team;
  /** Every team the person belongs to (the team switcher), read in the same statement. */
  teams: UserTeam[];
}

/**
 * Session + URL slug → TeamContext. Another team's slug and an unknown slug are the same
 * not-found, so a URL never reveals that a team exists.
 */
export async function resolveTeamSession(user: SessionUser | null, slug: string, permission?: Permission): Promise<TeamSession> {
  if (!user) throw new AppError("unauthenticated", "Please sign in.");
  const { found, teams } = await findMemberTeamWithList(user.id, slug);
  if (!found) throw new AppError("not_found", "This team was not found.");
  // A team that requires two-factor sign-in opens to members who have it (API keys never come this way).
  if (found.team.requireTwoFactor && !user.twoFactorEnabled) throw new TwoFactorRequiredError(found.team.name);
  const ctx: TeamContext = { teamId: found.team.id, teamSlug: found.team.slug, userId: user.id, membershipId: found.membershipId, role: found.role, via: "session" };
  if (permission && !can(ctx.role, permission)) throw new AppError("forbidden", "Your role does not allow this.");
  return { user, ctx, team: found.team, teams };
}

/** For pages and layouts: redirects to sign-in, or renders the 404 page, instead of throwing. Once per request. */
export const requireTeamPage = cache(async (slug: string): Promise<TeamSession> => {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}`)}`);
  try {
    return await resolveTeamSession(user, slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof TwoFactorRequiredError) redirect(`/account?requiredBy=${encodeURIComponent(error.teamName)}#two-factor`);
    throw error;
  }
});

/** For pages that need more than membership (settings, billing): a lower role sees the 403 page. */
export async function requireTeamPermission(slug: string, permission: Permission): Promise<TeamSession> {
  const session = await requireTeamPage(slug);
  if (!can(session.ctx.role, permission)) redirect(`/t/${slug}/forbidden`);
  return session;
}

/** For signed-in pages outside a team. */
export async function requireUser(callbackUrl = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}
