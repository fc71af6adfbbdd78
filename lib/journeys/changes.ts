// Activity entries for journey edits: one entry per field that actually changed, with before → after.
import type { ActivityEntry } from "@/db/queries/activity";

export type Actor = { teamId: string; userId: string | null };

export function fieldChanges<T extends Record<string, unknown>>(
  actor: Actor,
  entityType: ActivityEntry["entityType"],
  entityId: string,
  before: T,
  after: T,
  fields: ReadonlyArray<keyof T & string>,
): ActivityEntry[] {
  const entries = fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ actorId: actor.userId, entityType, entityId, action: "update" as const, field, before: before[field] ?? null, after: after[field] ?? null }));
  // Saving without a change is still an accepted write (the version moved): log it once.
  return entries.length ? entries : [{ actorId: actor.userId, entityType, entityId, action: "update" }];
}
