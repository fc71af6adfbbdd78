// Adding and removing strategy-map links, in the caller's (team-bound) transaction. The
// cycle rule is enforced here, on the server, under a lock on the scorecard row.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteObjectiveLink, findObjectives, insertObjectiveLink, listObjectiveLinks, lockScorecard, type ObjectiveLink } from "@/db/queries/objective-links";
import { AppError } from "@/lib/errors";
import { cycleMessage, findCyclePath } from "./cycle";

interface WriteContext {
  teamId: string;
  userId: string | null;
}

const refused = (field: "causeId" | "effectId", message: string) => new AppError("validation", `${message}.`, { fieldErrors: { [field]: [message] } });

export async function addObjectiveLink(tx: Tx, ctx: WriteContext, input: { scorecardId: string; causeId: string; effectId: string }): Promise<ObjectiveLink> {
  if (!(await lockScorecard(tx, ctx, input.scorecardId))) throw new AppError("not_found", "This scorecard was not found.");
  const found = await findObjectives(tx, ctx, [input.causeId, input.effectId]);
  const cause = found.get(input.causeId);
  const effect = found.get(input.effectId);
  if (!cause) throw new AppError("not_found", "The cause objective was not found.");
  if (!effect) throw new AppError("not_found", "The effect objective was not found.");
  if (cause.scorecardId !== input.scorecardId) throw refused("causeId", `“${cause.title}” belongs to another scorecard`);
  if (effect.scorecardId !== input.scorecardId) throw refused("effectId", `“${effect.title}” belongs to another scorecard`);

  const links = await listObjectiveLinks(tx, ctx, input.scorecardId);
  if (links.some((l) => l.causeId === cause.id && l.effectId === effect.id)) {
    throw refused("effectId", `“${cause.title}” already drives “${effect.title}”`);
  }
  const cycle = findCyclePath(links, cause.id, effect.id);
  if (cycle) {
    const titles = await findObjectives(tx, ctx, cycle);
    throw refused("effectId", cycleMessage(cycle, (id) => titles.get(id)?.title ?? "an objective"));
  }

  const link = await insertObjectiveLink(tx, ctx, { scorecardId: input.scorecardId, causeId: cause.id, effectId: effect.id });
  // The scorecard lock makes a concurrent duplicate impossible; this is belt and braces.
  if (!link) throw refused("effectId", `“${cause.title}” already drives “${effect.title}”`);
  await recordChange(
    tx,
    ctx,
    {
      actorId: ctx.userId, entityType: "objective_link", entityId: link.id, action: "create",
      after: { causeId: cause.id, effectId: effect.id, cause: cause.title, effect: effect.title },
    },
    { parentId: input.scorecardId },
  );
  return link;
}

export async function removeObjectiveLink(tx: Tx, ctx: WriteContext, input: { scorecardId: string; linkId: string }): Promise<ObjectiveLink> {
  if (!(await lockScorecard(tx, ctx, input.scorecardId))) throw new AppError("not_found", "This scorecard was not found.");
  const link = await deleteObjectiveLink(tx, ctx, input.scorecardId, input.linkId);
  if (!link) throw new AppError("not_found", "This link was not found: someone may have removed it already.");
  const titles = await findObjectives(tx, ctx, [link.causeId, link.effectId]);
  await recordChange(
    tx,
    ctx,
    {
      actorId: ctx.userId, entityType: "objective_link", entityId: link.id, action: "delete",
      before: { causeId: link.causeId, effectId: link.effectId, cause: titles.get(link.causeId)?.title, effect: titles.get(link.effectId)?.title },
    },
    { parentId: input.scorecardId },
  );
  return link;
}
