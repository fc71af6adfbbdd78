// GET /t/[team]/dashboards/[scorecardId]/export — CSV of the dashboard's KPIs with their measurements for the selected period.
import { inTeam } from "@/db/tenant";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { csvFileName, csvLine, dashboardCsvRows } from "@/lib/dashboards/csv";
import { isUuid } from "@/lib/dashboards/ids";
import { buildDashboardIn, loadExportMeasurements } from "@/lib/dashboards/load-dashboard";
import { AppError, toAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

function problem(error: AppError): Response {
  return Response.json(
    { type: "about:blank", title: error.title, status: error.status, detail: error.message },
    { status: error.status, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}

export async function GET(request: Request, { params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  try {
    // Route handlers are public endpoints: this one authorizes itself (401 → 404 → 403), never relying on a layout.
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "scorecards.read");
    if (!isUuid(scorecardId)) throw new AppError("not_found", "This dashboard was not found.");
    const searchParams = Object.fromEntries(new URL(request.url).searchParams);
    const data = await inTeam(ctx.teamId, async (tx) => {
      const loaded = await buildDashboardIn(tx, ctx, team, scorecardId, searchParams);
      if (!loaded) return null;
      return { ...loaded, measurements: await loadExportMeasurements(tx, ctx, loaded.model, loaded.calendar) };
    });
    if (!data) throw new AppError("not_found", "This dashboard was not found.");

    const rows = dashboardCsvRows(data.model, data.measurements, data.calendar);
    const encoder = new TextEncoder();
    // Rows are encoded as the reader pulls them, a batch at a time, instead of building one big string.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        let chunk = "";
        for (let i = 0; i < 200; i++) {
          const next = rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      },
    });
    const fileName = csvFileName(data.model.scorecard.name, data.model.period);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return problem(toAppError(error, "dashboard export"));
  }
}
