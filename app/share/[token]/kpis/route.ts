// GET /share/[token]/kpis?perspective&period… — one perspective's objectives and KPI cards on the shared dashboard (authorized by the share token; no view is counted).
import { dashboardDataProblem, kpiCardsResponse, readKpiCardsQuery } from "@/lib/dashboards/history-response";
import { AppError, toAppError } from "@/lib/errors";
import { openSharedKpiCards } from "@/lib/sharing/shared-dashboard";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const { perspectiveId, searchParams } = readKpiCardsQuery(request);
    // A dead token, another team's perspective and one of another scorecard are the same 404.
    const body = await openSharedKpiCards(token, perspectiveId, searchParams);
    if (!body) throw new AppError("not_found", "This perspective was not found.");
    return kpiCardsResponse(body);
  } catch (error) {
    return dashboardDataProblem(toAppError(error, "shared kpi cards"));
  }
}
