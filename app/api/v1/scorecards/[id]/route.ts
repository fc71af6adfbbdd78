// GET /api/v1/scorecards/{id} — perspectives → objectives → KPIs with latest value, status and score.
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/operations";
import { loadScorecardJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.getScorecard, async ({ tx, ctx, calendar, params }) => {
  const json = await loadScorecardJson(tx, ctx, calendar, params.id!);
  if (!json) throw new AppError("not_found", "This scorecard was not found.");
  return { body: json };
});
