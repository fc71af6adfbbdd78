// GET /api/v1/scorecards/{id} — perspectives → objectives → KPIs with latest value, status and score;
// PATCH — change the fields sent (If-Match), `parentId` moving it in the organisation tree.
import { findInTeam } from "@/db/queries/versioned";
import { scorecards } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/operations";
import { loadScorecardJson, readScorecardJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";
import { updateScorecard } from "@/lib/scorecards/manage-scorecards";

export const GET = apiRoute(operations.getScorecard, async ({ tx, ctx, team, calendar, params }) => {
  const json = await readScorecardJson(tx, ctx, team, calendar, params.id!);
  if (!json) throw new AppError("not_found", "This scorecard was not found.");
  return { body: json };
});

export const PATCH = apiRoute(
  operations.updateScorecard,
  async ({ tx, ctx, calendar, params, body, ifMatch }) => {
    const current = await findInTeam(tx, scorecards, ctx, params.id!);
    if (!current) throw new AppError("not_found", "This scorecard was not found.");
    // A PATCH names only what changes; the service takes the whole scorecard, so fill in the rest.
    await updateScorecard(tx, ctx, {
      scorecardId: current.id,
      version: ifMatch,
      name: body.name ?? current.name,
      description: body.description ?? current.description,
      journeyId: body.journeyId === undefined ? current.journeyId : body.journeyId,
      parentId: body.parentId,
    });
    const json = (await loadScorecardJson(tx, ctx, calendar, current.id))!;
    return { body: json, version: json.version };
  },
  {
    async current(tx, { ctx, calendar }, params) {
      const json = await loadScorecardJson(tx, ctx, calendar, params.id!);
      return json && { body: json, version: json.version };
    },
  },
);
