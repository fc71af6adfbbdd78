// Fixed-window counters in Postgres, so a limit holds across every app instance.
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimitBuckets } from "../schema";

/** Counts one hit against `key` and returns the window's count and when it resets (one atomic statement). */
export async function hitBucket(key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const db = await getDb();
  const window = sql`now() + make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, count: 1, resetAt: window })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.resetAt} <= now() then 1 else ${rateLimitBuckets.count} + 1 end`,
        resetAt: sql`case when ${rateLimitBuckets.resetAt} <= now() then ${window} else ${rateLimitBuckets.resetAt} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt });
  return row!;
}

/** The live window of `key` without counting a hit, or undefined when none is open. */
export async function peekBucket(key: string): Promise<{ count: number; resetAt: Date } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ count: rateLimitBuckets.count, resetAt: rateLimitBuckets.resetAt })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, key), gt(rateLimitBuckets.resetAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Drops expired windows; run from the job loop. */
export async function purgeExpiredBuckets(): Promise<void> {
  await (await getDb()).delete(rateLimitBuckets).where(sql`${rateLimitBuckets.resetAt} < now() - interval '1 hour'`);
}
