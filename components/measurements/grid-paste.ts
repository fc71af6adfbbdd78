// Where a block pasted into the measurements grid lands: parsed, placed from the focused cell
// down and to the right, every value checked as the server will. Fetched once the page is idle
// (MeasurementGrid), not with it: pasting is rarer than typing.
import type { GridColumn, GridRow } from "@/lib/measurements/grid-model";
import { parsePastedBlock, placePastedBlock } from "@/lib/measurements/paste";
import { parseMeasurementValue } from "@/lib/measurements/values";

export interface PasteTarget {
  kpi: GridRow;
  col: number;
  column: GridColumn;
  /** The pasted text for this cell. */
  raw: string;
}

export function planPaste(
  text: string,
  start: { row: number; col: number },
  rows: readonly GridRow[],
  columns: readonly GridColumn[],
  labelOf: (kpi: GridRow, column: GridColumn) => string,
): { ok: true; targets: PasteTarget[] } | { ok: false; message: string } {
  const block = parsePastedBlock(text);
  if (!block.ok) return { ok: false, message: block.message };
  const placed = placePastedBlock(block, start, (r, c) => ({ kpi: rows[r]!, col: c, column: columns[c]! }), { rows: rows.length, cols: columns.length });
  if (!placed.ok) return { ok: false, message: placed.message };
  for (const { target, cell } of placed.targets) {
    const checked = parseMeasurementValue(cell.raw, target.kpi.unit, labelOf(target.kpi, target.column));
    if (!checked.ok) return { ok: false, message: checked.message };
  }
  return { ok: true, targets: placed.targets.map(({ target, cell }) => ({ ...target, raw: cell.raw })) };
}
