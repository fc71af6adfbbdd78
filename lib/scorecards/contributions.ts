// Cascade contributions of one objective (the editor's "Contributes to" and the API's
// `contributesTo`): every target must be an objective of a scorecard above the objective's own.
// Runs in the caller's team transaction; a refusal writes nothing.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteContributions, findObjectivesWithScorecard, insertContributions, listContributionsTouching } from "@/db/queries/contributions";
import { loadOrgTree } from "@/db/queries/org-tree";
import { getInTeamOrThrow, updateVersioned } from "@/db/queries/versioned";
import { objectives } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { contributionProblem } from "./cascade";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

/** Refuses targets of another team (404) or not above the objective's scorecard (422), naming the field. */
async function assertTargets(tx: Tx, ctx: Ctx, objective: { id: string; title: string; scorecardId: string }, targetIds: readonly string[], field: string) {
  if (targetIds.length === 0) return;
  const found = await findObjectivesWithScorecard(tx, ctx, targetIds);
  if (found.length !== new Set(targetIds).size) {
    throw new AppError("not_found", "The objective to contribute to was not found.", { fieldErrors: { [field]: ["Choose objectives of this team"] } });
  }
  const tree = await loadOrgTree(tx, ctx);
  for (const target of found) {
    const problem = contributionProblem(tree, objective, target);
    if (problem) throw new AppError("validation", problem, { fieldErrors: { [field]: [problem] } });
  }
}

/** The ids the objective contributes to now. */
export async function contributionTargetsOf(tx: Tx, ctx: Ctx, objectiveId: string): Promise<string[]> {
  return (await listContributionsTouching(tx, ctx, [objectiveId])).filter((c) => c.objectiveId === objectiveId).map((c) => c.parentObjectiveId);
}

/**
 * Makes `targetIds` the objective's contributions (the API's create and PATCH, after the objective's
 * own conditional write). Returns whether anything changed.
 */
export async function replaceContributions(tx: Tx, ctx: Ctx, objectiveId: string, targetIds: readonly string[], field = "contributesTo"): Promise<boolean> {
  const objective = await getInTeamOrThrow(tx, objectives, ctx, objectiveId, "This objective");
  const wanted = [...new Set(targetIds)];
  await assertTargets(tx, ctx, objective, wanted, field);
  const current = await contributionTargetsOf(tx, ctx, objectiveId);
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (added.length === 0 && removed.length === 0) return false;
  await deleteContributions(tx, ctx, removed.map((parentObjectiveId) => ({ objectiveId, parentObjectiveId })));
  await insertContributions(tx, ctx, added.map((parentObjectiveId) => ({ objectiveId, parentObjectiveId })));
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "objective", entityId: objectiveId, action: "update", field: "contributesTo", before: current, after: wanted },
    { parentId: objective.scorecardId },
  );
  return true;
}

/** The editor's "Contributes to …": one target added or removed, conditional on the objective's version. */
export async function changeContribution(tx: Tx, ctx: Ctx, input: { objectiveId: string; version: number; parentObjectiveId: string }, op: "add" | "remove") {
  const objective = await getInTeamOrThrow(tx, objectives, ctx, input.objectiveId, "This objective");
  const current = await contributionTargetsOf(tx, ctx, objective.id);
  if (op === "add") await assertTargets(tx, ctx, objective, [input.parentObjectiveId], "parentObjectiveId");
  const updated = await updateVersioned(tx, objectives, ctx, objective.id, input.version, {}, "This objective");
  const pair = [{ objectiveId: objective.id, parentObjectiveId: input.parentObjectiveId }];
  if (op === "add") await insertContributions(tx, ctx, pair);
  else await deleteContributions(tx, ctx, pair);
  const after = op === "add" ? [...new Set([...current, input.parentObjectiveId])] : current.filter((id) => id !== input.parentObjectiveId);
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "objective", entityId: objective.id, action: "update", field: "contributesTo", before: current, after },
    { version: updated.version, parentId: objective.scorecardId },
  );
  return updated;
}
