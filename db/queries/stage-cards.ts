// The cards in a stage's lanes: touchpoints (channel, description, owner) and stage notes
// (pain points and opportunities). Positions count within one lane of one stage.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { stageNotes, touchpoints, type StageNote, type Touchpoint } from "../schema";
import { getInTeamOrThrow, updateVersioned } from "./versioned";

type Ctx = { teamId: string };
export type NoteKind = StageNote["kind"];

export function getTouchpointOrThrow(tx: Tx, ctx: Ctx, id: string): Promise<Touchpoint> {
  return getInTeamOrThrow(tx, touchpoints, ctx, id, "This touchpoint");
}

export function getNoteOrThrow(tx: Tx, ctx: Ctx, id: string): Promise<StageNote> {
  return getInTeamOrThrow(tx, stageNotes, ctx, id, "This card");
}

/** The touchpoints of one stage in order. */
export function listTouchpointSlots(tx: Tx, ctx: Ctx, stageId: string) {
  return tx
    .select({ id: touchpoints.id, position: touchpoints.position })
    .from(touchpoints)
    .where(and(eq(touchpoints.teamId, ctx.teamId), eq(touchpoints.stageId, stageId)))
    .orderBy(asc(touchpoints.position), asc(touchpoints.createdAt));
}

/** The pain points (or opportunities) of one stage in order. */
export function listNoteSlots(tx: Tx, ctx: Ctx, stageId: string, kind: NoteKind) {
  return tx
    .select({ id: stageNotes.id, position: stageNotes.position })
    .from(stageNotes)
    .where(and(eq(stageNotes.teamId, ctx.teamId), eq(stageNotes.stageId, stageId), eq(stageNotes.kind, kind)))
    .orderBy(asc(stageNotes.position), asc(stageNotes.createdAt));
}

export async function insertTouchpoint(tx: Tx, ctx: Ctx, values: Omit<typeof touchpoints.$inferInsert, "teamId">): Promise<Touchpoint> {
  const [row] = await tx.insert(touchpoints).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

export async function insertNote(tx: Tx, ctx: Ctx, values: Omit<typeof stageNotes.$inferInsert, "teamId">): Promise<StageNote> {
  const [row] = await tx.insert(stageNotes).values({ ...values, teamId: ctx.teamId }).returning();
  return row!;
}

export function updateTouchpointRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number, values: Partial<typeof touchpoints.$inferInsert>) {
  return updateVersioned(tx, touchpoints, ctx, id, expectedVersion, values, "This touchpoint");
}

export function updateNoteRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number, values: Partial<typeof stageNotes.$inferInsert>) {
  return updateVersioned(tx, stageNotes, ctx, id, expectedVersion, values, "This card");
}
