// GET /t/[team]/dashboards/[scorecardId]/kpis/[kpiId]/history?from&to — one KPI's values for the dashboard's detail chart, fetched when it is opened.
import { inTeam } from "@/db/tenant";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { isUuid } from "@/lib/dashboards/ids";
import { loadKpiHistoryIn } from "@/lib/dashboards/load-dashboard";
import { AppError, problemJson, toAppError } from "@/lib/errors";
import { kpiHistoryResponse, readHistoryWindow } from "@/lib/dashboards/history-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ team: string; scorecardId: string; kpiId: string }> }) {
  const { team: slug, scorecardId, kpiId } = await params;
  try {
    // Route handlers are public endpoints: this one authorizes itself (401 → 404 → 403), never relying on a layout.
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "scorecards.read");
    if (!isUuid(scorecardId) || !isUuid(kpiId)) throw new AppError("not_found", "This KPI was not found.");
    const window = readHistoryWindow(request);
    const points = await inTeam(ctx.teamId, (tx) => loadKpiHistoryIn(tx, ctx, team, scorecardId, kpiId, window));
    if (!points) throw new AppError("not_found", "This KPI was not found.");
    return kpiHistoryResponse(points);
  } catch (error) {
    return problemJson(toAppError(error, "kpi history"));
  }
}
