import { sql } from "drizzle-orm";
import {
  bigint, boolean, check, pgPolicy, foreignKey, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { clock } from "@/lib/clock";

export const roleEnum = pgEnum("team_role", ["owner", "admin", "editor", "viewer", "contributor"]);
export const planEnum = pgEnum("plan", ["free", "team", "business"]);
export const subscriptionStatusEnum = pgEnum("subscription_status", [
  "none", "trialing", "active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "paused",
]);

/** The tenant. Its own id is the `team_id` of everything it owns. */
export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** IANA zone: "the current period" means the same thing to everyone in the team. */
    timeZone: text("time_zone").notNull().default("UTC"),
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    plan: planEnum("plan").notNull().default("free"),
    stripeCustomerId: text("stripe_customer_id"),
    stripeSubscriptionId: text("stripe_subscription_id"),
    subscriptionStatus: subscriptionStatusEnum("subscription_status").notNull().default("none"),
    paidSeats: integer("paid_seats").notNull().default(0),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    pastDueSince: timestamp("past_due_since", { withTimezone: true }),
    /** Members must have a second factor (an authenticator app) before they can use this team's pages and actions. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    version: versionColumn(),
    /**
     * Goes up when a transaction that changed the team's data commits (a deferred trigger on
     * activity: every accepted change logs there): what cached read models are checked against.
     */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("teams_slug_key").on(t.slug),
    uniqueIndex("teams_stripe_customer_key").on(t.stripeCustomerId),
    check("teams_fiscal_month_range", sql`${t.fiscalYearStartMonth} between 1 and 12`),
  ],
);
export type Team = typeof teams.$inferSelect;

export const memberships = pgTable(
  "memberships",
  {
    ...tenantKeys(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    /** The member's own choice: the daily e-mail digest of this team's notifications. */
    emailDigest: boolean("email_digest").notNull().default(true),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "memberships_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("memberships_team_user_key").on(t.teamId, t.userId),
    index("memberships_user_idx").on(t.userId),
    tenantPolicy("memberships"),
    // A person may read their own memberships across teams (the team switcher), nothing more.
    pgPolicy("memberships_own_rows", {
      as: "permissive",
      for: "select",
      using: sql`user_id = nullif(current_setting('app.user_id', true), '')::uuid`,
    }),
  ],
);
export type Membership = typeof memberships.$inferSelect;

export const invitations = pgTable(
  "invitations",
  {
    ...tenantKeys(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "invitations_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    // Invitation links carry the team id, so the lookup leads with team_id like every other index.
    uniqueIndex("invitations_team_token_key").on(t.teamId, t.tokenHash),
    index("invitations_team_email_idx").on(t.teamId, t.email),
    tenantPolicy("invitations"),
  ],
);
