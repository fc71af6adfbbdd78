// POST /api/v1/objectives — create an objective in a perspective (through the editor's service),
// with the objectives above it contributes to (`contributesTo`, ancestors' objectives only).
import { replaceContributions } from "@/lib/scorecards/contributions";
import { createObjective } from "@/lib/scorecards/manage-objectives";
import { operations } from "@/lib/api/operations";
import { loadObjectiveJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const POST = apiRoute(operations.createObjective, async ({ tx, ctx, calendar, body }) => {
  const objective = await createObjective(tx, ctx, body);
  if (body.contributesTo.length) await replaceContributions(tx, ctx, objective.id, body.contributesTo);
  const json = (await loadObjectiveJson(tx, ctx, calendar, objective.id))!;
  return { body: json, version: json.version };
});
