// GET /api/v1/scorecards/{id} — perspectives → objectives → KPIs with latest value, status and score.
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/operations";
import { readScorecardJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.getScorecard, async ({ tx, ctx, team, calendar, params }) => {
  const json = await readScorecardJson(tx, ctx, team, calendar, params.id!);
  if (!json) throw new AppError("not_found", "This scorecard was not found.");
  return { body: json };
});
