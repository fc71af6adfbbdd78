// Many measurements in one all-or-nothing write (REST batch, CSV import), in the caller's
// team-bound transaction. Same rules and messages as the grid (checkMeasurements), same
// upsert semantics (later item wins, absent note keeps the stored one) and the same
// activity rows per changed cell, so a cell's history reads the same whichever way its value
// came in. Unlike saveMeasurements (three statements per cell), the writes are set-based.
import type { Tx } from "@/db/client";
import { notifyTeam, type ChangeEvent } from "@/db/queries/changes";
import { insertCellsLogged, lockCells, updateCellsLogged, type BatchCell } from "@/db/queries/measurement-batches";
import type { Kpi } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TeamCalendar } from "@/lib/periods";
import { checkMeasurements } from "@/lib/validation/measurements";

export interface BatchItem {
  kpiId: string;
  period: string;
  value: string | number;
  /** Absent keeps the stored note; "" clears it. */
  note?: string;
}

export interface BatchResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Cells per round of statements (lock, update, insert): bounds each jsonb parameter and paces progress reports. */
export const WRITE_CHUNK = 10_000;

export async function saveMeasurementBatch(
  tx: Tx,
  ctx: { teamId: string; userId: string | null },
  input: {
    items: readonly BatchItem[];
    /** The items' KPIs with their scorecards, resolved (and scoped to the team) by the caller. */
    kpis: ReadonlyMap<string, { kpi: Kpi; scorecardId: string }>;
    calendar: TeamCalendar;
    today: string;
    /** Field-error prefix ("items" → "items.3.value"). */
    fieldPrefix?: string;
    /**
     * The caller checked every item with these rules in this transaction (the CSV import does,
     * to name lines): values are numbers and are not checked a second time.
     */
    prechecked?: boolean;
    onProgress?: (written: number, total: number) => void | Promise<void>;
  },
): Promise<BatchResult> {
  const kpisById = new Map([...input.kpis].map(([id, { kpi }]) => [id, kpi]));
  if (input.items.some((item) => !kpisById.has(item.kpiId))) throw new AppError("not_found", "This KPI was not found.");
  const checked = input.prechecked ? input.items.map((item, index) => ({ index, kpi: kpisById.get(item.kpiId)!, period: item.period, value: Number(item.value) })) : check(input, kpisById);

  // The same cell twice: the later item wins, as in any upsert. Sorted: a fixed lock order.
  const byCell = new Map<string, BatchCell>();
  for (const c of checked) {
    const note = input.items[c.index]!.note;
    byCell.set(`${c.kpi.id}|${c.period}`, { kpiId: c.kpi.id, period: c.period, value: c.value, note: note === undefined ? null : note.trim() });
  }
  const cells = [...byCell.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);

  // Items overtaken by a later one for the same cell count as unchanged: the counts add up to what was received.
  const result: BatchResult = { received: input.items.length, created: 0, updated: 0, unchanged: input.items.length - cells.length };
  let lastSeq: number | undefined;
  for (let start = 0; start < cells.length; start += WRITE_CHUNK) {
    lastSeq = (await writeChunk(tx, ctx, cells.slice(start, start + WRITE_CHUNK), result)) ?? lastSeq;
    await input.onProgress?.(Math.min(start + WRITE_CHUNK, cells.length), cells.length);
  }
  // One change event per scorecard whose values changed (recordChange's payload, about the
  // scorecard as a whole), delivered when the transaction commits.
  if (lastSeq !== undefined) {
    const scorecards = new Set(cells.map((cell) => input.kpis.get(cell.kpiId)!.scorecardId));
    for (const scorecardId of scorecards) {
      const event: ChangeEvent = { e: "measurement", id: scorecardId, op: "update", a: ctx.userId, s: lastSeq, p: scorecardId };
      await notifyTeam(tx, ctx, event);
    }
  }
  return result;
}

function check(input: { items: readonly BatchItem[]; calendar: TeamCalendar; today: string; fieldPrefix?: string }, kpisById: ReadonlyMap<string, Kpi>) {
  const { checked, errors, firstMessage } = checkMeasurements(input.items, kpisById, input.calendar, input.today, input.fieldPrefix ?? "items");
  if (firstMessage) throw new AppError("validation", `${firstMessage}. Nothing was saved.`, { fieldErrors: errors });
  return checked;
}

/** Writes one chunk: locks what is stored, updates what differs, inserts the rest; each change logged in the same statement. */
async function writeChunk(tx: Tx, ctx: { teamId: string; userId: string | null }, chunk: BatchCell[], result: BatchResult): Promise<number | undefined> {
  let pending = chunk;
  let lastSeq: number | undefined;
  const later = (seq: number | undefined) => (seq === undefined ? lastSeq : Math.max(seq, lastSeq ?? seq));
  // A cell inserted by someone else between our lock and our insert comes back skipped: it is retried as an update.
  for (let round = 0; pending.length > 0; round++) {
    if (round > 3) throw new AppError("conflict", "These values keep changing under us; nothing was saved. Please try again.");
    const stored = new Map((await lockCells(tx, ctx, pending)).map((m) => [`${m.kpiId}|${m.period}`, m]));
    const fresh: BatchCell[] = [];
    const changes: Array<{ id: string; value: number; note: string; before: { value: number; note: string } }> = [];
    for (const cell of pending) {
      const existing = stored.get(`${cell.kpiId}|${cell.period}`);
      if (!existing) {
        fresh.push(cell);
        continue;
      }
      const note = cell.note ?? existing.note;
      if (existing.value === cell.value && existing.note === note) result.unchanged++;
      else changes.push({ id: existing.id, value: cell.value, note, before: { value: existing.value, note: existing.note } });
    }
    const updated = await updateCellsLogged(tx, ctx, changes, ctx.userId);
    result.updated += updated.updated;
    lastSeq = later(updated.lastSeq);
    const inserted = await insertCellsLogged(tx, ctx, fresh, ctx.userId);
    result.created += inserted.inserted;
    lastSeq = later(inserted.lastSeq);
    const skipped = new Set(inserted.skipped.map((c) => `${c.kpiId}|${c.period}`));
    pending = fresh.filter((cell) => skipped.has(`${cell.kpiId}|${cell.period}`));
  }
  return lastSeq;
}
