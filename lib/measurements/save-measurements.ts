// Writing measurements, in the caller's (team-bound) transaction: one cell or a pasted block,
// all-or-nothing. Every write is conditional on what the person saw: the version of the value
// they saw, or no version for a cell they saw empty; a cell that changed meanwhile, or that
// someone filled meanwhile, is a 409 with the current value, never silently overwritten. Only
// the public API's POST, documented as an upsert of one period, opts out (`upsert`).
import type { Tx } from "@/db/client";
import type { ActivityEntry } from "@/db/queries/activity";
import { recordChange } from "@/db/queries/changes";
import { deleteMeasurement, findKpisInScorecard, findMeasurement, insertMeasurement, updateMeasurement } from "@/db/queries/measurements";
import type { Measurement } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isIsoDate, type TeamCalendar } from "@/lib/periods";
import { checkMeasurements } from "@/lib/validation/measurements";
import { cellLabel } from "./rules";

export interface MeasurementItem {
  kpiId: string;
  period: string;
  value: string | number;
  /** The version the person saw; absent when they saw an empty cell. */
  version?: number;
  /** Absent keeps the note; "" clears it. */
  note?: string;
}

export interface SavedMeasurement {
  id: string;
  kpiId: string;
  period: string;
  value: number;
  note: string;
  version: number;
  outcome: "created" | "updated" | "unchanged";
}

interface WriteContext {
  teamId: string;
  userId: string | null;
}

/** What the activity log keeps of a value: enough to name the cell and show before → after. */
const snapshot = (m: Pick<Measurement, "kpiId" | "period" | "value" | "note">) => ({ kpiId: m.kpiId, period: m.period, value: m.value, note: m.note });

const conflict = (label: string, current: Measurement | null) =>
  new AppError("conflict", `${label} was changed by someone else since you opened it.`, { current });

export async function saveMeasurements(
  tx: Tx,
  ctx: WriteContext,
  input: { scorecardId: string; calendar: TeamCalendar; today: string; items: MeasurementItem[]; fieldPrefix?: string; upsert?: boolean },
): Promise<SavedMeasurement[]> {
  const kpiIds = [...new Set(input.items.map((i) => i.kpiId))];
  const kpisById = await findKpisInScorecard(tx, ctx, input.scorecardId, kpiIds);
  // Another team's KPI, or one of another scorecard: not found, never "forbidden".
  if (kpisById.size !== kpiIds.length) throw new AppError("not_found", "This KPI was not found.");

  const { checked, errors, firstMessage } = checkMeasurements(input.items, kpisById, input.calendar, input.today, input.fieldPrefix);
  if (firstMessage) {
    const more = input.items.length > 1 ? " Nothing was saved." : "";
    throw new AppError("validation", `${firstMessage}.${more}`, { fieldErrors: errors });
  }

  // The same cell twice in one block: the later value wins, as in any upsert.
  const byCell = new Map<string, { item: MeasurementItem; value: number; label: string }>();
  for (const c of checked) byCell.set(`${c.kpi.id}|${c.period}`, { item: input.items[c.index]!, value: c.value, label: c.label });
  // A fixed lock order, so two concurrent blocks cannot deadlock on each other's rows.
  const cells = [...byCell.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, cell]) => cell);

  const saved: SavedMeasurement[] = [];
  const entries: ActivityEntry[] = [];
  for (const { item, value, label } of cells) {
    let existing = await findMeasurement(tx, ctx, item.kpiId, item.period, { forUpdate: true });
    if (item.version !== undefined && existing?.version !== item.version) throw conflict(label, existing ?? null);

    if (!existing) {
      const created = await insertMeasurement(tx, ctx, { kpiId: item.kpiId, period: item.period, value, note: item.note ?? "", enteredBy: ctx.userId });
      if (created) {
        saved.push({ ...snapshot(created), id: created.id, version: created.version, outcome: "created" });
        entries.push({ actorId: ctx.userId, entityType: "measurement", entityId: created.id, action: "create", field: "value", before: null, after: snapshot(created) });
        continue;
      }
      // Someone inserted this cell between our read and our insert: update theirs (an upsert).
      existing = (await findMeasurement(tx, ctx, item.kpiId, item.period, { forUpdate: true }))!;
    }

    const note = item.note ?? existing.note;
    if (existing.value === value && existing.note === note) {
      saved.push({ ...snapshot(existing), id: existing.id, version: existing.version, outcome: "unchanged" });
      continue;
    }
    // Seen empty (no version), but someone entered a value since: theirs stands until the person chooses.
    if (item.version === undefined && !input.upsert) throw conflict(label, existing);
    const updated = await updateMeasurement(tx, ctx, existing.id, existing.version, { value, note, enteredBy: ctx.userId });
    saved.push({ ...snapshot(updated), id: updated.id, version: updated.version, outcome: "updated" });
    entries.push({ actorId: ctx.userId, entityType: "measurement", entityId: updated.id, action: "update", field: "value", before: snapshot(existing), after: snapshot(updated) });
  }

  const only = saved.length === 1 ? saved[0] : undefined;
  await recordChange(tx, ctx, entries, { version: only?.version, parentId: input.scorecardId });
  return saved;
}

/** Removes the value of one cell, if it is still the version the person saw. */
export async function removeMeasurement(
  tx: Tx,
  ctx: WriteContext,
  input: { scorecardId: string; calendar: TeamCalendar; kpiId: string; period: string; version: number },
): Promise<{ kpiId: string; period: string }> {
  const kpi = (await findKpisInScorecard(tx, ctx, input.scorecardId, [input.kpiId])).get(input.kpiId);
  if (!kpi) throw new AppError("not_found", "This KPI was not found.");
  if (!isIsoDate(input.period)) {
    throw new AppError("validation", `${kpi.name}: period ${JSON.stringify(input.period)} is not a date (YYYY-MM-DD).`, {
      fieldErrors: { period: [`Period ${JSON.stringify(input.period)} is not a date (YYYY-MM-DD)`] },
    });
  }
  const label = cellLabel(kpi.name, input.period, kpi.frequency, input.calendar);
  const existing = await findMeasurement(tx, ctx, input.kpiId, input.period, { forUpdate: true });
  if (!existing || existing.version !== input.version) throw conflict(label, existing ?? null);
  const removed = await deleteMeasurement(tx, ctx, existing.id, input.version);
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "measurement", entityId: removed.id, action: "delete", field: "value", before: snapshot(removed), after: null },
    { parentId: input.scorecardId },
  );
  return { kpiId: input.kpiId, period: input.period };
}
