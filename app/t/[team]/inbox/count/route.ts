// GET /t/[team]/inbox/count — the header badge's figures: unread notifications and KPIs due.
// Fetched by the browser after the page, so a page's own statements do not include the badge's.
import { inTeam } from "@/db/tenant";
import { problemFrom, problemResponse } from "@/lib/api/problem";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { getInboxCounts } from "@/lib/collaboration/inbox";
import { toAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export interface InboxCounts {
  unread: number;
  due: number;
}

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  try {
    // Route handlers are public endpoints: this one authorizes itself (401 → 404), never relying on a layout.
    const { ctx, team, user } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "team.read");
    const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
    const counts: InboxCounts = await inTeam(ctx.teamId, (tx) => getInboxCounts(tx, ctx, user.id, calendar));
    return Response.json(counts, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return problemResponse(problemFrom(toAppError(error, "inbox count"), { bearer: false }), new URL(request.url).pathname);
  }
}
