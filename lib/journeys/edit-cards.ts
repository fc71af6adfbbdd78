// Card writes in a stage's lanes: touchpoints, pain points and opportunities. Add, edit,
// remove, and move within a lane or to the same lane of another stage of the journey.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { getJourneyOrThrow } from "@/db/queries/journeys";
import { findMembershipByUser } from "@/db/queries/memberships";
import {
  getNoteOrThrow, getTouchpointOrThrow, insertNote, insertTouchpoint, listNoteSlots, listTouchpointSlots, updateNoteRow, updateTouchpointRow, type NoteKind,
} from "@/db/queries/stage-cards";
import { deleteVersioned, getStageOrThrow, lockJourney, renumber } from "@/db/queries/stages";
import { stageNotes, touchpoints, type Stage } from "@/db/schema";
import { validationError } from "@/lib/errors";
import type { CardType } from "@/lib/validation/journeys";
import type { TouchpointChannel } from "./channels";
import { fieldChanges, type Actor } from "./changes";
import { assertEditable } from "./edit-journey";
import { changedPositions, moveBetween, moveWithin } from "./ordering";

export interface TouchpointFields {
  channel: TouchpointChannel;
  channelDetail: string;
  description: string;
  ownerId: string | null;
}
const TOUCHPOINT_FIELDS = ["channel", "channelDetail", "description", "ownerId"] as const;

/** An owner must belong to the team: the users table is shared, so the id alone proves nothing. */
async function assertOwnerIsMember(tx: Tx, ctx: Actor, ownerId: string | null) {
  if (ownerId && !(await findMembershipByUser(tx, ctx, ownerId))) {
    throw validationError({ ownerId: ["Owner must be a member of this team"] });
  }
}

/** The stage, its journey locked for a change of order, refused when archived. */
async function editableStage(tx: Tx, ctx: Actor, stageId: string, lock: boolean): Promise<Stage> {
  const stage = await getStageOrThrow(tx, ctx, stageId);
  assertEditable(lock ? await lockJourney(tx, ctx, stage.journeyId) : await getJourneyOrThrow(tx, ctx, stage.journeyId));
  return stage;
}

export async function addTouchpoint(tx: Tx, ctx: Actor, input: { stageId: string } & TouchpointFields) {
  const stage = await editableStage(tx, ctx, input.stageId, true);
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  const slots = await listTouchpointSlots(tx, ctx, stage.id);
  const touchpoint = await insertTouchpoint(tx, ctx, { ...input, position: slots.length });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "touchpoint", entityId: touchpoint.id, action: "create", after: { stageId: stage.id, channel: touchpoint.channel, description: touchpoint.description } },
    { version: touchpoint.version, parentId: stage.journeyId },
  );
  return touchpoint;
}

export async function updateTouchpoint(tx: Tx, ctx: Actor, input: { touchpointId: string; version: number } & TouchpointFields) {
  const before = await getTouchpointOrThrow(tx, ctx, input.touchpointId);
  const stage = await editableStage(tx, ctx, before.stageId, false);
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  const { touchpointId, version, ...values } = input;
  const updated = await updateTouchpointRow(tx, ctx, touchpointId, version, values);
  await recordChange(tx, ctx, fieldChanges(ctx, "touchpoint", touchpointId, before, updated, TOUCHPOINT_FIELDS), { version: updated.version, parentId: stage.journeyId });
  return updated;
}

export async function removeTouchpoint(tx: Tx, ctx: Actor, input: { touchpointId: string; version: number }) {
  const card = await getTouchpointOrThrow(tx, ctx, input.touchpointId);
  const stage = await editableStage(tx, ctx, card.stageId, true);
  const deleted = await deleteVersioned(tx, touchpoints, ctx, card.id, input.version, "This touchpoint");
  const rest = await listTouchpointSlots(tx, ctx, stage.id);
  await renumber(tx, touchpoints, ctx, changedPositions(rest, rest.map((r) => r.id)));
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "touchpoint", entityId: deleted.id, action: "delete", before: { stageId: stage.id, description: deleted.description } },
    { parentId: stage.journeyId },
  );
  return deleted;
}

export async function addNote(tx: Tx, ctx: Actor, input: { stageId: string; kind: NoteKind; text: string }) {
  const stage = await editableStage(tx, ctx, input.stageId, true);
  const slots = await listNoteSlots(tx, ctx, stage.id, input.kind);
  const note = await insertNote(tx, ctx, { ...input, position: slots.length });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "stage_note", entityId: note.id, action: "create", after: { stageId: stage.id, kind: note.kind, text: note.text } },
    { version: note.version, parentId: stage.journeyId },
  );
  return note;
}

export async function updateNote(tx: Tx, ctx: Actor, input: { noteId: string; version: number; text: string }) {
  const before = await getNoteOrThrow(tx, ctx, input.noteId);
  const stage = await editableStage(tx, ctx, before.stageId, false);
  const updated = await updateNoteRow(tx, ctx, input.noteId, input.version, { text: input.text });
  await recordChange(tx, ctx, fieldChanges(ctx, "stage_note", updated.id, before, updated, ["text"]), { version: updated.version, parentId: stage.journeyId });
  return updated;
}

export async function removeNote(tx: Tx, ctx: Actor, input: { noteId: string; version: number }) {
  const card = await getNoteOrThrow(tx, ctx, input.noteId);
  const stage = await editableStage(tx, ctx, card.stageId, true);
  const deleted = await deleteVersioned(tx, stageNotes, ctx, card.id, input.version, "This card");
  const rest = await listNoteSlots(tx, ctx, stage.id, card.kind);
  await renumber(tx, stageNotes, ctx, changedPositions(rest, rest.map((r) => r.id)));
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "stage_note", entityId: deleted.id, action: "delete", before: { stageId: stage.id, kind: deleted.kind, text: deleted.text } },
    { parentId: stage.journeyId },
  );
  return deleted;
}

/**
 * Moves a card to index `position` of the same lane in `stageId` (its own stage or another
 * stage of the same journey). The neighbours shift first; the card's own conditional write
 * comes last, so a stale version leaves every position as it was.
 */
export async function moveCard(tx: Tx, ctx: Actor, input: { cardType: CardType; cardId: string; version: number; stageId: string; position: number }) {
  const card = input.cardType === "touchpoint" ? await getTouchpointOrThrow(tx, ctx, input.cardId) : await getNoteOrThrow(tx, ctx, input.cardId);
  const from = await getStageOrThrow(tx, ctx, card.stageId);
  const to = input.stageId === from.id ? from : await getStageOrThrow(tx, ctx, input.stageId);
  if (to.journeyId !== from.journeyId) throw validationError({ stageId: ["The card can only move to a stage of the same journey"] });
  assertEditable(await lockJourney(tx, ctx, from.journeyId));

  const table = input.cardType === "touchpoint" ? touchpoints : stageNotes;
  const lane = (stageId: string) =>
    input.cardType === "touchpoint" ? listTouchpointSlots(tx, ctx, stageId) : listNoteSlots(tx, ctx, stageId, (card as { kind: NoteKind }).kind);
  const source = await lane(from.id);
  const beforePosition = source.findIndex((s) => s.id === card.id);
  if (to.id === from.id) {
    const plan = moveWithin(source.map((s) => s.id), card.id, input.position);
    if (!plan.ok) throw validationError({ position: [plan.message] }, "This card cannot move there.");
    await renumber(tx, table, ctx, changedPositions(source, plan.order).filter((c) => c.id !== card.id));
  } else {
    const target = await lane(to.id);
    const plan = moveBetween(source.map((s) => s.id), target.map((s) => s.id), card.id, input.position);
    if (!plan.ok) throw validationError({ position: [plan.message] }, "This card cannot move there.");
    await renumber(tx, table, ctx, changedPositions(source, plan.source));
    await renumber(tx, table, ctx, changedPositions(target, plan.target).filter((c) => c.id !== card.id));
  }
  const moved =
    input.cardType === "touchpoint"
      ? await updateTouchpointRow(tx, ctx, card.id, input.version, { stageId: to.id, position: input.position })
      : await updateNoteRow(tx, ctx, card.id, input.version, { stageId: to.id, position: input.position });
  await recordChange(
    tx,
    ctx,
    {
      actorId: ctx.userId,
      entityType: input.cardType === "touchpoint" ? "touchpoint" : "stage_note",
      entityId: card.id,
      action: "move",
      before: { stageId: from.id, position: beforePosition },
      after: { stageId: to.id, position: input.position },
    },
    { version: moved.version, parentId: from.journeyId },
  );
  return moved;
}
