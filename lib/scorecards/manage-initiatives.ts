// Initiatives on an objective: create, edit, delete, each logged as activity.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteInitiativeRow, insertInitiative } from "@/db/queries/initiatives";
import { getInTeamOrThrow, updateVersioned } from "@/db/queries/versioned";
import { initiatives, objectives } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import type { InitiativeCreateInput, InitiativeUpdateInput } from "@/lib/validation/scorecards";
import { changeEntries } from "./changes";
import { DELETE_REASON, moveToRecycleBin } from "@/lib/recycle-bin/recycle-bin";
import { assertOwnerIsMember, explainMissedDelete } from "./guards";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

const FIELDS = ["title", "description", "ownerId", "startDate", "dueDate", "status", "progress", "budget"] as const;

export async function createInitiative(tx: Tx, ctx: Ctx, input: InitiativeCreateInput) {
  const { objectiveId, ...values } = input;
  const objective = await getInTeamOrThrow(tx, objectives, ctx, objectiveId, "This objective");
  await assertOwnerIsMember(tx, ctx, values.ownerId);
  const initiative = await insertInitiative(tx, ctx, { ...values, objectiveId: objective.id });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "initiative", entityId: initiative.id, action: "create", after: { ...values, objectiveId: objective.id } },
    { version: initiative.version, parentId: objective.scorecardId },
  );
  return initiative;
}

export async function updateInitiative(tx: Tx, ctx: Ctx, input: InitiativeUpdateInput) {
  const { initiativeId, version, ...values } = input;
  const current = await getInTeamOrThrow(tx, initiatives, ctx, initiativeId, "This initiative");
  await assertOwnerIsMember(tx, ctx, values.ownerId);
  const updated = await updateVersioned(tx, initiatives, ctx, current.id, version, values, "This initiative");
  const objective = await getInTeamOrThrow(tx, objectives, ctx, current.objectiveId, "This objective");
  const entries = changeEntries({ entityType: "initiative", entityId: current.id, actorId: ctx.userId }, current, values, FIELDS);
  await recordChange(tx, ctx, entries, { version: updated.version, parentId: objective.scorecardId });
  return updated;
}

export async function deleteInitiative(tx: Tx, ctx: Ctx, input: { initiativeId: string; version: number }) {
  const bin = await moveToRecycleBin(tx, ctx, { kind: "initiative", id: input.initiativeId, version: input.version });
  const [deleted] = bin ? await deleteInitiativeRow(tx, ctx, input.initiativeId, input.version) : [];
  if (!deleted || !bin) return explainMissedDelete(tx, initiatives, ctx, input.initiativeId, "This initiative");
  const objective = await getInTeamOrThrow(tx, objectives, ctx, deleted.objectiveId, "This objective");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "initiative", entityId: deleted.id, action: "delete", before: { title: deleted.title }, after: { recycleBinId: bin.id }, reason: DELETE_REASON },
    { parentId: objective.scorecardId },
  );
  return { ...deleted, recycleBinId: bin.id };
}
