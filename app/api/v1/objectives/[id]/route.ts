// PATCH /api/v1/objectives/{id} — change the fields sent; DELETE — move it to the recycle bin (both need If-Match).
import { listObjectiveStageIds } from "@/db/queries/objectives";
import { findInTeam } from "@/db/queries/versioned";
import { objectives } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { replaceContributions } from "@/lib/scorecards/contributions";
import { deleteObjective, updateObjective } from "@/lib/scorecards/manage-objectives";
import { operations } from "@/lib/api/operations";
import { loadObjectiveJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";
import { getBinEntryOrThrow, recycleBinEntryJson } from "@/lib/recycle-bin/recycle-bin";

export const PATCH = apiRoute(
  operations.updateObjective,
  async ({ tx, ctx, calendar, params, body, ifMatch }) => {
    const current = await findInTeam(tx, objectives, ctx, params.id!);
    if (!current) throw new AppError("not_found", "This objective was not found.");
    // A PATCH names only what changes; the service takes the whole objective, so fill in the rest.
    await updateObjective(tx, ctx, {
      objectiveId: current.id,
      version: ifMatch,
      perspectiveId: body.perspectiveId ?? current.perspectiveId,
      title: body.title ?? current.title,
      description: body.description ?? current.description,
      ownerId: body.ownerId === undefined ? current.ownerId : body.ownerId,
      weight: body.weight ?? current.weight,
      stageIds: body.stageIds ?? (await listObjectiveStageIds(tx, ctx, current.id)),
    });
    if (body.contributesTo !== undefined) await replaceContributions(tx, ctx, current.id, body.contributesTo);
    const json = (await loadObjectiveJson(tx, ctx, calendar, current.id))!;
    return { body: json, version: json.version };
  },
  {
    async current(tx, { ctx, calendar }, params) {
      const json = await loadObjectiveJson(tx, ctx, calendar, params.id!);
      return json && { body: json, version: json.version };
    },
  },
);

// DELETE /api/v1/objectives/{id} — move it to the team's recycle bin, if If-Match names the current version.
export const DELETE = apiRoute(
  operations.deleteObjective,
  async ({ tx, ctx, params, ifMatch }) => {
    const deleted = await deleteObjective(tx, ctx, { objectiveId: params.id!, version: ifMatch });
    return { body: recycleBinEntryJson(await getBinEntryOrThrow(tx, ctx, deleted.recycleBinId)) };
  },
  {
    async current(tx, { ctx, calendar }, params) {
      const json = await loadObjectiveJson(tx, ctx, calendar, params.id!);
      return json && { body: json, version: json.version };
    },
  },
);
