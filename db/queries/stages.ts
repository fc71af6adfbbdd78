// Stages of a journey: ordered inserts, conditional updates and deletes, re-numbering after
// a move, and the per-journey lock that keeps two simultaneous moves from interleaving.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { journeys, stages, type Journey, type Stage } from "../schema";
import { AppError } from "@/lib/errors";
import { findInTeam, getInTeamOrThrow, staleWrite, updateVersioned } from "./versioned";

type Ctx = { teamId: string };
type OrderedTable = PgTable & { teamId: PgColumn; id: PgColumn; version: PgColumn; position: PgColumn };

/**
 * The journey, locked until the transaction ends: every change to the order of its stages or
 * cards takes this lock first, so two people moving things at once are applied one after the
 * other instead of both numbering from the same snapshot.
 */
export async function lockJourney(tx: Tx, ctx: Ctx, journeyId: string): Promise<Journey> {
  const [row] = await tx
    .select()
    .from(journeys)
    .where(and(eq(journeys.teamId, ctx.teamId), eq(journeys.id, journeyId)))
    .for("update");
  if (!row) throw new AppError("not_found", "This journey was not found.");
  return row;
}

export function getStageOrThrow(tx: Tx, ctx: Ctx, id: string): Promise<Stage> {
  return getInTeamOrThrow(tx, stages, ctx, id, "This stage");
}

/** The journey's stages in order (ids, positions and versions only). */
export function listStageSlots(tx: Tx, ctx: Ctx, journeyId: string) {
  return tx
    .select({ id: stages.id, position: stages.position, version: stages.version, name: stages.name })
    .from(stages)
    .where(and(eq(stages.teamId, ctx.teamId), eq(stages.journeyId, journeyId)))
    .orderBy(asc(stages.position), asc(stages.createdAt));
}

export async function insertStage(tx: Tx, ctx: Ctx, values: Omit<typeof stages.$inferInsert, "teamId">): Promise<Stage> {
  const [row] = await tx.insert(stages).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

export function updateStageRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number, values: Partial<typeof stages.$inferInsert>) {
  return updateVersioned(tx, stages, ctx, id, expectedVersion, values, "This stage");
}

/** Conditional delete: only the version the person saw; otherwise 409 with the row as it is now (or 404). */
export async function deleteVersioned<T extends PgTable & { teamId: PgColumn; id: PgColumn; version: PgColumn }>(
  tx: Tx,
  table: T,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  what: string,
): Promise<T["$inferSelect"]> {
  const deleted = (await tx
    .delete(table)
    .where(and(eq(table.teamId, ctx.teamId), eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as Array<T["$inferSelect"]>;
  if (deleted[0]) return deleted[0];
  const current = await findInTeam(tx, table, ctx, id);
  if (!current) throw new AppError("not_found", `${what} was not found.`);
  throw await staleWrite(tx, ctx, current as { id: string }, `${what} was changed by someone else since you opened it.`);
}

/**
 * Writes new positions in one statement. Versions are left alone: a row sliding one slot
 * because a neighbour moved is not an edit of that row, and bumping it would turn every
 * concurrent edit of a neighbour into a false conflict.
 */
export async function renumber(tx: Tx, table: OrderedTable, ctx: Ctx, changes: ReadonlyArray<{ id: string; position: number }>): Promise<void> {
  if (changes.length === 0) return;
  const cases = sql.join(
    changes.map((c) => sql`when ${table.id} = ${c.id} then ${c.position}::integer`),
    sql` `,
  );
  await tx
    .update(table)
    .set({ position: sql`case ${cases} end` } as never)
    .where(and(eq(table.teamId, ctx.teamId), inArray(table.id, changes.map((c) => c.id))));
}
