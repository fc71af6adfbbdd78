// GET /share/[token]/kpis/[kpiId]/history?from&to — one KPI's values for the shared dashboard's detail chart (authorized by the share token; no view is counted).
import { isUuid } from "@/lib/dashboards/ids";
import { kpiHistoryResponse, readHistoryWindow, dashboardDataProblem } from "@/lib/dashboards/history-response";
import { AppError, toAppError } from "@/lib/errors";
import { openSharedKpiHistory } from "@/lib/sharing/shared-dashboard";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string; kpiId: string }> }) {
  const { token, kpiId } = await params;
  try {
    if (!isUuid(kpiId)) throw new AppError("not_found", "This KPI was not found.");
    const window = readHistoryWindow(request);
    // A dead token, another team's KPI and a KPI of another scorecard are the same 404.
    const points = await openSharedKpiHistory(token, kpiId, window);
    if (!points) throw new AppError("not_found", "This KPI was not found.");
    return kpiHistoryResponse(points);
  } catch (error) {
    return dashboardDataProblem(toAppError(error, "shared kpi history"));
  }
}
