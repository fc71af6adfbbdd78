// Teams: lookups by slug (teams are not tenant-owned rows: the team *is* the tenant) and the
// team-bound reads and writes of its settings.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { memberships, teams, type Membership, type Team } from "../schema";
import { asUser } from "../tenant";
import { clock } from "@/lib/clock";

export type Role = Membership["role"];

export async function isSlugTaken(slug: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).limit(1);
  return Boolean(row);
}

export async function findTeamById(id: string): Promise<Team | undefined> {
  const db = await getDb();
  const [team] = await db.select().from(teams).where(eq(teams.id, id)).limit(1);
  return team;
}

/** The team behind a URL slug together with the person's role in it, in one round trip; undefined if not a member. */
export async function findMemberTeam(userId: string, slug: string): Promise<{ team: Team; role: Role; membershipId: string } | undefined> {
  return asUser(userId, async (tx) => {
    const [row] = await tx
      .select({ team: teams, role: memberships.role, membershipId: memberships.id })
      .from(teams)
      .innerJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.userId, userId)))
      .where(eq(teams.slug, slug))
      .limit(1);
    return row;
  });
}

export type UserTeam = { id: string; name: string; slug: string; role: Role };

/**
 * findMemberTeam and listUserTeams in one statement, for team pages: every team the person
 * belongs to (the team switcher) and, among them, the one behind the URL slug.
 */
export async function findMemberTeamWithList(
  userId: string,
  slug: string,
): Promise<{ found: { team: Team; role: Role; membershipId: string } | undefined; teams: UserTeam[] }> {
  const rows = await asUser(userId, (tx) =>
    tx
      .select({ team: teams, role: memberships.role, membershipId: memberships.id })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(teams.name)),
  );
  const found = rows.find((r) => r.team.slug === slug);
  return { found, teams: rows.map((r) => ({ id: r.team.id, name: r.team.name, slug: r.team.slug, role: r.role })) };
}

/** Every team the person belongs to, for the team switcher. */
export async function listUserTeams(userId: string): Promise<Array<{ id: string; name: string; slug: string; role: Role }>> {
  return asUser(userId, (tx) =>
    tx
      .select({ id: teams.id, name: teams.name, slug: teams.slug, role: memberships.role })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(teams.name)),
  );
}

/** Creates a team and makes `ownerId` its owner, in one transaction. */
export async function createTeamWithOwner(values: { name: string; slug: string; ownerId: string; timeZone?: string }): Promise<Team> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name: values.name, slug: values.slug, timeZone: values.timeZone ?? "UTC" }).returning();
    await tx.execute(sql`select set_config('app.team_id', ${team!.id}, true), set_config('role', 'cairn_app', true)`);
    await tx.insert(memberships).values({ teamId: team!.id, userId: values.ownerId, role: "owner" });
    return team!;
  });
}

export async function updateTeamSettings(
  tx: Tx,
  ctx: { teamId: string },
  values: { name: string; slug: string; timeZone: string; fiscalYearStartMonth: number },
  expectedVersion: number,
): Promise<Team | undefined> {
  // teams has no team_id column: the tenant filter is its own id.
  const [team] = await tx
    .update(teams)
    .set({ ...values, version: sql`${teams.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(teams.id, ctx.teamId), eq(teams.version, expectedVersion)))
    .returning();
  return team;
}

/** Whether members need a second factor to use the team; bumps the team's version like any settings change. */
export async function setTeamRequireTwoFactor(tx: Tx, ctx: { teamId: string }, requireTwoFactor: boolean): Promise<void> {
  await tx
    .update(teams)
    .set({ requireTwoFactor, version: sql`${teams.version} + 1`, updatedAt: clock.now() })
    .where(eq(teams.id, ctx.teamId));
}

export async function getTeam(tx: Tx, ctx: { teamId: string }): Promise<Team> {
  const [team] = await tx.select().from(teams).where(eq(teams.id, ctx.teamId)).limit(1);
  return team!;
}

export async function deleteTeam(tx: Tx, ctx: { teamId: string }): Promise<void> {
  await tx.delete(teams).where(eq(teams.id, ctx.teamId));
}
