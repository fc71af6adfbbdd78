// Passkeys (WebAuthn credentials) and their pending registrations. Global (per person), not
// tenant data: every function takes the person's id and puts it in its WHERE.
import { and, asc, count, eq, gt, isNotNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "../client";
import { passkeyRegistrations, passkeys, signInChallenges, type Passkey } from "../schema";
import { clock } from "@/lib/clock";

export type NewPasskey = Pick<Passkey, "userId" | "credentialId" | "publicKey" | "counter" | "transports" | "deviceType" | "backedUp" | "name">;

export async function listPasskeys(userId: string, db?: Queryable): Promise<Passkey[]> {
  const database = db ?? (await getDb());
  return database.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function countPasskeys(userId: string, db?: Queryable): Promise<number> {
  const database = db ?? (await getDb());
  const [row] = await database.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

export async function findPasskeyByCredentialId(userId: string, credentialId: string): Promise<Passkey | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, credentialId)))
    .limit(1);
  return row;
}

/** Stores a verified credential; false when that credential is registered already (to anyone). */
export async function insertPasskey(values: NewPasskey, db?: Queryable): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database.insert(passkeys).values(values).onConflictDoNothing({ target: passkeys.credentialId }).returning({ id: passkeys.id });
  return rows.length === 1;
}

/**
 * Records a use of the passkey at signature counter `counter`, atomically: only a counter past
 * the stored one passes (or 0 again, for authenticators that keep no counter), so two sign-ins
 * in parallel with one assertion cannot both pass.
 */
export async function recordPasskeyUse(userId: string, id: string, previousCounter: number, counter: number): Promise<boolean> {
  const rows = await (await getDb())
    .update(passkeys)
    .set({ counter, lastUsedAt: clock.now() })
    .where(
      and(
        eq(passkeys.userId, userId),
        eq(passkeys.id, id),
        eq(passkeys.counter, previousCounter),
        or(gt(sql`${counter}::bigint`, passkeys.counter), and(eq(passkeys.counter, 0), eq(sql`${counter}::bigint`, 0))),
      ),
    )
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function renamePasskey(userId: string, id: string, name: string): Promise<boolean> {
  const rows = await (await getDb())
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function deletePasskey(userId: string, id: string, db?: Queryable): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

/** Starts (or restarts) adding a passkey: the challenge to sign and the name it will get. */
export async function savePasskeyRegistration(userId: string, challenge: string, name: string, expiresAt: Date): Promise<void> {
  await (await getDb())
    .insert(passkeyRegistrations)
    .values({ userId, challenge, name, expiresAt })
    .onConflictDoUpdate({ target: passkeyRegistrations.userId, set: { challenge, name, expiresAt, createdAt: clock.now() } });
}

/** Takes the pending registration, once: the row is gone whatever the answer turns out to be. Nothing once expired. */
export async function takePasskeyRegistration(userId: string, db?: Queryable): Promise<{ challenge: string; name: string } | undefined> {
  const database = db ?? (await getDb());
  const [row] = await database
    .delete(passkeyRegistrations)
    .where(eq(passkeyRegistrations.userId, userId))
    .returning({ challenge: passkeyRegistrations.challenge, name: passkeyRegistrations.name, expiresAt: passkeyRegistrations.expiresAt });
  if (!row || row.expiresAt.getTime() <= clock.nowMs()) return undefined;
  return { challenge: row.challenge, name: row.name };
}

export async function purgeExpiredPasskeyRegistrations(now: Date): Promise<void> {
  await (await getDb()).delete(passkeyRegistrations).where(lt(passkeyRegistrations.expiresAt, now));
}

/** The person a live pending sign-in belongs to, without counting an attempt (the page asks which factors to offer). */
export async function findLiveSignInChallenge(tokenHash: string): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await (await getDb())
    .select({ id: signInChallenges.id, userId: signInChallenges.userId })
    .from(signInChallenges)
    .where(and(eq(signInChallenges.tokenHash, tokenHash), gt(signInChallenges.expiresAt, clock.now())))
    .limit(1);
  return row;
}

/** Keeps the WebAuthn challenge a "Use a passkey" asked the browser to sign (a new one replaces the last). */
export async function setSignInWebAuthnChallenge(id: string, challenge: string): Promise<boolean> {
  const rows = await (await getDb())
    .update(signInChallenges)
    .set({ webauthnChallenge: challenge })
    .where(and(eq(signInChallenges.id, id), gt(signInChallenges.expiresAt, clock.now())))
    .returning({ id: signInChallenges.id });
  return rows.length === 1;
}

/**
 * Takes the pending sign-in's WebAuthn challenge, once: the first answer that reads it clears it
 * (under a row lock, so parallel answers cannot both read it), whether it then verifies or not.
 */
export async function takeSignInWebAuthnChallenge(id: string): Promise<string | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ challenge: signInChallenges.webauthnChallenge })
      .from(signInChallenges)
      .where(and(eq(signInChallenges.id, id), isNotNull(signInChallenges.webauthnChallenge)))
      .for("update");
    if (!row?.challenge) return undefined;
    await tx.update(signInChallenges).set({ webauthnChallenge: null }).where(eq(signInChallenges.id, id));
    return row.challenge;
  });
}
