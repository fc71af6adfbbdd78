// Every accepted change goes through here: one activity row, and a NOTIFY on the team's
// channel. NOTIFY inside a transaction is delivered only when it commits, so listeners
// never hear of a change that was rolled back.
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { recordActivity, type ActivityEntry } from "./activity";

/** The live-event channel of a team (identifier-safe, well under 63 characters). */
export function teamChannel(teamId: string): string {
  return `team_${teamId.replace(/-/g, "")}`;
}

export interface ChangeEvent {
  /** entity type */
  e: ActivityEntry["entityType"];
  /** entity id */
  id: string;
  /** new version, when the entity is versioned */
  v?: number;
  /** actor (user id) */
  a?: string | null;
  /** action */
  op: ActivityEntry["action"];
  /** parent scope for cache invalidation, e.g. the scorecard or journey id */
  p?: string;
  /** activity sequence number: the live stream's event id */
  s?: number;
}

export async function recordChange(
  tx: Tx,
  ctx: { teamId: string },
  entries: ActivityEntry | ActivityEntry[],
  event: { version?: number; parentId?: string } = {},
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const seqs = await recordActivity(tx, ctx, list);
  const first = list[0]!;
  const payload: ChangeEvent = { e: first.entityType, id: first.entityId, op: first.action, a: first.actorId ?? null, s: seqs.at(-1) };
  if (event.version !== undefined) payload.v = event.version;
  if (event.parentId) payload.p = event.parentId;
  await tx.execute(sql`select pg_notify(${teamChannel(ctx.teamId)}, ${JSON.stringify(payload)})`);
}

/** Notifies without an activity row (presence, bulk imports that log one summary row). */
export async function notifyTeam(tx: Tx, ctx: { teamId: string }, payload: ChangeEvent | Record<string, unknown>): Promise<void> {
  await tx.execute(sql`select pg_notify(${teamChannel(ctx.teamId)}, ${JSON.stringify(payload)})`);
}
