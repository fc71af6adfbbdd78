// Clipboard text from a spreadsheet → a block of numbers, and where that block lands in the
// grid. Spreadsheets copy rows as lines and cells as tab-separated fields, so a copied column
// is one value per line. All-or-nothing: one cell that is not a number refuses the block.
import { parseDecimal } from "./decimal";

/** A pasted cell: its place in the block (0-based), the text, and the number (null = left blank). */
export interface PastedCell {
  row: number;
  col: number;
  raw: string;
  value: number | null;
}

export type PastedBlock =
  | { ok: true; rows: number; cols: number; cells: PastedCell[] }
  | { ok: false; message: string; row?: number; col?: number };

export const MAX_PASTE_CELLS = 2000;

/** True when clipboard text holds more than one cell (and so is a block, not one value). */
export function isMultiCellText(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""));
}

/** Quoted fields (Google Sheets and Excel quote cells holding tabs, newlines or quotes). */
function unquote(field: string): string {
  const match = /^"([\s\S]*)"$/.exec(field.trim());
  return match ? match[1]!.replace(/""/g, '"') : field;
}

/** Parses tab/newline-separated text. Blank cells stay blank (they leave the grid cell as it is). */
export function parsePastedBlock(text: string): PastedBlock {
  const lines = text.split(/\r\n|\n|\r/);
  // A copy ends with a newline; trailing blank lines are not cells.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  if (lines.length === 0) return { ok: false, message: "The clipboard holds no values to paste" };

  const grid = lines.map((line) => line.split("\t").map(unquote));
  const rows = grid.length;
  const cols = Math.max(...grid.map((cells) => cells.length));
  if (rows * cols > MAX_PASTE_CELLS) {
    return { ok: false, message: `The pasted block has ${rows * cols} cells; paste at most ${MAX_PASTE_CELLS} at once` };
  }

  const cells: PastedCell[] = [];
  for (const [row, fields] of grid.entries()) {
    for (const [col, raw] of fields.entries()) {
      const parsed = parseDecimal(raw);
      if (parsed.ok) {
        cells.push({ row, col, raw, value: parsed.value });
      } else if (parsed.reason === "empty") {
        cells.push({ row, col, raw, value: null });
      } else {
        const where = cols > 1 ? `row ${row + 1}, column ${col + 1}` : `line ${row + 1}`;
        return { ok: false, row, col, message: `${JSON.stringify(raw.trim())} (${where} of the pasted block) is not a number` };
      }
    }
  }
  if (cells.every((c) => c.value === null)) return { ok: false, message: "The clipboard holds no values to paste" };
  return { ok: true, rows, cols, cells };
}

export type Placement<T> =
  | { ok: true; targets: Array<{ target: T; cell: PastedCell & { value: number } }> }
  | { ok: false; message: string };

/**
 * Lays a block onto a grid from the focused cell down and to the right. `cellAt(row, col)`
 * returns the grid cell there, or undefined where there is none (past the last row or
 * column, or a cell that cannot be edited). Any non-blank value without a cell refuses the
 * whole block; blank values are skipped.
 */
export function placePastedBlock<T>(
  block: Extract<PastedBlock, { ok: true }>,
  start: { row: number; col: number },
  cellAt: (row: number, col: number) => T | undefined,
  describe: { rows: number; cols: number },
): Placement<T> {
  const targets: Array<{ target: T; cell: PastedCell & { value: number } }> = [];
  for (const cell of block.cells) {
    if (cell.value === null) continue;
    const row = start.row + cell.row;
    const col = start.col + cell.col;
    const target = row < describe.rows && col < describe.cols ? cellAt(row, col) : undefined;
    if (target === undefined) {
      const size = `${block.rows} ${block.rows === 1 ? "row" : "rows"} × ${block.cols} ${block.cols === 1 ? "column" : "columns"}`;
      const room = `${describe.rows - start.row} ${describe.rows - start.row === 1 ? "row" : "rows"} × ${describe.cols - start.col} ${describe.cols - start.col === 1 ? "column" : "columns"}`;
      return {
        ok: false,
        message: `The pasted block (${size}) does not fit: from this cell there is room for ${room}. Nothing was pasted.`,
      };
    }
    targets.push({ target, cell: cell as PastedCell & { value: number } });
  }
  return { ok: true, targets };
}
