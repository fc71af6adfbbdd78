// Live-edit latency: N members hold /api/events open; the bench writes changes through
// recordChange (the same path every accepted write takes: activity row + NOTIFY in one
// transaction) and times each change from just before its transaction to each stream's receipt.
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { inTeam } from "@/db/tenant";
import { percentile, round } from "./stats";

export interface LiveResult {
  listeners: number;
  edits: number;
  received: number;
  lost: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  error?: string;
}

interface Listener {
  ready: Promise<void>;
  close(): void;
}

/** Opens one SSE stream and reports every "change" frame's entity id with its arrival time. */
function listen(url: string, cookie: string, onChange: (entityId: string, at: number) => void): Listener {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  void (async () => {
    try {
      const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`events stream answered HTTP ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of response.body) {
        const at = performance.now();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === "ready") markReady();
          if (event === "change" && data) onChange((JSON.parse(data) as { id: string }).id, at);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) fail(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return { ready, close: () => controller.abort() };
}

export async function measureLiveEdits(options: {
  db: Database;
  baseUrl: string;
  teamId: string;
  teamSlug: string;
  actorId: string;
  cookies: string[];
  edits: number;
  gapMs: number;
}): Promise<LiveResult> {
  const { db, cookies, edits } = options;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const url = `${options.baseUrl}/api/events?team=${encodeURIComponent(options.teamSlug)}`;
  const listeners = cookies.map((cookie) =>
    listen(url, cookie, (id, at) => {
      const sent = sentAt.get(id);
      if (sent !== undefined) latencies.push(at - sent);
    }),
  );
  const result = (error?: string): LiveResult => ({
    listeners: cookies.length,
    edits,
    received: latencies.length,
    lost: edits * cookies.length - latencies.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(percentile(latencies, 100)),
    ...(error ? { error } : {}),
  });
  try {
    await Promise.race([Promise.all(listeners.map((l) => l.ready)), new Promise((_, reject) => setTimeout(() => reject(new Error("streams not ready within 15 s")), 15_000))]);
    const ctx = { teamId: options.teamId };
    for (let i = 0; i < edits; i++) {
      const entityId = randomUUID();
      sentAt.set(entityId, performance.now());
      await inTeam(ctx.teamId, (tx) => recordChange(tx, ctx, { actorId: options.actorId, entityType: "kpi", entityId, action: "update", field: "target", reason: "bench" }, { version: i + 2 }), db);
      await new Promise((resolve) => setTimeout(resolve, options.gapMs));
    }
    const deadline = performance.now() + 5_000;
    while (latencies.length < edits * cookies.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return result();
  } catch (error) {
    return result(error instanceof Error ? error.message : String(error));
  } finally {
    for (const l of listeners) l.close();
  }
}
