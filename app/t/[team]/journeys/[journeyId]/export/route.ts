// GET /t/[team]/journeys/[journeyId]/export — the journey as a JSON document (download), for import into another team.
import { z } from "zod";
import { loadJourneyTree } from "@/db/queries/journeys";
import { inTeam } from "@/db/tenant";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { AppError, problemJson, toAppError } from "@/lib/errors";
import { buildJourneyDocument, documentFileName } from "@/lib/journeys/journey-document";

const journeyId = z.uuid();

export async function GET(request: Request, { params }: { params: Promise<{ team: string; journeyId: string }> }): Promise<Response> {
  try {
    const { team, journeyId: rawId } = await params;
    // A route handler is a public endpoint: it authorizes itself, whatever the middleware did.
    const user = await userFromCookieHeader(request.headers.get("cookie"));
    const { ctx } = await resolveTeamSession(user, team, "journeys.read");
    const id = journeyId.safeParse(rawId);
    if (!id.success) throw new AppError("not_found", "This journey was not found.");
    const tree = await inTeam(ctx.teamId, (tx) => loadJourneyTree(tx, ctx, id.data));
    if (!tree) throw new AppError("not_found", "This journey was not found.");
    const document = buildJourneyDocument(tree);
    return new Response(JSON.stringify(document, null, 2), {
      status: 200,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${documentFileName(tree.journey.name)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return problemJson(toAppError(error, "journey export"));
  }
}
