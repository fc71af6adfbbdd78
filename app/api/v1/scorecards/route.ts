// GET /api/v1/scorecards — active scorecards with score and status, a page at a time; POST — create one.
import { createScorecard } from "@/lib/scorecards/manage-scorecards";
import { createdKey, decodeCursor, pageOf } from "@/lib/api/cursor";
import { operations } from "@/lib/api/operations";
import { loadScorecardJson, loadScorecardSummaries } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.listScorecards, async ({ tx, ctx, calendar, query }) => {
  const after = decodeCursor("scorecards", query.cursor, createdKey);
  const rows = await loadScorecardSummaries(tx, ctx, calendar, { after, limit: query.limit + 1 });
  const page = pageOf(rows, query.limit, "scorecards", (row) => row.key);
  return { body: { data: page.items.map((row) => row.json), nextCursor: page.nextCursor } };
});

export const POST = apiRoute(operations.createScorecard, async ({ tx, ctx, team, calendar, body }) => {
  const { scorecard } = await createScorecard(tx, ctx, team, body);
  const json = (await loadScorecardJson(tx, ctx, calendar, scorecard.id))!;
  return { body: json, location: `/api/v1/scorecards/${scorecard.id}` };
});
