// Fixed-window counters in Postgres, so a limit holds across every app instance.
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { ambientTransaction, getDb, type Queryable } from "../client";
import { rateLimitBuckets } from "../schema";
import { instant } from "./instant";

/**
 * Counts one hit against `key` and returns the window's count and when it resets (one atomic
 * statement). On its own, the hit commits without waiting for the disk: every request of an
 * API key updates the same row, and holding its lock through a flush would queue them all
 * behind each other. A crash can lose the last few counts, never data.
 */
export async function hitBucket(key: string, windowSeconds: number, now: Date): Promise<{ count: number; resetAt: Date }> {
  const db = await getDb();
  // The app's clock decides the window (lib/clock.ts), not the database's now().
  const at = instant(now);
  const window = sql`${at} + make_interval(secs => ${windowSeconds})`;
  const upsert = (q: Queryable) =>
    q
      .insert(rateLimitBuckets)
      .values({ key, count: 1, resetAt: window })
      .onConflictDoUpdate({
        target: rateLimitBuckets.key,
        set: {
          count: sql`case when ${rateLimitBuckets.resetAt} <= ${at} then 1 else ${rateLimitBuckets.count} + 1 end`,
          resetAt: sql`case when ${rateLimitBuckets.resetAt} <= ${at} then ${window} else ${rateLimitBuckets.resetAt} end`,
        },
      })
      .returning({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt });
  if (ambientTransaction()) return (await upsert(db))[0]!;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return (await upsert(tx))[0]!;
  });
}

/** Takes one hit back from the live window of `key` (never below zero); nothing when no window is open. */
export async function refundBucket(key: string, now: Date): Promise<void> {
  const db = await getDb();
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), gt(rateLimitBuckets.resetAt, now)));
}

/** The live window of `key` without counting a hit, or undefined when none is open. */
export async function peekBucket(key: string, now: Date): Promise<{ count: number; resetAt: Date } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, key), gt(rateLimitBuckets.resetAt, now)))
    .limit(1);
  return row;
}

/** Drops expired windows; run from the job loop. */
export async function purgeExpiredBuckets(now: Date): Promise<void> {
  await (await getDb()).delete(rateLimitBuckets).where(lt(rateLimitBuckets.resetAt, new Date(now.getTime() - 3_600_000)));
}
