// Creating, editing, archiving and deleting scorecards, and editing their perspectives.
// Each function runs in the caller's team transaction and logs what it changed.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { unlinkStagesOutsideJourney } from "@/db/queries/objectives";
import { loadOrgTree, reparentChildren } from "@/db/queries/org-tree";
import { deleteScorecardRow, insertPerspectives, insertScorecard, listPerspectives, setPerspectivePosition } from "@/db/queries/scorecards";
import { getInTeamOrThrow, staleWrite, updateVersioned } from "@/db/queries/versioned";
import { journeys, perspectives, scorecards, type Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { CHILDREN_CHOICES, PerspectiveMoveInput, PerspectiveUpdateInput, ScorecardCreateInput, ScorecardUpdateInput } from "@/lib/validation/scorecards";
import { changeEntries } from "./changes";
import { DEFAULT_PERSPECTIVES } from "./defaults";
import { DELETE_REASON, moveToRecycleBin } from "@/lib/recycle-bin/recycle-bin";
import { assertScorecardSlot, explainMissedDelete } from "./guards";
import { descendantsOf } from "./org-tree";
import { assertParentAllowed, planMove } from "./org-units";

type Ctx = Pick<TeamContext, "teamId" | "teamSlug" | "userId">;
type PlanOf = Pick<Team, "plan" | "subscriptionStatus">;

export async function createScorecard(tx: Tx, ctx: Ctx, team: PlanOf, input: ScorecardCreateInput) {
  await assertScorecardSlot(tx, ctx, team);
  if (input.journeyId) await getInTeamOrThrow(tx, journeys, ctx, input.journeyId, "This journey");
  const parentId = input.parentId ?? null;
  if (parentId) assertParentAllowed(await loadOrgTree(tx, ctx), null, parentId);
  const scorecard = await insertScorecard(tx, ctx, { name: input.name, description: input.description, journeyId: input.journeyId, parentId });
  const created = await insertPerspectives(tx, ctx, scorecard.id, DEFAULT_PERSPECTIVES);
  await recordChange(
    tx,
    ctx,
    {
      actorId: ctx.userId,
      entityType: "scorecard",
      entityId: scorecard.id,
      action: "create",
      after: { name: scorecard.name, journeyId: scorecard.journeyId, parentId: scorecard.parentId, perspectives: created.map((p) => p.name) },
    },
    { version: scorecard.version, parentId: scorecard.id },
  );
  return { scorecard, perspectives: created };
}

export async function updateScorecard(tx: Tx, ctx: Ctx, input: ScorecardUpdateInput) {
  const current = await getInTeamOrThrow(tx, scorecards, ctx, input.scorecardId, "This scorecard");
  if (input.journeyId && input.journeyId !== current.journeyId) await getInTeamOrThrow(tx, journeys, ctx, input.journeyId, "This journey");
  const parentId = input.parentId === undefined ? current.parentId : input.parentId;
  const move = parentId !== current.parentId ? await planMove(tx, ctx, current.id, parentId) : undefined;
  const values = { name: input.name, description: input.description, journeyId: input.journeyId, parentId };
  const updated = await updateVersioned(tx, scorecards, ctx, current.id, input.version, values, "This scorecard");
  const entries = changeEntries({ entityType: "scorecard", entityId: current.id, actorId: ctx.userId }, current, values, ["name", "description", "journeyId", "parentId"]);
  const droppedContributions = move ? await move.dropContributions() : [];
  if (current.journeyId !== updated.journeyId) {
    const unlinked = await unlinkStagesOutsideJourney(tx, ctx, current.id, updated.journeyId);
    if (unlinked > 0) entries.push({ actorId: ctx.userId, entityType: "scorecard", entityId: current.id, action: "update", field: "stageLinks", before: { unlinked }, after: null });
  }
  await recordChange(tx, ctx, entries, { version: updated.version, parentId: current.id });
  return Object.assign(updated, { droppedContributions });
}

/** Moves a scorecard under another (or to the top), as the list's "Move" does: only the parent changes. */
export async function moveScorecard(tx: Tx, ctx: Ctx, input: { scorecardId: string; version: number; parentId: string | null }) {
  const current = await getInTeamOrThrow(tx, scorecards, ctx, input.scorecardId, "This scorecard");
  return updateScorecard(tx, ctx, { scorecardId: current.id, version: input.version, name: current.name, description: current.description, journeyId: current.journeyId, parentId: input.parentId });
}

export async function setScorecardArchived(tx: Tx, ctx: Ctx, team: PlanOf, input: { scorecardId: string; version: number }, archived: boolean) {
  const current = await getInTeamOrThrow(tx, scorecards, ctx, input.scorecardId, "This scorecard");
  if (!archived && current.archivedAt) await assertScorecardSlot(tx, ctx, team);
  const updated = await updateVersioned(tx, scorecards, ctx, current.id, input.version, { archivedAt: archived ? clock.now() : null }, "This scorecard");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "scorecard", entityId: current.id, action: archived ? "archive" : "restore", before: { archivedAt: current.archivedAt }, after: { archivedAt: updated.archivedAt } },
    { version: updated.version, parentId: current.id },
  );
  return updated;
}

/** Moves one scorecard (no children left) with its perspectives, objectives, KPIs, values and initiatives to the recycle bin. */
async function binOneScorecard(tx: Tx, ctx: Ctx, input: { scorecardId: string; version: number }, reason = DELETE_REASON) {
  const bin = await moveToRecycleBin(tx, ctx, { kind: "scorecard", id: input.scorecardId, version: input.version });
  const [deleted] = bin ? await deleteScorecardRow(tx, ctx, input.scorecardId, input.version) : [];
  if (!deleted || !bin) return explainMissedDelete(tx, scorecards, ctx, input.scorecardId, "This scorecard");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "scorecard", entityId: deleted.id, action: "delete", before: { name: deleted.name }, after: { recycleBinId: bin.id }, reason },
    { parentId: deleted.id },
  );
  return { ...deleted, recycleBinId: bin.id };
}

export type ChildrenChoice = (typeof CHILDREN_CHOICES)[number];

/**
 * Moves the scorecard to the recycle bin. One with sub-scorecards needs `children`: "move_up" hangs
 * them under its parent (or at the top), "delete" puts each of them in the bin too (deepest first,
 * one entry each, so each can be restored on its own). All in the caller's one transaction.
 */
export async function deleteScorecard(tx: Tx, ctx: Ctx, input: { scorecardId: string; version: number; children?: ChildrenChoice }) {
  const tree = await loadOrgTree(tx, ctx);
  const node = tree.byId.get(input.scorecardId);
  const children = node?.children ?? [];
  if (node && children.length > 0) {
    const name = node.scorecard.name;
    const count = `${children.length} sub-scorecard${children.length === 1 ? "" : "s"}`;
    if (!input.children) {
      throw new AppError("validation", `“${name}” has ${count}: choose whether they move up or are deleted too.`, {
        fieldErrors: { children: [`Choose what becomes of its ${count}`] },
      });
    }
    if (node.scorecard.version !== input.version) return explainMissedDelete(tx, scorecards, ctx, input.scorecardId, "This scorecard");
    if (input.children === "move_up") {
      const parentId = node.scorecard.parentId;
      const moved = await reparentChildren(tx, ctx, node.scorecard.id, parentId);
      await recordChange(
        tx,
        ctx,
        moved.map((m) => ({ actorId: ctx.userId, entityType: "scorecard" as const, entityId: m.id, action: "move" as const, field: "parentId", before: node.scorecard.id, after: parentId, reason: `“${name}” was deleted` })),
      );
    } else {
      const below = descendantsOf(tree, node.scorecard.id).reverse(); // leaves first: the parent key has no cascade
      for (const s of below) await binOneScorecard(tx, ctx, { scorecardId: s.id, version: s.version }, `Deleted with “${name}”`);
      const deleted = await binOneScorecard(tx, ctx, input);
      return { ...deleted, deletedChildren: below.map((s) => s.id), movedChildren: [] as string[] };
    }
    const deleted = await binOneScorecard(tx, ctx, input);
    return { ...deleted, deletedChildren: [] as string[], movedChildren: children.map((c) => c.scorecard.id) };
  }
  return { ...(await binOneScorecard(tx, ctx, input)), deletedChildren: [] as string[], movedChildren: [] as string[] };
}

export async function updatePerspective(tx: Tx, ctx: Ctx, input: PerspectiveUpdateInput) {
  const current = await getInTeamOrThrow(tx, perspectives, ctx, input.perspectiveId, "This perspective");
  const values = { name: input.name, weight: input.weight };
  const updated = await updateVersioned(tx, perspectives, ctx, current.id, input.version, values, "This perspective");
  const entries = changeEntries({ entityType: "perspective", entityId: current.id, actorId: ctx.userId }, current, values, ["name", "weight"]);
  await recordChange(tx, ctx, entries, { version: updated.version, parentId: current.scorecardId });
  return updated;
}

/** Swaps a perspective with its neighbour above or below (both versions move on). */
export async function movePerspective(tx: Tx, ctx: Ctx, input: PerspectiveMoveInput) {
  const current = await getInTeamOrThrow(tx, perspectives, ctx, input.perspectiveId, "This perspective");
  if (current.version !== input.version) throw await staleWrite(tx, ctx, current, "This perspective was changed by someone else since you opened it.");
  const siblings = await listPerspectives(tx, ctx, current.scorecardId);
  const index = siblings.findIndex((p) => p.id === current.id);
  const neighbour = siblings[input.direction === "up" ? index - 1 : index + 1];
  if (!neighbour) throw new AppError("validation", `This perspective is already at the ${input.direction === "up" ? "top" : "bottom"}.`, { fieldErrors: { direction: ["Nothing to swap with"] } });
  // Positions may have gaps or ties after concurrent moves: renumber by list order while swapping.
  const target = input.direction === "up" ? index - 1 : index + 1;
  const updated = await updateVersioned(tx, perspectives, ctx, current.id, input.version, { position: target }, "This perspective");
  await setPerspectivePosition(tx, ctx, neighbour.id, index);
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "perspective", entityId: current.id, action: "move", field: "position", before: index, after: target },
    { version: updated.version, parentId: current.scorecardId },
  );
  return updated;
}
