import { sql } from "drizzle-orm";

/**
 * An instant of the app's clock as a SQL timestamptz, for raw SQL that would otherwise call the
 * database's now(): the two clocks must never disagree about what is due or expired.
 */
export function instant(at: Date) {
  return sql`${at.toISOString()}::timestamptz`;
}
