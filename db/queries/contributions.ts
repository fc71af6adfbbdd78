// Cascade contributions: which objective of a unit contributes to which objective of a scorecard
// above it. The ancestor rule is checked in lib/scorecards/contributions.ts; these only read and write.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { objectiveContributions, objectives } from "../schema";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };

export interface ContributionRow {
  objectiveId: string;
  parentObjectiveId: string;
}

/** Every contribution whose contributor or target is one of `objectiveIds` (one query). */
export async function listContributionsTouching(tx: Tx, ctx: Ctx, objectiveIds: readonly string[]): Promise<ContributionRow[]> {
  if (objectiveIds.length === 0) return [];
  const ids = [...objectiveIds];
  return tx
    .select({ objectiveId: objectiveContributions.objectiveId, parentObjectiveId: objectiveContributions.parentObjectiveId })
    .from(objectiveContributions)
    .where(
      and(
        eq(objectiveContributions.teamId, ctx.teamId),
        sql`(${inArray(objectiveContributions.objectiveId, ids)} or ${inArray(objectiveContributions.parentObjectiveId, ids)})`,
      ),
    );
}

/** The contributions of objectives of the given scorecards, with the target's scorecard (one query). */
export async function listContributionsOfScorecards(tx: Tx, ctx: Ctx, scorecardIds: readonly string[]) {
  if (scorecardIds.length === 0) return [];
  return tx
    .select({
      objectiveId: objectiveContributions.objectiveId,
      parentObjectiveId: objectiveContributions.parentObjectiveId,
      scorecardId: objectives.scorecardId,
      parentScorecardId: sql<string>`(select p.scorecard_id from objectives p where p.team_id = ${objectiveContributions.teamId} and p.id = ${objectiveContributions.parentObjectiveId})`,
    })
    .from(objectiveContributions)
    .innerJoin(objectives, and(eq(objectives.teamId, objectiveContributions.teamId), eq(objectives.id, objectiveContributions.objectiveId)))
    .where(and(eq(objectiveContributions.teamId, ctx.teamId), inArray(objectives.scorecardId, [...scorecardIds])));
}

/** The objectives named, with their scorecard (for checking a contribution's target). */
export async function findObjectivesWithScorecard(tx: Tx, ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: objectives.id, title: objectives.title, scorecardId: objectives.scorecardId })
    .from(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.id, [...ids])));
}

export async function insertContributions(tx: Tx, ctx: Ctx, rows: readonly ContributionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(objectiveContributions)
    .values(rows.map((r) => ({ ...r, teamId: ctx.teamId })))
    .onConflictDoNothing();
}

export async function deleteContributions(tx: Tx, ctx: Ctx, rows: readonly ContributionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const pairs = sql.join(rows.map((r) => sql`(${r.objectiveId}::uuid, ${r.parentObjectiveId}::uuid)`), sql`, `);
  const deleted = await tx
    .delete(objectiveContributions)
    .where(and(eq(objectiveContributions.teamId, ctx.teamId), sql`(${objectiveContributions.objectiveId}, ${objectiveContributions.parentObjectiveId}) in (${pairs})`))
    .returning({ objectiveId: objectiveContributions.objectiveId });
  return deleted.length;
}

/** A contribution changed an objective's representation (`contributesTo`): its version moves on. */
export async function bumpObjectiveVersions(tx: Tx, ctx: Ctx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(objectives)
    .set({ version: sql`${objectives.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.id, [...ids])));
}
