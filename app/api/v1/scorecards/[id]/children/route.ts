// GET /api/v1/scorecards/{id}/children — the scorecards one level below in the organisation tree, scored.
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/operations";
import { loadScorecardChildren } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.listScorecardChildren, async ({ tx, ctx, calendar, params }) => {
  const data = await loadScorecardChildren(tx, ctx, calendar, params.id!);
  if (!data) throw new AppError("not_found", "This scorecard was not found.");
  return { body: { data } };
});
