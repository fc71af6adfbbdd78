import { describe, expect, it } from "vitest";
import { buildCascade, contributionProblem, contributionsOffTree, countGaps, type CascadeObjective } from "./cascade";
import { buildOrgTree } from "./org-tree";

const tree = buildOrgTree([
  { id: "co", name: "Company", parentId: null },
  { id: "sales", name: "Sales", parentId: "co" },
  { id: "emea", name: "EMEA", parentId: "sales" },
  { id: "support", name: "Support", parentId: "co" },
]);
const grey = { score: null, status: "grey" as const, coverage: { scored: 0, total: 0 } };
const obj = (id: string, scorecardId: string): CascadeObjective => ({ id, title: id, scorecardId, rollup: grey });

describe("the ancestor rule", () => {
  it("allows a parent or grandparent, refuses itself, siblings and units below, naming both", () => {
    expect(contributionProblem(tree, { title: "a", scorecardId: "emea" }, { title: "b", scorecardId: "co" })).toBeNull();
    expect(contributionProblem(tree, { title: "a", scorecardId: "emea" }, { title: "b", scorecardId: "sales" })).toBeNull();
    expect(contributionProblem(tree, { title: "a", scorecardId: "emea" }, { title: "b", scorecardId: "emea" })).toContain("“EMEA” is not above “EMEA”");
    expect(contributionProblem(tree, { title: "a", scorecardId: "emea" }, { title: "b", scorecardId: "support" })).toBe(
      "“b” cannot receive a contribution from “a”: “Support” is not above “EMEA” in the tree.",
    );
    expect(contributionProblem(tree, { title: "a", scorecardId: "co" }, { title: "b", scorecardId: "sales" })).not.toBeNull();
  });

  it("finds the contributions a changed tree leaves off", () => {
    const moved = buildOrgTree([...tree.byId.values()].map((n) => (n.scorecard.id === "emea" ? { ...n.scorecard, parentId: "support" } : n.scorecard)));
    const links = [
      { objectiveId: "e1", parentObjectiveId: "s1", scorecardId: "emea", parentScorecardId: "sales" },
      { objectiveId: "e1", parentObjectiveId: "c1", scorecardId: "emea", parentScorecardId: "co" },
    ];
    expect(contributionsOffTree(tree, links)).toEqual([]);
    expect(contributionsOffTree(moved, links)).toEqual([links[0]]);
  });
});

describe("the cascade view", () => {
  it("shows contributors level by level and flags gaps only where units below exist", () => {
    const objectives = [obj("c1", "co"), obj("c2", "co"), obj("s1", "sales"), obj("e1", "emea"), obj("u1", "support")];
    const nodes = buildCascade(tree, "co", objectives, [
      { objectiveId: "s1", parentObjectiveId: "c1" },
      { objectiveId: "e1", parentObjectiveId: "s1" },
      { objectiveId: "u1", parentObjectiveId: "c1" },
    ]);
    expect(nodes.map((n) => [n.objective.id, n.gap, n.contributors.map((c) => [c.scorecardName, c.objective.id, c.gap])])).toEqual([
      ["c1", false, [["Sales", "s1", false], ["Support", "u1", false]]],
      ["c2", true, []],
    ]);
    // EMEA has no units below: its objective is no gap even without contributors.
    expect(nodes[0]!.contributors[0]!.contributors.map((c) => [c.objective.id, c.gap])).toEqual([["e1", false]]);
    expect(countGaps(nodes)).toBe(1);
  });

  it("flags a gap at a lower level too, and never loops on a stored cycle", () => {
    const nodes = buildCascade(tree, "co", [obj("c1", "co"), obj("s1", "sales")], [
      { objectiveId: "s1", parentObjectiveId: "c1" },
      { objectiveId: "c1", parentObjectiveId: "s1" },
    ]);
    expect(nodes[0]!.contributors[0]!.objective.id).toBe("s1");
    expect(nodes[0]!.contributors[0]!.gap).toBe(true);
    expect(countGaps(nodes)).toBe(1);
  });
});
