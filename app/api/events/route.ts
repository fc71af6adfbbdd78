// GET /api/events?team=<slug> — the live change stream (Server-Sent Events) of one team for a signed-in member.
import { toAppError } from "@/lib/errors";
import { openTeamStream } from "@/lib/realtime/stream";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get("team") ?? "";
  try {
    return await openTeamStream(request, slug);
  } catch (error) {
    const e = toAppError(error, "events");
    const headers = e.extra.retryAfter ? { "Retry-After": String(e.extra.retryAfter) } : undefined;
    return Response.json({ error: e.message }, { status: e.status, headers });
  }
}
