// Objectives and the journey stages they serve, bound to one team.
import { and, asc, eq, inArray, max, notInArray } from "drizzle-orm";
import type { Tx } from "../client";
import { objectiveStages, objectives, stages, type Objective } from "../schema";

type Ctx = { teamId: string };

/** The next free position at the end of a perspective. */
export async function nextObjectivePosition(tx: Tx, ctx: Ctx, perspectiveId: string): Promise<number> {
  const [row] = await tx
    .select({ top: max(objectives.position) })
    .from(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), eq(objectives.perspectiveId, perspectiveId)));
  return row?.top === null || row?.top === undefined ? 0 : row.top + 1;
}

export async function insertObjective(
  tx: Tx,
  ctx: Ctx,
  values: Omit<typeof objectives.$inferInsert, "teamId" | "id" | "version" | "createdAt" | "updatedAt">,
): Promise<Objective> {
  const [row] = await tx.insert(objectives).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

/** Several objectives in one statement (a cascade's copies), returned in the order given. */
export async function insertObjectives(
  tx: Tx,
  ctx: Ctx,
  values: ReadonlyArray<Omit<typeof objectives.$inferInsert, "teamId" | "id" | "version" | "createdAt" | "updatedAt">>,
): Promise<Objective[]> {
  if (values.length === 0) return [];
  return tx.insert(objectives).values(values.map((v) => ({ ...v, teamId: ctx.teamId }))).returning();
}

export async function deleteObjectiveRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number) {
  return tx
    .delete(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), eq(objectives.id, id), eq(objectives.version, expectedVersion)))
    .returning({ id: objectives.id, title: objectives.title, scorecardId: objectives.scorecardId });
}

/** Ids of the stages an objective serves, in journey order. */
export async function listObjectiveStageIds(tx: Tx, ctx: Ctx, objectiveId: string): Promise<string[]> {
  const rows = await tx
    .select({ stageId: objectiveStages.stageId })
    .from(objectiveStages)
    .innerJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
    .where(and(eq(objectiveStages.teamId, ctx.teamId), eq(objectiveStages.objectiveId, objectiveId)))
    .orderBy(asc(stages.position));
  return rows.map((r) => r.stageId);
}

/** Makes the objective serve exactly `stageIds` (already checked to belong to its journey). */
export async function replaceObjectiveStages(tx: Tx, ctx: Ctx, objectiveId: string, stageIds: readonly string[]): Promise<void> {
  const scope = and(eq(objectiveStages.teamId, ctx.teamId), eq(objectiveStages.objectiveId, objectiveId));
  await tx.delete(objectiveStages).where(stageIds.length ? and(scope, notInArray(objectiveStages.stageId, [...stageIds])) : scope);
  if (stageIds.length) {
    await tx
      .insert(objectiveStages)
      .values(stageIds.map((stageId) => ({ teamId: ctx.teamId, objectiveId, stageId })))
      .onConflictDoNothing();
  }
}

/** Links many objectives to stages at once (the starter kit). */
export async function insertObjectiveStages(tx: Tx, ctx: Ctx, links: ReadonlyArray<{ objectiveId: string; stageId: string }>): Promise<void> {
  if (links.length === 0) return;
  await tx
    .insert(objectiveStages)
    .values(links.map((l) => ({ ...l, teamId: ctx.teamId })))
    .onConflictDoNothing();
}

/**
 * When a scorecard changes journey, its objectives stop serving the old journey's stages:
 * a link to a stage of another journey would be a gap nobody can see in the matrix.
 */
export async function unlinkStagesOutsideJourney(tx: Tx, ctx: Ctx, scorecardId: string, journeyId: string | null): Promise<number> {
  const objectiveIds = tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), eq(objectives.scorecardId, scorecardId)));
  const keep = tx
    .select({ id: stages.id })
    .from(stages)
    .where(and(eq(stages.teamId, ctx.teamId), eq(stages.journeyId, journeyId ?? "00000000-0000-0000-0000-000000000000")));
  const removed = await tx
    .delete(objectiveStages)
    .where(and(eq(objectiveStages.teamId, ctx.teamId), inArray(objectiveStages.objectiveId, objectiveIds), notInArray(objectiveStages.stageId, keep)))
    .returning({ objectiveId: objectiveStages.objectiveId });
  return removed.length;
}
