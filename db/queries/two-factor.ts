// Second factors and pending second-factor sign-ins. Global (per person), not tenant data.
import { and, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Queryable } from "../client";
import { recoveryCodes, signInChallenges, totpFactors, type TotpFactor } from "../schema";
import { clock } from "@/lib/clock";

export async function findTotpFactor(userId: string, db?: Queryable): Promise<TotpFactor | undefined> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(totpFactors).where(eq(totpFactors.userId, userId)).limit(1);
  return row;
}

/** Starts (or restarts) an enrolment with a new secret; a confirmed factor is never replaced here. */
export async function saveUnconfirmedTotp(userId: string, secretEncrypted: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .insert(totpFactors)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretEncrypted, lastUsedStep: 0, createdAt: clock.now() },
      setWhere: isNull(totpFactors.confirmedAt),
    })
    .returning({ userId: totpFactors.userId });
  return rows.length === 1;
}

/**
 * Accepts time step `step` for this person's factor, atomically: only a step after the last
 * accepted one passes, so a code (or any code of an earlier step) works once. `confirming`
 * selects the unconfirmed factor of an enrolment, and confirms it.
 */
export async function acceptTotpStep(userId: string, step: number, options: { confirming: boolean }, db?: Queryable): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(totpFactors)
    .set(options.confirming ? { lastUsedStep: step, confirmedAt: clock.now() } : { lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        lt(totpFactors.lastUsedStep, step),
        options.confirming ? isNull(totpFactors.confirmedAt) : isNotNull(totpFactors.confirmedAt),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return rows.length === 1;
}

export async function deleteTwoFactor(userId: string, db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await database.delete(totpFactors).where(eq(totpFactors.userId, userId));
  await database.delete(signInChallenges).where(eq(signInChallenges.userId, userId));
}

/** Replaces every recovery code of a person (the old ones stop working). */
export async function replaceRecoveryCodes(userId: string, codeHashes: string[], db?: Queryable): Promise<void> {
  const database = db ?? (await getDb());
  await database.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length) await database.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends one unused recovery code, atomically: a second use (even in parallel) finds nothing. */
export async function consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: clock.now() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function createSignInChallenge(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await (await getDb()).insert(signInChallenges).values({ userId, tokenHash, expiresAt });
}

/**
 * Counts one attempt on a live challenge and returns its user, atomically (parallel attempts
 * each count): nothing once it expired or spent its `maxAttempts`.
 */
export async function countChallengeAttempt(tokenHash: string, maxAttempts: number): Promise<{ id: string; userId: string } | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(and(eq(signInChallenges.tokenHash, tokenHash), gt(signInChallenges.expiresAt, clock.now()), lt(signInChallenges.attempts, maxAttempts)))
    .returning({ id: signInChallenges.id, userId: signInChallenges.userId });
  return row;
}

/** Spends a challenge; true for the one caller that did (a challenge opens at most one session). */
export async function deleteSignInChallenge(id: string): Promise<boolean> {
  const rows = await (await getDb()).delete(signInChallenges).where(eq(signInChallenges.id, id)).returning({ id: signInChallenges.id });
  return rows.length === 1;
}

export async function purgeExpiredSignInChallenges(now: Date): Promise<void> {
  await (await getDb()).delete(signInChallenges).where(lt(signInChallenges.expiresAt, now));
}
