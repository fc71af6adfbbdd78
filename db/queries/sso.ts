// Single sign-on of one team: its identity-provider connection and its e-mail domains (team
// bound), the one cross-team lookup "which team verified this domain", and the tickets that
// carry a finished sign-on to Auth.js (global, like sign-in challenges).
import { and, asc, eq, gt, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { ssoTickets, teamDomains, teamSamlRequests, teamSsoConnections, type TeamDomain, type TeamSamlRequest, type TeamSsoConnection } from "../schema";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };

export async function getSsoConnection(tx: Tx, ctx: Ctx): Promise<TeamSsoConnection | undefined> {
  const [row] = await tx.select().from(teamSsoConnections).where(eq(teamSsoConnections.teamId, ctx.teamId)).limit(1);
  return row;
}

/** The shared settings, the protocol, and that protocol's fields (the other protocol's stay as they are). */
export type SsoConnectionValues = Pick<TeamSsoConnection, "protocol" | "enabled" | "requireSso" | "jitEnabled" | "jitRole"> &
  Partial<Pick<TeamSsoConnection, "issuer" | "clientId" | "clientSecretSealed" | "samlIdpEntityId" | "samlIdpSsoUrl" | "samlIdpCertificate" | "samlEmailAttribute">>;

/**
 * Creates the team's connection (`expectedVersion` null: there must be none yet) or updates it
 * conditionally on the version the admin saw. Undefined when someone else saved in between.
 */
export async function saveSsoConnection(tx: Tx, ctx: Ctx, values: SsoConnectionValues, expectedVersion: number | null): Promise<TeamSsoConnection | undefined> {
  if (expectedVersion === null) {
    const [row] = await tx
      .insert(teamSsoConnections)
      .values({ ...values, teamId: ctx.teamId })
      .onConflictDoNothing({ target: teamSsoConnections.teamId })
      .returning();
    return row;
  }
  const [row] = await tx
    .update(teamSsoConnections)
    .set({ ...values, version: sql`${teamSsoConnections.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(teamSsoConnections.teamId, ctx.teamId), eq(teamSsoConnections.version, expectedVersion)))
    .returning();
  return row;
}

export async function listTeamDomains(tx: Tx, ctx: Ctx): Promise<TeamDomain[]> {
  return tx.select().from(teamDomains).where(eq(teamDomains.teamId, ctx.teamId)).orderBy(asc(teamDomains.domain));
}

export async function getTeamDomain(tx: Tx, ctx: Ctx, id: string): Promise<TeamDomain | undefined> {
  const [row] = await tx
    .select()
    .from(teamDomains)
    .where(and(eq(teamDomains.teamId, ctx.teamId), eq(teamDomains.id, id)))
    .limit(1);
  return row;
}

/** Adds a domain to verify; undefined when the team has it already. */
export async function insertTeamDomain(tx: Tx, ctx: Ctx, values: { domain: string; verificationToken: string }): Promise<TeamDomain | undefined> {
  const [row] = await tx
    .insert(teamDomains)
    .values({ ...values, teamId: ctx.teamId })
    .onConflictDoNothing({ target: [teamDomains.teamId, teamDomains.domain] })
    .returning();
  return row;
}

/** Marks the domain verified. A unique violation (23505) means another team verified it first. */
export async function markTeamDomainVerified(tx: Tx, ctx: Ctx, id: string, now: Date = clock.now()): Promise<TeamDomain | undefined> {
  const [row] = await tx
    .update(teamDomains)
    .set({ verifiedAt: now })
    .where(and(eq(teamDomains.teamId, ctx.teamId), eq(teamDomains.id, id)))
    .returning();
  return row;
}

export async function deleteTeamDomain(tx: Tx, ctx: Ctx, id: string): Promise<TeamDomain | undefined> {
  const [row] = await tx
    .delete(teamDomains)
    .where(and(eq(teamDomains.teamId, ctx.teamId), eq(teamDomains.id, id)))
    .returning();
  return row;
}

/**
 * The team that verified `domain`, if any: the one lookup made before any team is known (an
 * e-mail address at sign-in). It runs as the app role with only `app.sso_domain` set, so row
 * security lets it see that domain's verified row and nothing else (db/schema/sso.ts).
 */
export async function findTeamIdByVerifiedDomain(domain: string): Promise<string | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.sso_domain', ${domain}, true), set_config('role', 'cairn_app', true)`);
    const [row] = await tx
      .select({ teamId: teamDomains.teamId })
      .from(teamDomains)
      .where(and(eq(teamDomains.domain, domain), isNotNull(teamDomains.verifiedAt)))
      .limit(1);
    return row?.teamId;
  });
}

export async function createSsoTicket(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await (await getDb()).insert(ssoTickets).values({ userId, tokenHash, expiresAt });
}

/** Spends a live ticket and returns its user: only the first caller gets it (one ticket, one session). */
export async function spendSsoTicket(tokenHash: string): Promise<string | undefined> {
  const db = await getDb();
  const [row] = await db
    .delete(ssoTickets)
    .where(and(eq(ssoTickets.tokenHash, tokenHash), gt(ssoTickets.expiresAt, clock.now())))
    .returning({ userId: ssoTickets.userId });
  return row?.userId;
}

export async function purgeExpiredSsoTickets(now: Date): Promise<void> {
  await (await getDb()).delete(ssoTickets).where(lt(ssoTickets.expiresAt, now));
}

/** Records a SAML AuthnRequest awaiting its answer, and clears the team's requests that expired unanswered. */
export async function insertSamlRequest(tx: Tx, ctx: Ctx, values: Pick<TeamSamlRequest, "relayStateHash" | "requestId" | "callbackUrl" | "expiresAt">): Promise<void> {
  await tx.delete(teamSamlRequests).where(and(eq(teamSamlRequests.teamId, ctx.teamId), lt(teamSamlRequests.expiresAt, clock.now())));
  await tx.insert(teamSamlRequests).values({ ...values, teamId: ctx.teamId });
}

/** Spends the live request this RelayState names: only the first answer gets it (no replay). */
export async function spendSamlRequest(tx: Tx, ctx: Ctx, relayStateHash: string): Promise<TeamSamlRequest | undefined> {
  const [row] = await tx
    .delete(teamSamlRequests)
    .where(and(eq(teamSamlRequests.teamId, ctx.teamId), eq(teamSamlRequests.relayStateHash, relayStateHash), gt(teamSamlRequests.expiresAt, clock.now())))
    .returning();
  return row;
}
