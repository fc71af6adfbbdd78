// Which fields a write changed, as activity entries (field, before → after). Target,
// range top and red threshold carry the reason the person gave: that is the target history.
import type { ActivityEntry } from "@/db/queries/activity";

export const TARGET_FIELDS = ["target", "targetMax", "redThreshold"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export function isTargetField(field: string | null | undefined): field is TargetField {
  return (TARGET_FIELDS as readonly string[]).includes(field ?? "");
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return String(a instanceof Date ? a.toISOString() : a) === String(b instanceof Date ? b.toISOString() : b);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields among `fields` whose value differs between `before` and `after`. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: ReadonlyArray<keyof T & string>) {
  return fields
    .filter((field) => field in after && !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** One "update" activity entry per changed field; `reason` goes with target fields only. */
export function changeEntries<T extends Record<string, unknown>>(
  subject: { entityType: ActivityEntry["entityType"]; entityId: string; actorId: string | null },
  before: T,
  after: Partial<T>,
  fields: ReadonlyArray<keyof T & string>,
  reason?: string | null,
): ActivityEntry[] {
  const why = reason?.trim() ? reason.trim() : null;
  return changedFields(before, after, fields).map((change) => ({
    ...subject,
    action: "update" as const,
    field: change.field,
    before: change.before,
    after: change.after,
    reason: isTargetField(change.field) ? why : null,
  }));
}
