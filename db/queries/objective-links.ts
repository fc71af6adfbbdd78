// Strategy-map links (cause → effect between two objectives of one scorecard). Every query
// filters by team_id; adding a link locks the scorecard row so two concurrent additions
// cannot close a cycle between them.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { objectiveLinks, objectives, scorecards, type Scorecard } from "../schema";

export type ObjectiveLink = typeof objectiveLinks.$inferSelect;

/** The scorecard, locked until the transaction ends (serializes link changes per scorecard). */
export async function lockScorecard(tx: Tx, ctx: { teamId: string }, scorecardId: string): Promise<Scorecard | undefined> {
  const [row] = await tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.id, scorecardId)))
    .limit(1)
    .for("update");
  return row;
}

export async function listObjectiveLinks(tx: Tx, ctx: { teamId: string }, scorecardId: string): Promise<ObjectiveLink[]> {
  return tx
    .select()
    .from(objectiveLinks)
    .where(and(eq(objectiveLinks.teamId, ctx.teamId), eq(objectiveLinks.scorecardId, scorecardId)))
    .orderBy(asc(objectiveLinks.createdAt), asc(objectiveLinks.id));
}

/** Objectives of the team by id (any scorecard), with what a link needs to know about them. */
export async function findObjectives(tx: Tx, ctx: { teamId: string }, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; title: string; scorecardId: string }>();
  const rows = await tx
    .select({ id: objectives.id, title: objectives.title, scorecardId: objectives.scorecardId })
    .from(objectives)
    .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Inserts a link; undefined when the pair is already linked. */
export async function insertObjectiveLink(
  tx: Tx,
  ctx: { teamId: string },
  values: { scorecardId: string; causeId: string; effectId: string },
): Promise<ObjectiveLink | undefined> {
  const [row] = await tx
    .insert(objectiveLinks)
    .values({ ...values, teamId: ctx.teamId })
    .onConflictDoNothing({ target: [objectiveLinks.teamId, objectiveLinks.causeId, objectiveLinks.effectId] })
    .returning();
  return row;
}

/** Deletes one link of the scorecard; undefined when there is none with this id. */
export async function deleteObjectiveLink(tx: Tx, ctx: { teamId: string }, scorecardId: string, linkId: string): Promise<ObjectiveLink | undefined> {
  const [row] = await tx
    .delete(objectiveLinks)
    .where(and(eq(objectiveLinks.teamId, ctx.teamId), eq(objectiveLinks.scorecardId, scorecardId), eq(objectiveLinks.id, linkId)))
    .returning();
  return row;
}
