import { listActivitySince } from "@/db/queries/activity";
import type { ChangeEvent } from "@/db/queries/changes";
import { findMembershipByUser } from "@/db/queries/memberships";
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

/**
 * Open streams one instance holds at most: per person (a tab each; more is a script), and in
 * all. Each stream holds a connection, a listener and a timer, so without a cap one account
 * could exhaust an instance. Past either, the stream is refused with a 429 and Retry-After.
 */
export const STREAM_LIMITS = { perUser: 10, total: 2000 } as const;

const globalStreams = globalThis as unknown as { __cairnStreams?: { total: number; byUser: Map<string, number> } };
const open = (globalStreams.__cairnStreams ??= { total: 0, byUser: new Map() });

/** Streams this instance holds open now (for tests and the cap). */
export function openStreamCount(userId?: string): number {
  return userId ? (open.byUser.get(userId) ?? 0) : open.total;
}

/** Takes a slot for one more stream of `userId`; the returned function gives it back (once). */
function takeStreamSlot(userId: string): () => void {
  const mine = open.byUser.get(userId) ?? 0;
  if (mine >= STREAM_LIMITS.perUser || open.total >= STREAM_LIMITS.total) {
    throw new AppError("rate_limited", `Too many live connections: close some tabs of this app (at most ${STREAM_LIMITS.perUser} at once).`, { retryAfter: 10 });
  }
  open.byUser.set(userId, mine + 1);
  open.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open.total--;
    const left = (open.byUser.get(userId) ?? 1) - 1;
    if (left > 0) open.byUser.set(userId, left);
    else open.byUser.delete(userId);
  };
}

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

  // Still signed in and still a member of this team? Checked on a timer and whenever membership
  // changes, by the team's id: a slug can change hands (renamed here, taken by another team of theirs).
  const stillAllowed = async () =>
    Boolean((await userFromCookieHeader(request.headers.get("cookie"))) && (await inTeam(teamId, (tx) => findMembershipByUser(tx, { teamId }, user.id))));

  const release = takeStreamSlot(user.id);
  let cleanup = () => {};
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await run(controller);
      } catch (error) {
        // Nothing else will give the slot back if the stream never came up.
        release();
        throw error;
      }
    },
    cancel() {
      cleanup();
      release();
      cancelled = true;
    },
  });

  async function run(controller: ReadableStreamDefaultController<Uint8Array>) {
    let closed = cancelled;
    let queue = Promise.resolve();
    const close = () => {
      if (closed) return;
      closed = true;
      cleanup();
      release();
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
    // Closed, cancelled or aborted while this was being set up: undo what close() could not yet.
    if (closed || cancelled || request.signal.aborted) {
      closed = true;
      cleanup();
      release();
    }
  }

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
