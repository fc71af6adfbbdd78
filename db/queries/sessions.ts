// Server-side sessions. The cookie carries a random token; only its hash is stored, so
// deleting a row ends that session on the very next request.
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { getDb, type Queryable } from "../client";
import { passkeys, sessions, totpFactors, users } from "../schema";
import { clock } from "@/lib/clock";

export async function createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await (await getDb()).insert(sessions).values({ userId, tokenHash, expiresAt });
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  emailVerified: Date | null;
  /** Whether the person has a second factor (a confirmed authenticator app, or a passkey). Absent (a user built elsewhere) counts as no. */
  twoFactorEnabled?: boolean;
  /** When this session was opened, i.e. the sign-in: removing a factor needs a recent one. Absent counts as long ago. */
  signedInAt?: Date;
}

export async function findSessionUser(tokenHash: string): Promise<SessionUser | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      image: users.image,
      emailVerified: users.emailVerified,
      totpConfirmedAt: totpFactors.confirmedAt,
      hasPasskey: sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${sessions.userId})`,
      signedInAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpFactors, eq(totpFactors.userId, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now())))
    .limit(1);
  if (!row) return undefined;
  const { totpConfirmedAt, hasPasskey, ...user } = row;
  return { ...user, twoFactorEnabled: totpConfirmedAt !== null || hasPasskey === true };
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await (await getDb()).delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally keeping the one making the request. */
export async function deleteUserSessions(userId: string, keepTokenHash?: string, db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .delete(sessions)
    .where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}
