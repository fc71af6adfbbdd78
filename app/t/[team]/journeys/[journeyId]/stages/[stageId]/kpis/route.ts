// GET /t/[team]/journeys/[journeyId]/stages/[stageId]/kpis — all of a stage's KPIs, worst first, as
// the canvas draws them: the page sends only the first few, "Show all" fetches the rest.
import { z } from "zod";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { notFound, problemJson, toAppError } from "@/lib/errors";
import type { CanvasStageKpi } from "@/lib/journeys/canvas";
import { loadKeptCanvas } from "@/lib/journeys/kept-canvas";

export const dynamic = "force-dynamic";

const id = z.uuid();

export async function GET(request: Request, { params }: { params: Promise<{ team: string; journeyId: string; stageId: string }> }): Promise<Response> {
  try {
    const { team: slug, journeyId, stageId } = await params;
    // A route handler is a public endpoint: it authorizes itself (401 → 404 → 403), whatever the middleware did.
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "journeys.read");
    if (!id.safeParse(journeyId).success || !id.safeParse(stageId).success) throw notFound("This stage");
    // The page's own kept canvas: opening a stage's list costs no query while the team's data stands still.
    const stage = (await loadKeptCanvas(ctx, team, journeyId))?.stages.find((s) => s.id === stageId);
    if (!stage) throw notFound("This stage");
    const body: { kpis: CanvasStageKpi[] } = { kpis: stage.kpis };
    return Response.json(body, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return problemJson(toAppError(error, "stage kpis"));
  }
}
