import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorsOf, buildOrgTree, descendantsOf, flattenOrgTree, moveProblem, subtreeIds } from "./org-tree";

const sc = (id: string, parentId: string | null = null) => ({ id, name: id.toUpperCase(), parentId });
// company → (sales → emea, apac), (ops)
const company = [sc("company"), sc("sales", "company"), sc("ops", "company"), sc("emea", "sales"), sc("apac", "sales")];

describe("org tree", () => {
  it("nests children under parents, sorted by name, with depths", () => {
    const flat = flattenOrgTree(buildOrgTree(company)).map((n) => `${n.depth}:${n.scorecard.id}:${n.childCount}`);
    expect(flat).toEqual(["0:company:2", "1:ops:0", "1:sales:2", "2:apac:0", "2:emea:0"]);
  });

  it("answers ancestors (root first) and descendants", () => {
    const tree = buildOrgTree(company);
    expect(ancestorsOf(tree, "emea").map((s) => s.id)).toEqual(["company", "sales"]);
    expect(ancestorsOf(tree, "company")).toEqual([]);
    expect(descendantsOf(tree, "company").map((s) => s.id)).toEqual(["ops", "sales", "apac", "emea"]);
    expect([...subtreeIds(tree, "sales")].sort()).toEqual(["apac", "emea", "sales"]);
  });

  it("refuses a move that would loop, naming both scorecards", () => {
    const tree = buildOrgTree(company);
    expect(moveProblem(tree, "sales", "emea")).toBe("“SALES” cannot go under “EMEA”: “EMEA” is inside “SALES”, so the tree would loop.");
    expect(moveProblem(tree, "sales", "sales")).toBe("“SALES” cannot be its own parent.");
    expect(moveProblem(tree, "emea", "ops")).toBeNull();
    expect(moveProblem(tree, "emea", null)).toBeNull();
    expect(moveProblem(tree, "emea", "nowhere")).toBe("That scorecard was not found.");
  });

  it("makes an orphan a root and breaks a stored cycle instead of looping", () => {
    const tree = buildOrgTree([sc("a", "b"), sc("b", "a"), sc("c", "gone")]);
    const flat = flattenOrgTree(tree);
    expect(flat.map((n) => n.scorecard.id).sort()).toEqual(["a", "b", "c"]);
    expect(ancestorsOf(tree, "a").length).toBeLessThanOrEqual(1);
  });

  it("any sequence of allowed moves keeps every scorecard in the tree exactly once", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids), { nil: null })), { maxLength: 30 }), (moves) => {
        let rows = ids.map((id) => sc(id));
        for (const [id, parent] of moves) {
          if (moveProblem(buildOrgTree(rows), id, parent) === null) rows = rows.map((r) => (r.id === id ? { ...r, parentId: parent } : r));
        }
        const tree = buildOrgTree(rows);
        const flat = flattenOrgTree(tree).map((n) => n.scorecard.id);
        expect(flat.sort()).toEqual(ids);
        for (const row of rows) expect(ancestorsOf(tree, row.id).map((s) => s.id)).not.toContain(row.id);
        // Allowed moves never create a cycle, so every stored parent is honoured.
        for (const row of rows) expect(tree.byId.get(row.id)!.depth).toBe(row.parentId ? tree.byId.get(row.parentId)!.depth + 1 : 0);
      }),
    );
  });
});
