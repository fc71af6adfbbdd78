"use server";
// Server actions of the alignment matrix: make an objective serve a journey stage, or stop.
// Both are edits of the objective, so they are conditional on its version (409 when stale).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteObjectiveStage, findStage, insertObjectiveStage, listObjectiveStageIds } from "@/db/queries/objective-stages";
import { getInTeamOrThrow, updateVersioned } from "@/db/queries/versioned";
import { objectives, scorecards } from "@/db/schema";
import { teamAction, type ActionContext } from "@/lib/actions/team-action";
import { AppError } from "@/lib/errors";
import { uuid } from "@/lib/validation/primitives";

const schema = z.object({
  scorecardId: uuid("scorecard"),
  objectiveId: uuid("Objective"),
  stageId: uuid("Stage"),
  version: z.coerce.number({ error: "version is required" }).int("version must be a whole number").positive("version is required"),
});

async function setServes(serve: boolean, input: z.infer<typeof schema>, { tx, ctx }: { tx: Tx; ctx: ActionContext["ctx"] }) {
  const scorecard = await getInTeamOrThrow(tx, scorecards, ctx, input.scorecardId, "This scorecard");
  const objective = await getInTeamOrThrow(tx, objectives, ctx, input.objectiveId, "This objective");
  if (objective.scorecardId !== scorecard.id) throw new AppError("not_found", "This objective was not found.");
  const stage = await findStage(tx, ctx, input.stageId);
  if (!stage) throw new AppError("not_found", "This stage was not found.");
  if (!scorecard.journeyId) {
    throw new AppError("validation", "This scorecard is not tied to a journey.", { fieldErrors: { stageId: ["This scorecard is not tied to a journey: choose one in its editor first"] } });
  }
  if (stage.journeyId !== scorecard.journeyId) {
    const message = `Stage “${stage.name}” is not a stage of this scorecard's journey`;
    throw new AppError("validation", `${message}.`, { fieldErrors: { stageId: [message] } });
  }

  const before = await listObjectiveStageIds(tx, ctx, objective.id);
  if (before.includes(stage.id) === serve) {
    // Already as asked (someone did the same a moment ago): nothing to change, nothing to log.
    return { objectiveId: objective.id, stageId: stage.id, version: objective.version, changed: false };
  }
  const updated = await updateVersioned(tx, objectives, ctx, objective.id, input.version, {}, `“${objective.title}”`);
  if (serve) await insertObjectiveStage(tx, ctx, objective.id, stage.id);
  else await deleteObjectiveStage(tx, ctx, objective.id, stage.id);
  const after = await listObjectiveStageIds(tx, ctx, objective.id);
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "objective", entityId: objective.id, action: "update", field: "stageIds", before, after },
    { version: updated.version, parentId: scorecard.id },
  );
  return { objectiveId: objective.id, stageId: stage.id, version: updated.version, changed: true };
}

const revalidateScorecard = () => revalidatePath("/t/[team]/scorecards/[scorecardId]", "layout");

export const assignStage = teamAction("alignment.assign", {
  permission: "scorecards.write",
  schema,
  handler: (input, context) => setServes(true, input, context),
  after: revalidateScorecard,
});

export const unassignStage = teamAction("alignment.unassign", {
  permission: "scorecards.write",
  schema,
  handler: (input, context) => setServes(false, input, context),
  after: revalidateScorecard,
});
