import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, pgEnum, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { roleEnum, teams } from "./teams";
import { clock } from "@/lib/clock";

export const ssoProtocolEnum = pgEnum("sso_protocol", ["oidc", "saml"]);

/**
 * A team's own identity provider (single sign-on, lib/sso), OpenID Connect or SAML 2.0. One per
 * team. The OIDC client secret is sealed (lib/auth/secret-box.ts), never stored or shown in the
 * clear. Each protocol's fields are kept when the team switches to the other (switching back
 * restores them); the checks below make the chosen protocol's fields present.
 */
export const teamSsoConnections = pgTable(
  "team_sso_connections",
  {
    ...tenantKeys(),
    protocol: ssoProtocolEnum("protocol").notNull().default("oidc"),
    issuer: text("issuer"),
    clientId: text("client_id"),
    clientSecretSealed: text("client_secret_sealed"),
    /** SAML: the identity provider's entity ID (the Issuer of its responses). */
    samlIdpEntityId: text("saml_idp_entity_id"),
    /** SAML: where AuthnRequests go (HTTP-Redirect binding). */
    samlIdpSsoUrl: text("saml_idp_sso_url"),
    /** SAML: the X.509 certificate (PEM) whose key signs the identity provider's responses. */
    samlIdpCertificate: text("saml_idp_certificate"),
    /** SAML: the attribute holding the e-mail address when NameID is not one (null: the standard names). */
    samlEmailAttribute: text("saml_email_attribute"),
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
    check("team_sso_connections_oidc_fields", sql`${t.protocol} <> 'oidc' or (${t.issuer} is not null and ${t.clientId} is not null and ${t.clientSecretSealed} is not null)`),
    check("team_sso_connections_saml_fields", sql`${t.protocol} <> 'saml' or (${t.samlIdpEntityId} is not null and ${t.samlIdpSsoUrl} is not null and ${t.samlIdpCertificate} is not null)`),
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

/**
 * SAML AuthnRequests waiting for their answer. The identity provider's answer comes back as a
 * cross-site form POST, where the browser sends no SameSite=Lax cookie, so the flow rests on this
 * row instead: RelayState carries the team id and a random token whose hash is stored here, and
 * the row holds the request's ID that the answer's InResponseTo must name. Spent (deleted) by
 * the first answer that names it, so a response cannot be replayed.
 */
export const teamSamlRequests = pgTable(
  "team_saml_requests",
  {
    ...tenantKeys(),
    relayStateHash: text("relay_state_hash").notNull(),
    requestId: text("request_id").notNull(),
    callbackUrl: text("callback_url"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "team_saml_requests_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("team_saml_requests_relay_state_key").on(t.teamId, t.relayStateHash),
    index("team_saml_requests_expires_idx").on(t.teamId, t.expiresAt),
    tenantPolicy("team_saml_requests"),
  ],
);
export type TeamSamlRequest = typeof teamSamlRequests.$inferSelect;
