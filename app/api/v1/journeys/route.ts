// GET /api/v1/journeys — active journeys, a page at a time; POST — create one from a stage template.
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { createdKey, decodeCursor, pageOf } from "@/lib/api/cursor";
import { operations } from "@/lib/api/operations";
import { loadJourneyJson, loadJourneySummaries } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.listJourneys, async ({ tx, ctx, query }) => {
  const after = decodeCursor("journeys", query.cursor, createdKey);
  const rows = await loadJourneySummaries(tx, ctx, { after, limit: query.limit + 1 });
  const page = pageOf(rows, query.limit, "journeys", (row) => row.key);
  return { body: { data: page.items.map((row) => row.json), nextCursor: page.nextCursor } };
});

export const POST = apiRoute(operations.createJourney, async ({ tx, ctx, calendar, body }) => {
  const { journey } = await createJourneyFromTemplate(tx, ctx, { name: body.name, personaName: body.persona, template: body.template });
  const json = (await loadJourneyJson(tx, ctx, calendar, journey.id))!;
  return { body: json, location: `/api/v1/journeys/${journey.id}` };
});
