// Single-use e-mailed tokens (verify e-mail, reset password), stored as hashes.
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Queryable } from "../client";
import { verificationTokens } from "../schema";
import { clock } from "@/lib/clock";

type Purpose = "verify_email" | "reset_password";

export async function createVerificationToken(userId: string, purpose: Purpose, tokenHash: string, expiresAt: Date): Promise<void> {
  await (await getDb()).insert(verificationTokens).values({ userId, purpose, tokenHash, expiresAt });
}

/** Marks the token used and returns its user, atomically: a second use finds nothing. */
export async function consumeVerificationToken(purpose: Purpose, tokenHash: string, db?: Queryable): Promise<string | undefined> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(verificationTokens)
    .set({ usedAt: clock.now() })
    .where(
      and(
        eq(verificationTokens.tokenHash, tokenHash),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, clock.now()),
      ),
    )
    .returning({ userId: verificationTokens.userId });
  return row?.userId;
}

/** Spends every still-usable token of this kind of one person (a new password makes older reset links worthless). */
export async function spendUserTokens(userId: string, purpose: Purpose, db?: Queryable): Promise<number> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(verificationTokens)
    .set({ usedAt: clock.now() })
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, purpose), isNull(verificationTokens.usedAt)))
    .returning({ id: verificationTokens.id });
  return rows.length;
}

/** Whether a token is still usable, without using it (to show the reset form only for live links). */
export async function isVerificationTokenLive(purpose: Purpose, tokenHash: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: verificationTokens.id })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, tokenHash),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, clock.now()),
      ),
    )
    .limit(1);
  return Boolean(row);
}
