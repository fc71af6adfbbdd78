// Stage writes: add (at a position), edit fields, move, remove. Order changes take the
// journey's lock, shift the neighbours, and apply the person's own conditional write last,
// so a stale version rolls the whole move back.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { getJourneyOrThrow } from "@/db/queries/journeys";
import { deleteVersioned, getStageOrThrow, insertStage, listStageSlots, lockJourney, renumber, updateStageRow } from "@/db/queries/stages";
import { stages, type Stage } from "@/db/schema";
import { validationError } from "@/lib/errors";
import type { StagePatch } from "@/lib/validation/journeys";
import { fieldChanges, type Actor } from "./changes";
import { assertEditable } from "./edit-journey";
import { changedPositions, insertAt, moveWithin } from "./ordering";

const STAGE_FIELDS = ["name", "customerGoal", "doing", "thinking", "feeling", "emotion"] as const;

export interface NewStage {
  journeyId: string;
  name: string;
  position?: number;
  customerGoal: string;
  doing: string;
  thinking: string;
  feeling: string;
  emotion: number | null;
}

export async function addStage(tx: Tx, ctx: Actor, input: NewStage): Promise<Stage> {
  const journey = await lockJourney(tx, ctx, input.journeyId);
  assertEditable(journey);
  const slots = await listStageSlots(tx, ctx, journey.id);
  const id = crypto.randomUUID();
  const plan = insertAt(slots.map((s) => s.id), id, input.position);
  if (!plan.ok) throw validationError({ position: [plan.message] });
  await renumber(tx, stages, ctx, changedPositions(slots, plan.order).filter((c) => c.id !== id));
  const { journeyId, name, customerGoal, doing, thinking, feeling, emotion } = input;
  const stage = await insertStage(tx, ctx, { id, journeyId, name, customerGoal, doing, thinking, feeling, emotion, position: plan.order.indexOf(id) });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "stage", entityId: stage.id, action: "create", after: { name: stage.name, position: stage.position } },
    { version: stage.version, parentId: journeyId },
  );
  return stage;
}

export async function updateStage(tx: Tx, ctx: Actor, input: { stageId: string; version: number } & StagePatch): Promise<Stage> {
  const before = await getStageOrThrow(tx, ctx, input.stageId);
  assertEditable(await getJourneyOrThrow(tx, ctx, before.journeyId));
  const { stageId, version, ...patch } = input;
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as StagePatch;
  const updated = await updateStageRow(tx, ctx, stageId, version, values);
  const fields = STAGE_FIELDS.filter((f) => f in values);
  await recordChange(tx, ctx, fieldChanges(ctx, "stage", stageId, before, updated, fields), { version: updated.version, parentId: updated.journeyId });
  return updated;
}

/** Moves a stage to index `position` (0-based) of its journey; 422 naming `position` when there is no such slot. */
export async function moveStage(tx: Tx, ctx: Actor, input: { stageId: string; version: number; position: number }) {
  const stage = await getStageOrThrow(tx, ctx, input.stageId);
  const journey = await lockJourney(tx, ctx, stage.journeyId);
  assertEditable(journey);
  const slots = await listStageSlots(tx, ctx, journey.id);
  const plan = moveWithin(slots.map((s) => s.id), stage.id, input.position);
  if (!plan.ok) throw validationError({ position: [plan.message] }, "This stage cannot move there.");
  const from = slots.findIndex((s) => s.id === stage.id);
  const changes = changedPositions(slots, plan.order);
  await renumber(tx, stages, ctx, changes.filter((c) => c.id !== stage.id));
  // The person's own write goes last and is conditional: a stale version undoes the shifts above.
  const moved = await updateStageRow(tx, ctx, stage.id, input.version, { position: input.position });
  if (from !== input.position || stage.position !== input.position) {
    await recordChange(
      tx,
      ctx,
      { actorId: ctx.userId, entityType: "stage", entityId: stage.id, action: "move", field: "position", before: from, after: input.position },
      { version: moved.version, parentId: journey.id },
    );
  }
  return { stage: moved, order: plan.order };
}

export async function removeStage(tx: Tx, ctx: Actor, input: { stageId: string; version: number }) {
  const stage = await getStageOrThrow(tx, ctx, input.stageId);
  const journey = await lockJourney(tx, ctx, stage.journeyId);
  assertEditable(journey);
  const deleted = await deleteVersioned(tx, stages, ctx, stage.id, input.version, "This stage");
  const rest = await listStageSlots(tx, ctx, journey.id);
  await renumber(tx, stages, ctx, changedPositions(rest, rest.map((s) => s.id)));
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "stage", entityId: deleted.id, action: "delete", before: { name: deleted.name, position: deleted.position } },
    { parentId: journey.id },
  );
  return deleted;
}
