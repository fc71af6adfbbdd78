// GET /t/[team]/api/scorecards/[scorecardId]/export — every KPI of the scorecard with all its values, as a CSV streamed in batches.
import { listScorecardKpisInOrder } from "@/db/queries/api-reads";
import { findInTeam } from "@/db/queries/versioned";
import { scorecards } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { problemFrom, problemResponse } from "@/lib/api/problem";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { exportLines, streamOf } from "@/lib/csv-import/export-csv";
import { isUuid } from "@/lib/dashboards/ids";
import { AppError, toAppError } from "@/lib/errors";
import { teamToday } from "@/lib/scorecards/evaluate";
import { slugify } from "@/lib/validation/primitives";

export async function GET(request: Request, { params }: { params: Promise<{ team: string; scorecardId: string }> }): Promise<Response> {
  const { pathname } = new URL(request.url);
  try {
    const { team: slug, scorecardId } = await params;
    // A route handler is a public endpoint: it authorizes itself (401 → 404 → 403).
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "scorecards.read");
    if (!isUuid(scorecardId)) throw new AppError("not_found", "This scorecard was not found.");
    const found = await inTeam(ctx.teamId, async (tx) => {
      const scorecard = await findInTeam(tx, scorecards, ctx, scorecardId);
      return scorecard && { scorecard, kpis: await listScorecardKpisInOrder(tx, ctx, scorecardId) };
    });
    if (!found) throw new AppError("not_found", "This scorecard was not found.");
    const today = teamToday({ timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth });
    const fileName = `${slugify(found.scorecard.name) || "scorecard"}_kpis-and-measurements_${today}.csv`;
    return new Response(streamOf(exportLines(ctx, found.kpis)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return problemResponse(problemFrom(toAppError(error, "csv export"), { bearer: false }), pathname);
  }
}
