import { sql } from "drizzle-orm";
import { integer, pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";
import { clock } from "@/lib/clock";

/** Columns every tenant-owned row carries: the tenant, its own id, and audit times. */
export const tenantKeys = () => ({
  teamId: uuid("team_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
});

/** Optimistic-concurrency counter: writes are `... WHERE version = $expected`. */
export const versionColumn = () => integer("version").notNull().default(1);

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
});

/**
 * The second wall (DESIGN.md, Tenancy): a row is visible and writable only when its
 * team_id equals the transaction's `app.team_id`. An unset setting matches nothing.
 */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    using: sql`team_id = nullif(current_setting('app.team_id', true), '')::uuid`,
    withCheck: sql`team_id = nullif(current_setting('app.team_id', true), '')::uuid`,
  });
