// Conditional writes for versioned rows: `... WHERE team_id = $1 AND id = $2 AND version = $3`.
// A stale write changes nothing and reports the row as it is now (and who saved it), so
// nobody's work is lost.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { lastChangeOf } from "./activity";

type VersionedTable = PgTable & { teamId: PgColumn; id: PgColumn; version: PgColumn; updatedAt?: PgColumn };

export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  ctx: { teamId: string },
  id: string,
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
  what = "This item",
): Promise<T["$inferSelect"]> {
  const set: Record<string, unknown> = { ...values, version: sql`${table.version} + 1` };
  if ("updatedAt" in table && table.updatedAt) set.updatedAt = clock.now();
  const updated = (await tx
    .update(table)
    .set(set as never)
    .where(and(eq(table.teamId, ctx.teamId), eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as Array<T["$inferSelect"]>;
  if (updated[0]) return updated[0];
  const current = await findInTeam(tx, table, ctx, id);
  if (!current) throw new AppError("not_found", `${what} was not found.`);
  throw await staleWrite(tx, ctx, current as { id: string }, `${what} was changed by someone else since you opened it.`);
}

/** The 409 of a stale write: the row as it is now, and who saved that version when the log knows. */
export async function staleWrite<T extends { id: string }>(tx: Tx, ctx: { teamId: string }, current: T, message: string): Promise<AppError> {
  const last = await lastChangeOf(tx, ctx, current.id);
  return new AppError("conflict", message, { current, savedBy: last ? { name: last.name, at: last.at.toISOString() } : undefined });
}

/** Get-or-undefined by id inside the team. */
export async function findInTeam<T extends PgTable & { teamId: PgColumn; id: PgColumn }>(
  tx: Tx,
  table: T,
  ctx: { teamId: string },
  id: string,
  extra?: SQL,
): Promise<T["$inferSelect"] | undefined> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.teamId, ctx.teamId), eq(table.id, id), extra))
    .limit(1)) as Array<T["$inferSelect"]>;
  return rows[0];
}

/** Get-or-throw: anything outside the team is a 404, never a 403. */
export async function getInTeamOrThrow<T extends PgTable & { teamId: PgColumn; id: PgColumn }>(
  tx: Tx,
  table: T,
  ctx: { teamId: string },
  id: string,
  what = "This item",
): Promise<T["$inferSelect"]> {
  const row = await findInTeam(tx, table, ctx, id);
  if (!row) throw new AppError("not_found", `${what} was not found.`);
  return row;
}
