// POST /api/presence — a member's heartbeat: where they are (a scorecard or journey) and what they are editing.
import { z } from "zod";
import { notifyTeam } from "@/db/queries/changes";
import { findMemberTeam } from "@/db/queries/teams";
import { inTeam } from "@/db/tenant";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { clock } from "@/lib/clock";
import { HttpProblem } from "@/lib/api/problem";
import { readJsonBodyUpTo } from "@/lib/api/request-body";
import { AppError, toAppError } from "@/lib/errors";

/** A heartbeat is a few hundred bytes: more is refused (413) while it arrives, never read whole. */
export const PRESENCE_MAX_BYTES = 2048;

const schema = z.object({
  team: z.string().min(1).max(60),
  /** e.g. "scorecard:<uuid>" or "journey:<uuid>" */
  scope: z.string().regex(/^(scorecard|journey|dashboard):[0-9a-f-]{36}$/, "scope must be scorecard:<id>, journey:<id> or dashboard:<id>"),
  /** e.g. "kpi:<uuid>" while a field is being edited, null when not editing */
  editing: z.string().regex(/^(objective|kpi|stage|touchpoint|perspective|initiative|measurement):[0-9a-f-]{36}(:[a-zA-Z0-9_-]{1,40})?$/).nullable().optional(),
  leaving: z.boolean().optional(),
  /** Sent by a tab whose event stream has just come up: it may have missed the others' greetings, so they answer it. */
  hello: z.boolean().optional(),
});

export async function POST(request: Request) {
  try {
    const user = await userFromCookieHeader(request.headers.get("cookie"));
    if (!user) throw new AppError("unauthenticated", "Please sign in.");
    const body = await readJsonBodyUpTo(request, PRESENCE_MAX_BYTES);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AppError("validation", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const member = await findMemberTeam(user.id, parsed.data.team);
    if (!member) throw new AppError("not_found", "This team was not found.");
    const ctx = { teamId: member.team.id };
    // Presence is ephemeral: announced on the team channel, never stored.
    await inTeam(ctx.teamId, (tx) =>
      notifyTeam(tx, ctx, {
        type: "presence",
        userId: user.id,
        name: user.name ?? user.email.split("@")[0],
        scope: parsed.data.scope,
        editing: parsed.data.editing ?? null,
        leaving: parsed.data.leaving ?? false,
        hello: parsed.data.hello ?? false,
        at: clock.nowMs(),
      }),
    );
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof HttpProblem) return Response.json({ error: error.message }, { status: error.status });
    const e = toAppError(error, "presence");
    return Response.json({ error: e.message }, { status: e.status });
  }
}
