// The organisation tree against a real database (#21): moving a scorecard (cycles refused by name,
// another team's parent is a 404, nothing written on refusal), a parent on create, deleting a
// scorecard with children (moved up or deleted too) and restoring one whose parent is gone,
// contributions to ancestors only, contributions dropped by a move, and the Cascade action.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import "@/lib/recycle-bin/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { insertMembership } from "@/db/queries/memberships";
import { listOrgScorecards } from "@/db/queries/org-tree";
import { countQueries } from "@/db/query-counter";
import { listBinItems } from "@/db/queries/recycle-bin";
import { createUser } from "@/db/queries/users";
import { objectiveContributions, objectives, perspectives, scorecards, teams, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { loadCascadeView } from "@/lib/scorecards/cascade-view";
import { loadScorecardEditor } from "@/lib/scorecards/editor-data";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function world() {
  const owner = await createUser({ email: `${unique("owner")}@example.test`, name: "Owner", emailVerified: clock.now() });
  const team = await createTeam(owner.id, unique("Team"));
  const viewer = await createUser({ email: `${unique("viewer")}@example.test`, name: "Viewer", emailVerified: clock.now() });
  await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, viewer.id, "viewer"));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  return { team, owner, viewer };
}

async function refused(promise: Promise<ActionResult>, status: number) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(status);
  return failure;
}

const q = <T>(team: Team, fn: Parameters<typeof inTeam<T>>[1]) => inTeam(team.id, fn);
const org = (team: Team) => q(team, (tx) => listOrgScorecards(tx, { teamId: team.id }));
const scorecardRow = async (team: Team, id: string) => (await org(team)).find((s) => s.id === id);

async function card(team: Team, user: User, name: string, parentId?: string) {
  return (await ok<{ id: string }>(run("scorecards.create", user, { team: team.slug, name, parentId: parentId ?? "" }))).id;
}

async function objectiveIn(team: Team, user: User, scorecardId: string, title: string, kind: "financial" | "customer" = "financial") {
  const [p] = await q(team, (tx) => tx.select().from(perspectives).where(and(eq(perspectives.teamId, team.id), eq(perspectives.scorecardId, scorecardId), eq(perspectives.kind, kind))));
  return (await ok<{ id: string; version: number }>(run("objectives.create", user, { team: team.slug, perspectiveId: p!.id, title, description: `${title} described` }))).id;
}

const versionOf = async (team: Team, table: typeof objectives | typeof scorecards, id: string) =>
  (await q(team, (tx) => tx.select({ v: table.version }).from(table).where(and(eq(table.teamId, team.id), eq(table.id, id)))))[0]!.v;

const contributionsOf = (team: Team) =>
  q(team, (tx) => tx.select({ objectiveId: objectiveContributions.objectiveId, parentObjectiveId: objectiveContributions.parentObjectiveId }).from(objectiveContributions).where(eq(objectiveContributions.teamId, team.id)));

describe("moving a scorecard in the tree", () => {
  it("creates under a parent, moves under another and to the top, with activity", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA");
    expect((await scorecardRow(team, sales))?.parentId).toBe(company);

    const moved = await ok<{ version: number; parentId: string }>(run("scorecards.move", owner, { team: team.slug, scorecardId: emea, version: 1, parentId: sales }));
    expect(moved).toMatchObject({ version: 2, parentId: sales });
    const log = await q(team, (tx) => listActivity(tx, { teamId: team.id }, { entityId: emea }));
    expect(log.some((a) => a.field === "parentId" && a.after === sales)).toBe(true);

    await ok(run("scorecards.move", owner, { team: team.slug, scorecardId: emea, version: 2, parentId: "" }));
    expect((await scorecardRow(team, emea))?.parentId).toBeNull();
  });

  it("refuses a cycle naming both scorecards, and writes nothing", async () => {
    const { team, owner } = await world();
    const sales = await card(team, owner, "Sales");
    const emea = await card(team, owner, "EMEA", sales);
    const paris = await card(team, owner, "Paris", emea);
    const loop = await refused(run("scorecards.move", owner, { team: team.slug, scorecardId: sales, version: 1, parentId: paris }), 422);
    expect(loop.message).toBe("“Sales” cannot go under “Paris”: “Paris” is inside “Sales”, so the tree would loop.");
    expect(loop.fieldErrors?.parentId).toEqual([loop.message]);
    const self = await refused(run("scorecards.update", owner, { team: team.slug, scorecardId: sales, version: 1, name: "Sales", parentId: sales }), 422);
    expect(self.message).toContain("“Sales” cannot be its own parent");
    expect(await scorecardRow(team, sales)).toMatchObject({ parentId: null, version: 1, name: "Sales" });
  });

  it("treats another team's scorecard as a parent that does not exist (404), on move and on create", async () => {
    const a = await world();
    const b = await world();
    const mine = await card(a.team, a.owner, "Mine");
    const theirs = await card(b.team, b.owner, "Theirs");
    const move = await refused(run("scorecards.move", a.owner, { team: a.team.slug, scorecardId: mine, version: 1, parentId: theirs }), 404);
    expect(move.fieldErrors?.parentId).toBeDefined();
    await refused(run("scorecards.create", a.owner, { team: a.team.slug, name: "Child", parentId: theirs }), 404);
    expect((await org(a.team)).map((s) => [s.name, s.parentId])).toEqual([["Mine", null]]);
  });

  it("refuses a viewer (403)", async () => {
    const { team, owner, viewer } = await world();
    const a = await card(team, owner, "A");
    const b = await card(team, owner, "B");
    await refused(run("scorecards.move", viewer, { team: team.slug, scorecardId: a, version: 1, parentId: b }), 403);
  });
});

describe("contributions", () => {
  it("lets an objective contribute to an objective of an ancestor only, and removes it again", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    const support = await card(team, owner, "Support", company);
    const grow = await objectiveIn(team, owner, company, "Grow revenue");
    const emeaGrow = await objectiveIn(team, owner, emea, "Grow EMEA");
    const supportGoal = await objectiveIn(team, owner, support, "Happy customers");

    // Grandparent: allowed, and the objective's version moves on.
    const added = await ok<{ version: number }>(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaGrow, version: 1, parentObjectiveId: grow }));
    expect(added.version).toBe(2);
    expect(await contributionsOf(team)).toEqual([{ objectiveId: emeaGrow, parentObjectiveId: grow }]);

    // A sibling unit, a unit below, and its own scorecard: refused by name, nothing written.
    const sibling = await refused(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaGrow, version: 2, parentObjectiveId: supportGoal }), 422);
    expect(sibling.message).toBe("“Happy customers” cannot receive a contribution from “Grow EMEA”: “Support” is not above “EMEA” in the tree.");
    const below = await refused(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: grow, version: 1, parentObjectiveId: emeaGrow }), 422);
    expect(below.message).toContain("“EMEA” is not above “Company”");
    expect(below.fieldErrors?.parentObjectiveId).toBeDefined();
    const other = await world();
    const foreignCard = await card(other.team, other.owner, "Elsewhere");
    const foreign = await objectiveIn(other.team, other.owner, foreignCard, "Theirs");
    await refused(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaGrow, version: 2, parentObjectiveId: foreign }), 404);
    expect(await contributionsOf(team)).toHaveLength(1);
    expect(await versionOf(team, objectives, emeaGrow)).toBe(2);

    await ok(run("objectives.contribution_remove", owner, { team: team.slug, objectiveId: emeaGrow, version: 2, parentObjectiveId: grow }));
    expect(await contributionsOf(team)).toEqual([]);
  });

  it("drops the contributions a move leaves pointing at a scorecard no longer above, and says how many", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    const support = await card(team, owner, "Support", company);
    const grow = await objectiveIn(team, owner, company, "Grow");
    const sell = await objectiveIn(team, owner, sales, "Sell");
    const emeaSell = await objectiveIn(team, owner, emea, "Sell in EMEA");
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaSell, version: 1, parentObjectiveId: sell }));
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaSell, version: 2, parentObjectiveId: grow }));
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: sell, version: 1, parentObjectiveId: grow }));

    // EMEA moves from Sales to Support: "Sell" is no longer above it; Company still is.
    const moved = await ok<{ droppedContributions: number }>(run("scorecards.move", owner, { team: team.slug, scorecardId: emea, version: 1, parentId: support }));
    expect(moved.droppedContributions).toBe(1);
    expect(await contributionsOf(team)).toEqual(expect.arrayContaining([{ objectiveId: emeaSell, parentObjectiveId: grow }, { objectiveId: sell, parentObjectiveId: grow }]));
    expect(await contributionsOf(team)).toHaveLength(2);
    expect(await versionOf(team, objectives, emeaSell)).toBe(4);
    const log = await q(team, (tx) => listActivity(tx, { teamId: team.id }, { entityId: emeaSell }));
    expect(log.find((a) => a.field === "contributesTo" && a.after === null)?.reason).toContain("“EMEA” moved in the organisation tree");

    // Moving Sales (with its objective contributing to Company) to the top drops that one too.
    const top = await ok<{ droppedContributions: number }>(run("scorecards.move", owner, { team: team.slug, scorecardId: sales, version: 1, parentId: "" }));
    expect(top.droppedContributions).toBe(1);
    expect(await contributionsOf(team)).toEqual([{ objectiveId: emeaSell, parentObjectiveId: grow }]);
  });
});

describe("deleting a scorecard with children", () => {
  it("asks what becomes of them, and writes nothing without an answer", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    await card(team, owner, "Sales", company);
    const asked = await refused(run("scorecards.delete", owner, { team: team.slug, scorecardId: company, version: 1 }), 422);
    expect(asked.message).toBe("“Company” has 1 sub-scorecard: choose whether they move up or are deleted too.");
    expect(asked.fieldErrors?.children).toBeDefined();
    expect(await org(team)).toHaveLength(2);
  });

  it("moves them up to the deleted one's parent", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    const apac = await card(team, owner, "APAC", sales);
    const deleted = await ok<{ movedChildren: string[]; recycleBinId: string }>(run("scorecards.delete", owner, { team: team.slug, scorecardId: sales, version: 1, children: "move_up" }));
    expect(deleted.movedChildren.sort()).toEqual([emea, apac].sort());
    const rows = await org(team);
    expect(rows.map((s) => [s.name, s.parentId]).sort()).toEqual([["APAC", company], ["Company", null], ["EMEA", company]].sort());
    expect((await scorecardRow(team, emea))?.version).toBe(2);
    expect((await q(team, (tx) => listBinItems(tx, { teamId: team.id }))).map((i) => i.label)).toEqual(["Sales"]);
  });

  it("deletes them too, each into the recycle bin; a child restored before its parent comes back at the top", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    const grow = await objectiveIn(team, owner, company, "Grow");
    const emeaGrow = await objectiveIn(team, owner, emea, "Grow EMEA");
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaGrow, version: 1, parentObjectiveId: grow }));

    const deleted = await ok<{ deletedChildren: string[] }>(run("scorecards.delete", owner, { team: team.slug, scorecardId: sales, version: 1, children: "delete" }));
    expect(deleted.deletedChildren).toEqual([emea]);
    expect((await org(team)).map((s) => s.name)).toEqual(["Company"]);
    const bin = await q(team, (tx) => listBinItems(tx, { teamId: team.id }));
    expect(bin.map((i) => i.label).sort()).toEqual(["EMEA", "Sales"]);

    // EMEA back first: its parent is in the bin, so it comes back as a root, and its contribution
    // to Company's objective (no longer above it) is left out.
    const emeaItem = bin.find((i) => i.label === "EMEA")!;
    const restored = await ok<{ skipped: Record<string, number> }>(run("recycle_bin.restore", owner, { team: team.slug, itemId: emeaItem.id }));
    expect(restored.skipped).toMatchObject({ parent: 1, objective_contributions: 1 });
    expect((await scorecardRow(team, emea))?.parentId).toBeNull();
    expect(await contributionsOf(team)).toEqual([]);

    // Sales back afterwards goes under Company again.
    await ok(run("recycle_bin.restore", owner, { team: team.slug, itemId: bin.find((i) => i.label === "Sales")!.id }));
    expect((await scorecardRow(team, sales))?.parentId).toBe(company);
  });

  it("restores a deleted parent with the contributions its children made to it", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const grow = await objectiveIn(team, owner, company, "Grow");
    const sell = await objectiveIn(team, owner, sales, "Sell");
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: sell, version: 1, parentObjectiveId: grow }));
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("scorecards.delete", owner, { team: team.slug, scorecardId: company, version: 1, children: "delete" }));
    const bin = await q(team, (tx) => listBinItems(tx, { teamId: team.id }));
    await ok(run("recycle_bin.restore", owner, { team: team.slug, itemId: recycleBinId }));
    await ok(run("recycle_bin.restore", owner, { team: team.slug, itemId: bin.find((i) => i.label === "Sales")!.id }));
    expect(await contributionsOf(team)).toEqual([{ objectiveId: sell, parentObjectiveId: grow }]);
  });
});

describe("Cascade", () => {
  it("creates a child whose objectives copy the parent's and contribute to them, in one transaction", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const grow = await objectiveIn(team, owner, company, "Grow revenue", "financial");
    const happy = await objectiveIn(team, owner, company, "Delight customers", "customer");
    const made = await ok<{ id: string; objectives: number }>(run("scorecards.cascade", owner, { team: team.slug, scorecardId: company, name: "Sales" }));
    expect(made.objectives).toBe(2);
    expect(await scorecardRow(team, made.id)).toMatchObject({ name: "Sales", parentId: company });
    const copies = await q(team, (tx) =>
      tx
        .select({ id: objectives.id, title: objectives.title, description: objectives.description, kind: perspectives.kind })
        .from(objectives)
        .innerJoin(perspectives, and(eq(perspectives.teamId, objectives.teamId), eq(perspectives.id, objectives.perspectiveId)))
        .where(and(eq(objectives.teamId, team.id), eq(objectives.scorecardId, made.id))),
    );
    expect(copies.map((c) => [c.title, c.description, c.kind]).sort()).toEqual([
      ["Delight customers", "Delight customers described", "customer"],
      ["Grow revenue", "Grow revenue described", "financial"],
    ]);
    const links = await contributionsOf(team);
    expect(links).toHaveLength(2);
    expect(links).toEqual(
      expect.arrayContaining([
        { objectiveId: copies.find((c) => c.title === "Grow revenue")!.id, parentObjectiveId: grow },
        { objectiveId: copies.find((c) => c.title === "Delight customers")!.id, parentObjectiveId: happy },
      ]),
    );
  });

  it("respects the plan's limit and writes nothing when refused", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    await objectiveIn(team, owner, company, "Grow");
    const { db } = await getDbHandle();
    await db.update(teams).set({ plan: "free", subscriptionStatus: "none" }).where(eq(teams.id, team.id));
    await refused(run("scorecards.cascade", owner, { team: team.slug, scorecardId: company, name: "Sales" }), 402);
    expect(await org(team)).toHaveLength(1);
    expect(await contributionsOf(team)).toEqual([]);
  });
});

describe("the cascade view", () => {
  const calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
  const view = (team: Team, id: string) => q(team, (tx) => loadCascadeView(tx, { teamId: team.id }, id, calendar, "2026-06-15"));

  it("shows contributors level by level with their scorecard, and flags gaps where units below exist", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const grow = await objectiveIn(team, owner, company, "Grow");
    const keep = await objectiveIn(team, owner, company, "Keep customers", "customer");
    const sales = (await ok<{ id: string }>(run("scorecards.cascade", owner, { team: team.slug, scorecardId: company, name: "Sales" }))).id;
    const emea = (await ok<{ id: string }>(run("scorecards.cascade", owner, { team: team.slug, scorecardId: sales, name: "EMEA" }))).id;
    // Keep customers at Sales stops contributing: Company's "Keep customers" becomes a gap.
    const salesKeep = (await q(team, (tx) => tx.select().from(objectives).where(and(eq(objectives.teamId, team.id), eq(objectives.scorecardId, sales), eq(objectives.title, "Keep customers")))))[0]!;
    await ok(run("objectives.contribution_remove", owner, { team: team.slug, objectiveId: salesKeep.id, version: 1, parentObjectiveId: keep }));

    const data = (await view(team, company))!;
    expect(data.unitsBelow).toBe(2);
    const shape = (nodes: NonNullable<typeof data>["nodes"]): unknown[] => nodes.map((n) => [n.scorecardName, n.objective.title, n.gap, shape(n.contributors)]);
    expect(shape(data.nodes)).toEqual([
      ["Company", "Grow", false, [["Sales", "Grow", false, [["EMEA", "Grow", false, []]]]]],
      ["Company", "Keep customers", true, []],
    ]);
    expect(data.nodes[0]!.objective.id).toBe(grow);
    expect(data.nodes[0]!.objective.rollup.status).toBe("grey");
    expect(data.gaps).toBe(1);
    // From Sales down: its "Keep customers" still has EMEA's copy below it.
    expect(shape((await view(team, sales))!.nodes).map((n) => (n as unknown[])[2])).toEqual([false, false]);
    // A unit with nothing below has no gaps.
    expect((await view(team, emea))!.gaps).toBe(0);
  });

  it("loads in the same number of queries for a small and a large tree", async () => {
    const small = await world();
    const sCompany = await card(small.team, small.owner, "Company");
    await objectiveIn(small.team, small.owner, sCompany, "Grow");
    await ok(run("scorecards.cascade", small.owner, { team: small.team.slug, scorecardId: sCompany, name: "Sales" }));

    const large = await world();
    const lCompany = await card(large.team, large.owner, "Company");
    for (const title of ["Grow", "Profit", "Scale"]) await objectiveIn(large.team, large.owner, lCompany, title);
    for (const unit of ["Sales", "Support", "Product"]) {
      const child = (await ok<{ id: string }>(run("scorecards.cascade", large.owner, { team: large.team.slug, scorecardId: lCompany, name: unit }))).id;
      for (const sub of ["North", "South"]) await ok(run("scorecards.cascade", large.owner, { team: large.team.slug, scorecardId: child, name: `${unit} ${sub}` }));
    }
    const a = await countQueries(() => view(small.team, sCompany));
    const b = await countQueries(() => view(large.team, lCompany));
    expect(a.result!.unitsBelow).toBe(1);
    expect(b.result!.unitsBelow).toBe(9);
    expect(b.result!.nodes.flatMap((n) => n.contributors.flatMap((c) => c.contributors))).toHaveLength(18);
    expect(b.count).toBe(a.count);
    expect(a.count).toBeLessThanOrEqual(9);
  });
});

describe("every scorecard page's place in the tree", () => {
  const calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };
  const editor = (team: Team, id: string) => q(team, (tx) => loadScorecardEditor(tx, { teamId: team.id }, id, calendar, "2026-06-15"));

  it("gives the breadcrumb, the units below, where it may move, and what its objectives may contribute to", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    await card(team, owner, "Support", company);
    const grow = await objectiveIn(team, owner, company, "Grow");
    const sell = await objectiveIn(team, owner, sales, "Sell");
    const emeaSell = await objectiveIn(team, owner, emea, "Sell in EMEA");
    await ok(run("objectives.contribution_add", owner, { team: team.slug, objectiveId: emeaSell, version: 1, parentObjectiveId: sell }));

    const data = (await editor(team, emea))!;
    expect(data.place.ancestors.map((a) => a.name)).toEqual(["Company", "Sales"]);
    expect(data.place.children).toEqual([]);
    expect((await editor(team, sales))!.place.children.map((c) => c.name)).toEqual(["EMEA"]);
    // Sales may go anywhere but under itself or EMEA.
    expect((await editor(team, sales))!.place.parentOptions.map((p) => [p.name, p.depth])).toEqual([["Company", 0], ["Support", 1]]);
    expect(data.contributions.targets.map((t) => [t.title, t.scorecardName])).toEqual([["Grow", "Company"], ["Sell", "Sales"]]);
    expect(data.contributions.byObjective).toEqual({ [emeaSell]: [sell] });
    expect(data.contributions.targets.some((t) => t.id === grow)).toBe(true);
    // A root has nothing above it to contribute to.
    expect((await editor(team, company))!.contributions.targets).toEqual([]);
  });

  it("costs the same number of queries at a root and deep down, whatever the tree's size", async () => {
    const { team, owner } = await world();
    const company = await card(team, owner, "Company");
    const sales = await card(team, owner, "Sales", company);
    const emea = await card(team, owner, "EMEA", sales);
    const root = await countQueries(() => editor(team, company));
    const deep = await countQueries(() => editor(team, emea));
    for (const name of ["A", "B", "C", "D"]) await card(team, owner, name, sales);
    await objectiveIn(team, owner, company, "Grow");
    await objectiveIn(team, owner, sales, "Sell");
    const deepAfter = await countQueries(() => editor(team, emea));
    expect(deep.count).toBe(root.count);
    expect(deepAfter.count).toBe(deep.count);
    // The editor's 8 reads and the RLS binding: the place in the tree came at no extra statement.
    expect(deep.count).toBeLessThanOrEqual(9);
  });
});
