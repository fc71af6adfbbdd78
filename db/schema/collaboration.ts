import { bigint, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, versionColumn } from "./columns";
import { teams } from "./teams";
import { clock } from "@/lib/clock";

export const entityTypeEnum = pgEnum("entity_type", [
  "team", "membership", "invitation", "journey", "stage", "touchpoint", "stage_note", "scorecard", "perspective",
  "objective", "objective_link", "kpi", "measurement", "initiative", "comment", "share_link", "api_key",
]);
export const notificationKindEnum = pgEnum("notification_kind", ["mention", "assignment", "kpi_due"]);

/** Comment threads hang off objectives, KPIs, initiatives and stages. */
export const comments = pgTable(
  "comments",
  {
    ...tenantKeys(),
    entityType: entityTypeEnum("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    mentions: uuid("mentions").array().notNull().default([]),
    version: versionColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "comments_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("comments_team_entity_idx").on(t.teamId, t.entityType, t.entityId, t.createdAt),
    tenantPolicy("comments"),
  ],
);

/** Append-only record of every accepted change: who, what, before → after, and why. */
export const activity = pgTable(
  "activity",
  {
    ...tenantKeys(),
    /** Monotonic per database: orders the feed and serves as the live stream's event id. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    entityType: entityTypeEnum("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    action: text("action", { enum: ["create", "update", "delete", "archive", "restore", "move", "purge"] }).notNull(),
    field: text("field"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "activity_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("activity_team_seq_idx").on(t.teamId, t.seq),
    index("activity_team_entity_idx").on(t.teamId, t.entityType, t.entityId, t.seq),
    tenantPolicy("activity"),
  ],
);
export type Activity = typeof activity.$inferSelect;

export const notifications = pgTable(
  "notifications",
  {
    ...tenantKeys(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    entityType: entityTypeEnum("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    payload: jsonb("payload").notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When the daily digest mailed it: set in the claiming transaction, so it is mailed at most once. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "notifications_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("notifications_team_user_idx").on(t.teamId, t.userId, t.readAt, t.createdAt),
    tenantPolicy("notifications"),
  ],
);

/**
 * The team's recycle bin: one row per delete operation (its id is the deletion id), holding a
 * snapshot of the deleted item and of every row that cascaded from it, column by column as the
 * database stored them. The live tables keep only live rows, so no existing read has to learn
 * to skip deleted ones; restoring writes the rows back with their own ids, so history keyed by
 * id (activity, comments, notifications) reattaches by itself.
 */
export const recycleBinItems = pgTable(
  "recycle_bin_items",
  {
    ...tenantKeys(),
    entityType: entityTypeEnum("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The name or title when it was deleted. */
    label: text("label").notNull(),
    /** The scorecard an objective, KPI or initiative belonged to (its page, its live channel). */
    parentId: uuid("parent_id"),
    /** Rows that cascaded with it, by kind: { kpis: 2, measurements: 14, ... }. */
    contents: jsonb("contents").$type<Record<string, number>>().notNull().default({}),
    /** Table name → rows as `to_jsonb` gave them, restored in dependency order. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown[]>>().notNull(),
    /** What the delete changed outside the snapshot (e.g. scorecards detached from a journey). */
    detached: jsonb("detached").$type<{ scorecardIds?: string[] }>().notNull().default({}),
    deletedBy: uuid("deleted_by").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
    /** When the hourly housekeeping removes it for good. */
    purgeAfter: timestamp("purge_after", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "recycle_bin_items_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("recycle_bin_items_team_deleted_idx").on(t.teamId, t.deletedAt),
    index("recycle_bin_items_team_purge_idx").on(t.teamId, t.purgeAfter),
    index("recycle_bin_items_team_entity_idx").on(t.teamId, t.entityId),
    tenantPolicy("recycle_bin_items"),
  ],
);
export type RecycleBinItem = typeof recycleBinItems.$inferSelect;
