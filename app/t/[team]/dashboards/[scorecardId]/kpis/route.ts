// GET /t/[team]/dashboards/[scorecardId]/kpis?perspective&period… — one perspective's objectives and KPI cards, fetched as the dashboard scrolls to them.
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { kpiCardsResponse, readKpiCardsQuery } from "@/lib/dashboards/history-response";
import { isUuid } from "@/lib/dashboards/ids";
import { loadKpiCards } from "@/lib/dashboards/load-dashboard";
import { AppError, problemJson, toAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  try {
    // Route handlers are public endpoints: this one authorizes itself (401 → 404 → 403), never relying on a layout.
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "scorecards.read");
    if (!isUuid(scorecardId)) throw new AppError("not_found", "This scorecard was not found.");
    const { perspectiveId, searchParams } = readKpiCardsQuery(request);
    const body = await loadKpiCards(ctx, team, scorecardId, perspectiveId, searchParams);
    if (!body) throw new AppError("not_found", "This perspective was not found.");
    return kpiCardsResponse(body);
  } catch (error) {
    return problemJson(toAppError(error, "kpi cards"));
  }
}
