import { describe, expect, it } from "vitest";
import { isMultiCellText, parsePastedBlock, placePastedBlock, type PastedBlock } from "./paste";

const ok = (block: PastedBlock) => {
  if (!block.ok) throw new Error(block.message);
  return block;
};

describe("parsePastedBlock", () => {
  it("reads a copied spreadsheet column: one value per line, trailing newline ignored", () => {
    const block = ok(parsePastedBlock("41\r\n42,5\r\n44\r\n"));
    expect(block.rows).toBe(3);
    expect(block.cols).toBe(1);
    expect(block.cells.map((c) => c.value)).toEqual([41, 42.5, 44]);
    expect(block.cells.map((c) => c.row)).toEqual([0, 1, 2]);
  });

  it("reads rows of tab-separated cells, keeping blanks as blanks", () => {
    const block = ok(parsePastedBlock("1\t2\n\t4\n5"));
    expect(block.rows).toBe(3);
    expect(block.cols).toBe(2);
    expect(block.cells).toEqual([
      { row: 0, col: 0, raw: "1", value: 1 },
      { row: 0, col: 1, raw: "2", value: 2 },
      { row: 1, col: 0, raw: "", value: null },
      { row: 1, col: 1, raw: "4", value: 4 },
      { row: 2, col: 0, raw: "5", value: 5 },
    ]);
  });

  it("unquotes quoted fields", () => {
    expect(ok(parsePastedBlock('"1,5"\n"2"')).cells.map((c) => c.value)).toEqual([1.5, 2]);
  });

  it("refuses the whole block for one value that is not a number, naming it and its line", () => {
    const block = parsePastedBlock("41\n42\nabc\n44");
    expect(block).toEqual({ ok: false, row: 2, col: 0, message: '"abc" (line 3 of the pasted block) is not a number' });
  });

  it("names row and column in a block of several columns", () => {
    const block = parsePastedBlock("1\t2\n3\tx");
    expect(block.ok).toBe(false);
    if (!block.ok) expect(block.message).toBe('"x" (row 2, column 2 of the pasted block) is not a number');
  });

  it("refuses an empty clipboard and a block of blanks", () => {
    expect(parsePastedBlock("").ok).toBe(false);
    expect(parsePastedBlock("\n\n").ok).toBe(false);
    expect(parsePastedBlock("\t\n\t").ok).toBe(false);
  });

  it("refuses blocks larger than the limit", () => {
    expect(parsePastedBlock(Array.from({ length: 2001 }, () => "1").join("\n")).ok).toBe(false);
  });
});

describe("isMultiCellText", () => {
  it("tells a block from a single value (a trailing newline alone does not make a block)", () => {
    expect(isMultiCellText("12,5")).toBe(false);
    expect(isMultiCellText("12,5\n")).toBe(false);
    expect(isMultiCellText("1\n2")).toBe(true);
    expect(isMultiCellText("1\t2")).toBe(true);
  });
});

describe("placePastedBlock", () => {
  const grid = { rows: 4, cols: 3 };
  const cellAt = (row: number, col: number) => `${row}:${col}`;

  it("fills downwards from the focused cell, skipping blanks", () => {
    const block = ok(parsePastedBlock("1\n\n3"));
    const placed = placePastedBlock(block, { row: 1, col: 2 }, cellAt, grid);
    expect(placed).toEqual({
      ok: true,
      targets: [
        { target: "1:2", cell: { row: 0, col: 0, raw: "1", value: 1 } },
        { target: "3:2", cell: { row: 2, col: 0, raw: "3", value: 3 } },
      ],
    });
  });

  it("refuses a block that runs past the grid, saying how much room there is", () => {
    const block = ok(parsePastedBlock("1\n2\n3"));
    const placed = placePastedBlock(block, { row: 2, col: 0 }, cellAt, grid);
    expect(placed.ok).toBe(false);
    if (!placed.ok) expect(placed.message).toBe("The pasted block (3 rows × 1 column) does not fit: from this cell there is room for 2 rows × 3 columns. Nothing was pasted.");
  });

  it("lets trailing blanks hang over the edge", () => {
    const block = ok(parsePastedBlock("1\t\n2\t"));
    expect(placePastedBlock(block, { row: 0, col: 2 }, cellAt, grid).ok).toBe(true);
  });
});
