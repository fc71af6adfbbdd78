// The alignment matrix's rows: which journey stages each objective serves. Every query
// filters by team_id.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { objectiveStages, stages, type Stage } from "../schema";

export async function findStage(tx: Tx, ctx: { teamId: string }, stageId: string): Promise<Stage | undefined> {
  const [row] = await tx.select().from(stages).where(and(eq(stages.teamId, ctx.teamId), eq(stages.id, stageId))).limit(1);
  return row;
}

/** Ids of the stages an objective serves, in journey order. */
export async function listObjectiveStageIds(tx: Tx, ctx: { teamId: string }, objectiveId: string): Promise<string[]> {
  const rows = await tx
    .select({ stageId: objectiveStages.stageId })
    .from(objectiveStages)
    .innerJoin(stages, and(eq(stages.teamId, objectiveStages.teamId), eq(stages.id, objectiveStages.stageId)))
    .where(and(eq(objectiveStages.teamId, ctx.teamId), eq(objectiveStages.objectiveId, objectiveId)))
    .orderBy(asc(stages.position));
  return rows.map((r) => r.stageId);
}

/** Adds the pair; false when it was already there. */
export async function insertObjectiveStage(tx: Tx, ctx: { teamId: string }, objectiveId: string, stageId: string): Promise<boolean> {
  const rows = await tx
    .insert(objectiveStages)
    .values({ teamId: ctx.teamId, objectiveId, stageId })
    .onConflictDoNothing()
    .returning({ stageId: objectiveStages.stageId });
  return rows.length > 0;
}

/** Removes the pair; false when it was not there. */
export async function deleteObjectiveStage(tx: Tx, ctx: { teamId: string }, objectiveId: string, stageId: string): Promise<boolean> {
  const rows = await tx
    .delete(objectiveStages)
    .where(and(eq(objectiveStages.teamId, ctx.teamId), eq(objectiveStages.objectiveId, objectiveId), eq(objectiveStages.stageId, stageId)))
    .returning({ stageId: objectiveStages.stageId });
  return rows.length > 0;
}
