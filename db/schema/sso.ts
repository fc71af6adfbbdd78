import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { roleEnum, teams } from "./teams";
import { clock } from "@/lib/clock";

/**
 * A team's own OpenID Connect identity provider (single sign-on, lib/sso). One per team. The
 * client secret is sealed (lib/auth/secret-box.ts), never stored or shown in the clear.
 */
export const teamSsoConnections = pgTable(
  "team_sso_connections",
  {
    ...tenantKeys(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretSealed: text("client_secret_sealed").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    /** Addresses at the team's verified domains must sign in through this provider: their password sign-in is refused. */
    requireSso: boolean("require_sso").notNull().default(false),
    /** Someone at a verified domain who signs in through this provider joins the team with `jitRole` (just in time). */
    jitEnabled: boolean("jit_enabled").notNull().default(false),
    jitRole: roleEnum("jit_role").notNull().default("viewer"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "team_sso_connections_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("team_sso_connections_team_key").on(t.teamId),
    tenantPolicy("team_sso_connections"),
  ],
);
export type TeamSsoConnection = typeof teamSsoConnections.$inferSelect;

/**
 * E-mail domains a team claims, proven by a DNS TXT record holding `verificationToken`. A
 * domain is verified by at most one team (the partial unique index below, which cannot lead
 * with team_id: it spans teams by design). Signing in by e-mail finds the team through its
 * verified domain before any team is known, so a second policy lets a transaction that names
 * one domain (`app.sso_domain`) read that domain's verified row, and nothing else.
 */
export const teamDomains = pgTable(
  "team_domains",
  {
    ...tenantKeys(),
    domain: text("domain").notNull(),
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "team_domains_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("team_domains_team_domain_key").on(t.teamId, t.domain),
    uniqueIndex("team_domains_verified_domain_key").on(t.domain).where(sql`verified_at is not null`),
    tenantPolicy("team_domains"),
    pgPolicy("team_domains_verified_lookup", {
      as: "permissive",
      for: "select",
      using: sql`verified_at is not null and domain = nullif(current_setting('app.sso_domain', true), '')`,
    }),
  ],
);
export type TeamDomain = typeof teamDomains.$inferSelect;

/**
 * The bridge from a finished single sign-on to an Auth.js session: the callback route stores
 * a ticket's hash and hands the ticket to the Credentials provider in the same request, which
 * spends it. Global like sign_in_challenges; it lives two minutes and opens one session.
 */
export const ssoTickets = pgTable(
  "sso_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [uniqueIndex("sso_tickets_token_hash_key").on(t.tokenHash), index("sso_tickets_user_idx").on(t.userId)],
);
