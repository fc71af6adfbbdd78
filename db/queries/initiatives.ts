// Initiatives (projects that move an objective), bound to one team.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { initiatives, objectives, type Initiative } from "../schema";

type Ctx = { teamId: string };

export type NewInitiative = Omit<typeof initiatives.$inferInsert, "teamId" | "id" | "version" | "createdAt" | "updatedAt">;

/** Every initiative of one scorecard, in one query (the editor groups them by objective). */
export async function listScorecardInitiatives(tx: Tx, ctx: Ctx, scorecardId: string): Promise<Initiative[]> {
  return tx
    .select({ initiative: initiatives })
    .from(initiatives)
    .innerJoin(objectives, and(eq(objectives.teamId, initiatives.teamId), eq(objectives.id, initiatives.objectiveId)))
    .where(and(eq(initiatives.teamId, ctx.teamId), eq(objectives.scorecardId, scorecardId)))
    .orderBy(sql`${initiatives.dueDate} asc nulls last`, asc(initiatives.createdAt))
    .then((rows) => rows.map((r) => r.initiative));
}

export async function insertInitiative(tx: Tx, ctx: Ctx, values: NewInitiative): Promise<Initiative> {
  const [row] = await tx.insert(initiatives).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

export async function deleteInitiativeRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number) {
  return tx
    .delete(initiatives)
    .where(and(eq(initiatives.teamId, ctx.teamId), eq(initiatives.id, id), eq(initiatives.version, expectedVersion)))
    .returning({ id: initiatives.id, title: initiatives.title, objectiveId: initiatives.objectiveId });
}
