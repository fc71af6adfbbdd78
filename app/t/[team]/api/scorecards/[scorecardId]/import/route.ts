// POST /t/[team]/api/scorecards/[scorecardId]/import — a checked CSV's rows, written all or nothing; answers NDJSON progress while it writes.
import { getInTeamOrThrow } from "@/db/queries/versioned";
import { scorecards } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { HttpProblem, issuesToFieldErrors, problemErrors, problemFrom, problemResponse } from "@/lib/api/problem";
import { readJsonBody } from "@/lib/api/request-body";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { assertTeamWritable } from "@/lib/billing/access";
import { checkImport, ImportRefused, importMeasurements } from "@/lib/csv-import/import-measurements";
import { importRequestSchema } from "@/lib/csv-import/rows";
import { isUuid } from "@/lib/dashboards/ids";
import { env } from "@/lib/env";
import { AppError, toAppError } from "@/lib/errors";
import { teamToday } from "@/lib/scorecards/evaluate";

/** 200,000 compact rows with short notes fit well inside; the proxy buffers at most 10 MB of a body anyway. */
const MAX_MEGABYTES = 9;

function refusal(error: unknown, pathname: string): Response {
  if (error instanceof ImportRefused) {
    const init = problemFrom(error, { bearer: false });
    return problemResponse({ ...init, errors: error.issues.map((i) => ({ line: i.line, reason: i.reason })), headers: { "x-issue-count": String(error.issueCount) } }, pathname);
  }
  return problemResponse(problemFrom(error instanceof HttpProblem ? error : toAppError(error, "csv import"), { bearer: false }), pathname);
}

export async function POST(request: Request, { params }: { params: Promise<{ team: string; scorecardId: string }> }): Promise<Response> {
  const { pathname, origin } = new URL(request.url);
  try {
    const { team: slug, scorecardId } = await params;
    // A route handler is a public endpoint: it authorizes itself (401 → 404 → 403).
    const { ctx, team } = await resolveTeamSession(await userFromCookieHeader(request.headers.get("cookie")), slug, "measurements.write");
    // Cookie-authenticated: refuse other sites' pages (the JSON content type also forces a CORS preflight we never grant).
    const from = request.headers.get("origin");
    if (from && from !== origin && from !== new URL(env().APP_URL).origin) throw new AppError("forbidden", "Imports are accepted from Cairn's own pages only.");
    if (!isUuid(scorecardId)) throw new AppError("not_found", "This scorecard was not found.");
    assertTeamWritable(team);
    const raw = await readJsonBody(request, MAX_MEGABYTES);
    const parsed = importRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = issuesToFieldErrors(parsed.error.issues);
      throw new AppError("validation", `The import is not valid: ${Object.values(fieldErrors).flat()[0]}.`, { fieldErrors });
    }
    const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
    const input = { scorecardId, calendar, today: teamToday(calendar), request: parsed.data };
    // Everything is checked before the answer starts, so a refusal is a plain 422 with line numbers.
    await inTeam(ctx.teamId, async (tx) => {
      await getInTeamOrThrow(tx, scorecards, ctx, scorecardId, "This scorecard");
      await checkImport(tx, ctx, input);
    });

    const encoder = new TextEncoder();
    // If the browser goes away mid-write, the transaction is rolled back at the next slice:
    // an import is done only when its page saw it done (and importing again is harmless).
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: Record<string, unknown>) => {
          if (!cancelled) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        };
        send({ type: "checked", rows: parsed.data.rows.length });
        try {
          const result = await inTeam(ctx.teamId, (tx) =>
            importMeasurements(tx, ctx, {
              ...input,
              onProgress(written, total) {
                if (cancelled) throw new AppError("bad_request", "The import was cancelled: nothing was saved.");
                send({ type: "progress", written, total });
              },
            }),
          );
          send({ type: "done", ...result });
        } catch (error) {
          // Rolled back: nothing of this import was written.
          const e = cancelled ? null : toAppError(error, "csv import");
          if (e) send({ type: "error", status: e.status, detail: e.message, errors: e instanceof ImportRefused ? e.issues : problemErrors(e.extra.fieldErrors) });
        }
        if (!cancelled) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(body, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
    });
  } catch (error) {
    return refusal(error, pathname);
  }
}
