import { boolean, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy } from "./columns";
import { scorecards } from "./scorecards";
import { teams } from "./teams";
import { clock } from "@/lib/clock";

export const apiScopeEnum = pgEnum("api_scope", ["read", "write"]);

/**
 * Read-only links to one dashboard. The URL carries the team id and a random secret;
 * only the secret's hash is stored, and the lookup leads with team_id.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    ...tenantKeys(),
    scorecardId: uuid("scorecard_id").notNull(),
    /** The link also shows the scorecard's descendants (an organisation unit's subtree). */
    includeSubtree: boolean("include_subtree").notNull().default(false),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "share_links_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    uniqueIndex("share_links_team_token_key").on(t.teamId, t.tokenHash),
    tenantPolicy("share_links"),
  ],
);

/** Public API keys: shown once, stored hashed; the key string embeds its team id. */
export const apiKeys = pgTable(
  "api_keys",
  {
    ...tenantKeys(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: apiScopeEnum("scopes").array().notNull(),
    /** A key limited to one scorecard and its descendants; null = the whole team. */
    scorecardId: uuid("scorecard_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "api_keys_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    foreignKey({ name: "api_keys_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    uniqueIndex("api_keys_team_hash_key").on(t.teamId, t.keyHash),
    index("api_keys_team_created_idx").on(t.teamId, t.createdAt),
    tenantPolicy("api_keys"),
  ],
);
