// People and their sign-in records. Global, not tenant data: no team context here.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Queryable } from "../client";
import { accounts, memberships, teams, users, type User } from "../schema";
import { asUser } from "../tenant";
import { instant } from "./instant";
import { clock } from "@/lib/clock";

const normal = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(email: string, db?: Queryable): Promise<User | undefined> {
  const database = db ?? (await getDb());
  const [user] = await database.select().from(users).where(eq(users.email, normal(email))).limit(1);
  return user;
}

export async function findUserById(id: string, db?: Queryable): Promise<User | undefined> {
  const database = db ?? (await getDb());
  const [user] = await database.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function createUser(
  values: { email: string; name: string | null; passwordHash?: string | null; emailVerified?: Date | null; image?: string | null },
  db?: Queryable,
): Promise<User> {
  const database = db ?? (await getDb());
  const [user] = await database
    .insert(users)
    .values({ ...values, email: normal(values.email) })
    .returning();
  return user!;
}

/** Renames a person. Their teams' read models show the name, so those teams' data version goes up with it. */
export async function updateUserName(id: string, name: string): Promise<void> {
  await asUser(id, async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, id));
    const theirTeams = tx.select({ id: memberships.teamId }).from(memberships).where(eq(memberships.userId, id));
    await tx.update(teams).set({ dataVersion: sql`${teams.dataVersion} + 1` }).where(inArray(teams.id, theirTeams));
  });
}

export async function setPasswordHash(id: string, passwordHash: string, db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(users).set({ passwordHash }).where(eq(users.id, id));
}

export async function markEmailVerified(id: string, db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(users).set({ emailVerified: sql`coalesce(${users.emailVerified}, ${instant(clock.now())})` }).where(eq(users.id, id));
}

export async function findUserByAccount(provider: string, providerAccountId: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row?.user;
}

export async function linkAccount(values: typeof accounts.$inferInsert): Promise<void> {
  await (await getDb()).insert(accounts).values(values).onConflictDoNothing();
}

/** The external providers linked to a person (for the account page). */
export async function listLinkedProviders(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId));
  return [...new Set(rows.map((r) => r.provider))].sort();
}

/**
 * Drops a password nobody proved: an unconfirmed account whose address a team's identity
 * provider now vouches for (lib/sso) may have been opened by someone else, who chose it.
 */
export async function clearPasswordHash(id: string, db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(users).set({ passwordHash: null }).where(eq(users.id, id));
}
