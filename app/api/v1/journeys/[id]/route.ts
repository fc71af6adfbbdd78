// GET /api/v1/journeys/{id} — the journey's stages in order, each with its health.
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/operations";
import { loadJourneyJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.getJourney, async ({ tx, ctx, calendar, params }) => {
  const json = await loadJourneyJson(tx, ctx, calendar, params.id!);
  if (!json) throw new AppError("not_found", "This journey was not found.");
  return { body: json };
});
