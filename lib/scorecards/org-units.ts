// Editing the organisation tree: a scorecard's parent (checked against cycles and other teams),
// and the contributions a change of place leaves pointing at a scorecard no longer above.
// Each function runs in the caller's team transaction.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { bumpObjectiveVersions, deleteContributions, listContributionsOfScorecards } from "@/db/queries/contributions";
import { listOrgScorecards, type OrgScorecard } from "@/db/queries/org-tree";
import type { TeamContext } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { contributionsOffTree } from "./cascade";
import { buildOrgTree, moveProblem, subtreeIds, type OrgTree } from "./org-tree";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

/** A parent of another team (or none at all) is as unknown as a missing one: 404 naming the field. */
export function assertParentAllowed(tree: OrgTree, scorecardId: string | null, parentId: string | null): void {
  if (parentId === null) return;
  if (!tree.byId.has(parentId)) {
    throw new AppError("not_found", "The parent scorecard was not found.", { fieldErrors: { parentId: ["Choose a scorecard of this team"] } });
  }
  if (scorecardId === null) return;
  const problem = moveProblem(tree, scorecardId, parentId);
  if (problem) throw new AppError("validation", problem, { fieldErrors: { parentId: [problem] } });
}

/** The tree as it will be once `id` hangs under `parentId` (nothing written). */
export function treeWithParent(list: readonly OrgScorecard[], id: string, parentId: string | null): OrgTree<OrgScorecard> {
  return buildOrgTree(list.map((s) => (s.id === id ? { ...s, parentId } : s)));
}

export interface RemovedContribution {
  objectiveId: string;
  parentObjectiveId: string;
}

/**
 * Removes the contributions of objectives in `scorecardIds` (and those received from them) that
 * `tree` no longer allows, bumps the contributors' versions and logs one row per objective.
 */
export async function dropOffTreeContributions(tx: Tx, ctx: Ctx, tree: OrgTree, scorecardIds: readonly string[], reason: string): Promise<RemovedContribution[]> {
  const links = await listContributionsOfScorecards(tx, ctx, scorecardIds);
  const off = contributionsOffTree(tree, links);
  if (off.length === 0) return [];
  await deleteContributions(tx, ctx, off);
  const objectiveIds = [...new Set(off.map((l) => l.objectiveId))];
  await bumpObjectiveVersions(tx, ctx, objectiveIds);
  await recordChange(
    tx,
    ctx,
    objectiveIds.map((id) => ({
      actorId: ctx.userId,
      entityType: "objective" as const,
      entityId: id,
      action: "update" as const,
      field: "contributesTo",
      before: off.filter((l) => l.objectiveId === id).map((l) => l.parentObjectiveId),
      after: null,
      reason,
    })),
  );
  return off.map(({ objectiveId, parentObjectiveId }) => ({ objectiveId, parentObjectiveId }));
}

/**
 * Checks a new parent and, once the caller has written it, drops the contributions the move leaves
 * off the tree. Contributions are removed rather than the move refused: a reorganisation is the
 * decision, the links that no longer make sense follow it (and the answer says how many went).
 */
export async function planMove(tx: Tx, ctx: Ctx, scorecardId: string, parentId: string | null) {
  const list = await listOrgScorecards(tx, ctx);
  const tree = buildOrgTree(list);
  assertParentAllowed(tree, scorecardId, parentId);
  const next = treeWithParent(list, scorecardId, parentId);
  const name = tree.byId.get(scorecardId)?.scorecard.name ?? "The scorecard";
  return {
    before: tree,
    after: next,
    dropContributions: () =>
      dropOffTreeContributions(tx, ctx, next, [...subtreeIds(next, scorecardId)], `“${name}” moved in the organisation tree: the objective it contributed to is no longer above it`),
  };
}
