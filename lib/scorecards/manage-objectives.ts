// Objectives: create, edit (including the stages they serve and moving to another
// perspective of the same scorecard) and delete, each logged as activity.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteObjectiveRow, insertObjective, listObjectiveStageIds, nextObjectivePosition, replaceObjectiveStages } from "@/db/queries/objectives";
import { getInTeamOrThrow, staleWrite, updateVersioned } from "@/db/queries/versioned";
import { objectives, perspectives, scorecards } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { notifyAssignment } from "@/lib/collaboration/notify";
import { validationError } from "@/lib/errors";
import type { ObjectiveCreateInput, ObjectiveUpdateInput } from "@/lib/validation/scorecards";
import { changeEntries } from "./changes";
import { DELETE_REASON, moveToRecycleBin } from "@/lib/recycle-bin/recycle-bin";
import { assertOwnerIsMember, assertStagesOfJourney, explainMissedDelete } from "./guards";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

const unique = (ids: readonly string[]) => [...new Set(ids)];

export async function createObjective(tx: Tx, ctx: Ctx, input: ObjectiveCreateInput) {
  const perspective = await getInTeamOrThrow(tx, perspectives, ctx, input.perspectiveId, "This perspective");
  const scorecard = await getInTeamOrThrow(tx, scorecards, ctx, perspective.scorecardId, "This scorecard");
  const stageIds = unique(input.stageIds);
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  await assertStagesOfJourney(tx, ctx, scorecard.journeyId, stageIds);
  const objective = await insertObjective(tx, ctx, {
    scorecardId: scorecard.id,
    perspectiveId: perspective.id,
    title: input.title,
    description: input.description,
    ownerId: input.ownerId,
    weight: input.weight,
    position: await nextObjectivePosition(tx, ctx, perspective.id),
  });
  await replaceObjectiveStages(tx, ctx, objective.id, stageIds);
  await notifyAssignment(tx, ctx, { entityType: "objective", entityId: objective.id, from: null, to: objective.ownerId });
  await recordChange(
    tx,
    ctx,
    {
      actorId: ctx.userId,
      entityType: "objective",
      entityId: objective.id,
      action: "create",
      after: { title: objective.title, perspectiveId: perspective.id, ownerId: objective.ownerId, weight: objective.weight, stageIds },
    },
    { version: objective.version, parentId: scorecard.id },
  );
  return { ...objective, stageIds };
}

export async function updateObjective(tx: Tx, ctx: Ctx, input: ObjectiveUpdateInput) {
  const current = await getInTeamOrThrow(tx, objectives, ctx, input.objectiveId, "This objective");
  // Stale: answer with the stages it serves too, so the person can compare them with theirs.
  if (current.version !== input.version) {
    throw await staleWrite(tx, ctx, { ...current, stageIds: await listObjectiveStageIds(tx, ctx, current.id) }, "This objective was changed by someone else since you opened it.");
  }
  const perspective = await getInTeamOrThrow(tx, perspectives, ctx, input.perspectiveId, "This perspective");
  if (perspective.scorecardId !== current.scorecardId) throw validationError({ perspectiveId: ["Choose a perspective of this objective's scorecard"] });
  const scorecard = await getInTeamOrThrow(tx, scorecards, ctx, current.scorecardId, "This scorecard");
  const stageIds = unique(input.stageIds);
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  await assertStagesOfJourney(tx, ctx, scorecard.journeyId, stageIds);

  const values = { title: input.title, description: input.description, ownerId: input.ownerId, weight: input.weight, perspectiveId: perspective.id };
  const moved = perspective.id !== current.perspectiveId;
  const updated = await updateVersioned(
    tx,
    objectives,
    ctx,
    current.id,
    input.version,
    moved ? { ...values, position: await nextObjectivePosition(tx, ctx, perspective.id) } : values,
    "This objective",
  );
  await notifyAssignment(tx, ctx, { entityType: "objective", entityId: current.id, from: current.ownerId, to: updated.ownerId });
  const beforeStages = await listObjectiveStageIds(tx, ctx, current.id);
  await replaceObjectiveStages(tx, ctx, current.id, stageIds);

  const subject = { entityType: "objective" as const, entityId: current.id, actorId: ctx.userId };
  const entries = [
    ...changeEntries(subject, current, values, ["title", "description", "ownerId", "weight", "perspectiveId"]),
    ...changeEntries(subject, { stageIds: [...beforeStages].sort() }, { stageIds: [...stageIds].sort() }, ["stageIds"]),
  ];
  await recordChange(tx, ctx, entries, { version: updated.version, parentId: current.scorecardId });
  return { ...updated, stageIds };
}

/** Moves the objective with its KPIs, values, initiatives and strategy-map links to the recycle bin. */
export async function deleteObjective(tx: Tx, ctx: Ctx, input: { objectiveId: string; version: number }) {
  const bin = await moveToRecycleBin(tx, ctx, { kind: "objective", id: input.objectiveId, version: input.version });
  const [deleted] = bin ? await deleteObjectiveRow(tx, ctx, input.objectiveId, input.version) : [];
  if (!deleted || !bin) return explainMissedDelete(tx, objectives, ctx, input.objectiveId, "This objective");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "objective", entityId: deleted.id, action: "delete", before: { title: deleted.title }, after: { recycleBinId: bin.id }, reason: DELETE_REASON },
    { parentId: deleted.scorecardId },
  );
  return { ...deleted, recycleBinId: bin.id };
}
