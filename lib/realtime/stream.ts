import { listActivitySince } from "@/db/queries/activity";
import type { ChangeEvent } from "@/db/queries/changes";
import { findMemberTeam } from "@/db/queries/teams";
import { inTeam } from "@/db/tenant";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { subscribe } from "./hub";

/**
 * The Server-Sent Events stream of one signed-in member of one team. It forwards only that
 * team's events, replays what a reconnecting client missed (Last-Event-ID = activity seq),
 * and ends as soon as the session or the membership does.
 */
const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function frame(event: { id?: number; type?: string; data: unknown }): Uint8Array {
  const lines = [];
  if (event.id !== undefined) lines.push(`id: ${event.id}`);
  if (event.type) lines.push(`event: ${event.type}`);
  lines.push(`data: ${JSON.stringify(event.data)}`);
  return encoder.encode(`${lines.join("\n")}\n\n`);
}

export async function openTeamStream(request: Request, slug: string): Promise<Response> {
  const user = await userFromCookieHeader(request.headers.get("cookie"));
  if (!user) throw new AppError("unauthenticated", "Please sign in.");
  const member = await findMemberTeam(user.id, slug);
  if (!member) throw new AppError("not_found", "This team was not found.");
  const teamId = member.team.id;
  const lastEventId = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId") ?? NaN);

  // Still signed in and still a member? Checked on a timer and whenever membership changes.
  const stillAllowed = async () => Boolean((await userFromCookieHeader(request.headers.get("cookie"))) && (await findMemberTeam(user.id, slug)));

  let cleanup = () => {};
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = cancelled;
      let queue = Promise.resolve();
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(chunk);
        } catch {
          // The client went away between two events.
          close();
        }
      };

      send(encoder.encode(`retry: 2000\n\n`));
      const unsubscribe = await subscribe(teamId, (payload) => {
        // Serialize so a membership re-check finishes before later events are forwarded.
        queue = queue.then(async () => {
          if (closed) return;
          let event: ChangeEvent & { type?: string };
          try {
            event = JSON.parse(payload);
          } catch {
            return;
          }
          if (event.e === "membership" && !(await stillAllowed())) {
            send(frame({ type: "revoked", data: { reason: "membership" } }));
            return close();
          }
          send(frame({ id: event.s, type: event.type === "presence" ? "presence" : "change", data: event }));
        });
      });

      if (Number.isFinite(lastEventId)) {
        const missed = await inTeam(teamId, (tx) => listActivitySince(tx, { teamId }, lastEventId));
        for (const row of missed) {
          send(frame({ id: row.seq, type: "change", data: { e: row.entityType, id: row.entityId, op: row.action, a: row.actorId, s: row.seq, replay: true } }));
        }
      }
      send(frame({ type: "ready", data: { team: slug } }));

      const heartbeat = setInterval(() => {
        queue = queue.then(async () => {
          if (closed) return;
          if (!(await stillAllowed())) {
            send(frame({ type: "revoked", data: { reason: "session" } }));
            return close();
          }
          send(encoder.encode(`: heartbeat\n\n`));
        });
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
      cancelled = true;
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
