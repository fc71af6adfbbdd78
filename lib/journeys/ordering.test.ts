import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedPositions, insertAt, moveBetween, moveWithin, stepTarget } from "./ordering";

const ids = ["a", "b", "c", "d", "e", "f"];

describe("moveWithin", () => {
  it("puts the item at the requested index, shifting the ones between", () => {
    expect(moveWithin(ids, "a", 1)).toEqual({ ok: true, order: ["b", "a", "c", "d", "e", "f"] });
    expect(moveWithin(ids, "f", 0)).toEqual({ ok: true, order: ["f", "a", "b", "c", "d", "e"] });
    expect(moveWithin(ids, "b", 4)).toEqual({ ok: true, order: ["a", "c", "d", "e", "b", "f"] });
    expect(moveWithin(ids, "c", 2)).toEqual({ ok: true, order: ids });
  });

  it("refuses impossible positions with a message naming the position and the range", () => {
    expect(moveWithin(ids, "a", 6)).toEqual({ ok: false, message: "Position must be a whole number from 0 to 5" });
    expect(moveWithin(ids, "a", -1)).toEqual({ ok: false, message: "Position must be a whole number from 0 to 5" });
    expect(moveWithin(ids, "a", 1.5)).toMatchObject({ ok: false });
    expect(moveWithin(ids, "a", Number.NaN)).toMatchObject({ ok: false });
    expect(moveWithin(["a"], "a", 1)).toEqual({ ok: false, message: "Position must be 0: the list has only one place" });
    expect(moveWithin(ids, "z", 0)).toMatchObject({ ok: false });
  });

  it("keeps every item exactly once and lands the item where asked (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 15 }), fc.nat(), fc.nat(), (list, pick, to) => {
        const id = list[pick % list.length]!;
        const position = to % list.length;
        const result = moveWithin(list, id, position);
        if (!result.ok) return false;
        return result.order.length === list.length && new Set(result.order).size === list.length && result.order[position] === id && list.every((x) => result.order.includes(x));
      }),
    );
  });

  it("preserves the relative order of the other items (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (numbers, pick, to) => {
        const list = numbers.map(String);
        const id = list[pick % list.length]!;
        const result = moveWithin(list, id, to % list.length);
        return result.ok && JSON.stringify(result.order.filter((x) => x !== id)) === JSON.stringify(list.filter((x) => x !== id));
      }),
    );
  });
});

describe("insertAt", () => {
  it("appends by default and accepts 0 … length", () => {
    expect(insertAt(["a", "b"], "n")).toEqual({ ok: true, order: ["a", "b", "n"] });
    expect(insertAt(["a", "b"], "n", 0)).toEqual({ ok: true, order: ["n", "a", "b"] });
    expect(insertAt([], "n", 0)).toEqual({ ok: true, order: ["n"] });
    expect(insertAt(["a", "b"], "n", 3)).toEqual({ ok: false, message: "Position must be a whole number from 0 to 2" });
    expect(insertAt(["a"], "a", 0)).toMatchObject({ ok: false });
  });
});

describe("moveBetween", () => {
  it("takes the item out of one list and into the other at the index", () => {
    expect(moveBetween(["a", "b", "c"], ["x", "y"], "b", 1)).toEqual({ ok: true, source: ["a", "c"], target: ["x", "b", "y"] });
    expect(moveBetween(["a"], [], "a", 0)).toEqual({ ok: true, source: [], target: ["a"] });
  });

  it("refuses a slot beyond the end of the target and an item not in the source", () => {
    expect(moveBetween(["a"], [], "a", 1)).toEqual({ ok: false, message: "Position must be 0: the list has only one place" });
    expect(moveBetween(["a"], ["x"], "a", 5)).toEqual({ ok: false, message: "Position must be a whole number from 0 to 1" });
    expect(moveBetween(["a"], ["x"], "q", 0)).toMatchObject({ ok: false });
  });
});

describe("changedPositions", () => {
  it("lists only the rows whose stored position differs from their new index", () => {
    const rows = ids.map((id, position) => ({ id, position }));
    const moved = moveWithin(ids, "a", 2);
    expect(moved.ok && changedPositions(rows, moved.order)).toEqual([
      { id: "b", position: 0 },
      { id: "c", position: 1 },
      { id: "a", position: 2 },
    ]);
    // Gaps left by deletions are closed.
    expect(changedPositions([{ id: "a", position: 0 }, { id: "c", position: 2 }], ["a", "c"])).toEqual([{ id: "c", position: 1 }]);
  });
});

describe("stepTarget (keyboard moves)", () => {
  it("gives the neighbouring index, or null at either edge", () => {
    expect(stepTarget(ids, "a", 1)).toBe(1);
    expect(stepTarget(ids, "a", -1)).toBeNull();
    expect(stepTarget(ids, "f", 1)).toBeNull();
    expect(stepTarget(ids, "d", -1)).toBe(2);
    expect(stepTarget(ids, "zz", 1)).toBeNull();
  });
});
