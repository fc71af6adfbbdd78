// Scorecard actions against a real database: create with default perspectives, edit, tie to
// a journey, archive/restore, delete, perspectives (rename, weight, reorder), the Free plan's
// limit, the access matrix of every editor action, and the editor's constant query count.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { insertMembership } from "@/db/queries/memberships";
import { countQueries } from "@/db/query-counter";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { listScorecards, loadScorecardTrees } from "@/db/queries/scorecards";
import type { Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import { journeys, kpis, objectives, objectiveStages, perspectives, scorecards, teams, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { loadScorecardEditor } from "@/lib/scorecards/editor-data";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });
}

async function setPlan(team: Team, plan: "free" | "team") {
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan, subscriptionStatus: plan === "free" ? "none" : "active", paidSeats: 5 }).where(eq(teams.id, team.id));
}

async function teamWithRoles(plan: "free" | "team" = "team") {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("admin"), editor: await person("editor"), viewer: await person("viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  await setPlan(team, plan);
  return { team, ...people };
}

async function refused(promise: Promise<ActionResult>, status: number) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(status);
  return failure;
}

const activityOf = (team: Team, entityId: string) => inTeam(team.id, (tx) => listActivity(tx, { teamId: team.id }, { entityId }));
const row = async <T>(team: Team, fn: Parameters<typeof inTeam<T>>[1]) => inTeam(team.id, fn);

async function journeyFor(team: Team, owner: User) {
  return row(team, (tx) => createJourneyFromTemplate(tx, { teamId: team.id, userId: owner.id }, { name: unique("Journey"), template: "lifecycle" }));
}

describe("creating a scorecard", () => {
  it("creates four default perspectives in cause-and-effect order, tied to a journey, with an activity row", async () => {
    const { team, editor, owner } = await teamWithRoles();
    const { journey } = await journeyFor(team, owner);
    const data = await ok<{ id: string }>(run("scorecards.create", editor, { team: team.slug, name: "  Company 2027 ", journeyId: journey.id }));

    const tree = await row(team, (tx) => loadScorecardTree(tx, { teamId: team.id }, data.id, "2026-01-01"));
    expect(tree?.scorecard).toMatchObject({ name: "Company 2027", journeyId: journey.id, version: 1 });
    expect(tree?.perspectives.map((p) => [p.kind, p.name, p.position, p.weight])).toEqual([
      ["financial", "Financial", 0, 1],
      ["customer", "Customer", 1, 1],
      ["internal", "Internal Processes", 2, 1],
      ["learning", "Learning & Growth", 3, 1],
    ]);
    const [created] = await activityOf(team, data.id);
    expect(created).toMatchObject({ action: "create", entityType: "scorecard", actorId: editor.id });
  });

  it("works without a journey; the journey field is optional", async () => {
    const { team, editor } = await teamWithRoles();
    const data = await ok<{ id: string }>(run("scorecards.create", editor, { team: team.slug, name: "No journey", journeyId: "" }));
    const [sc] = await row(team, (tx) => tx.select().from(scorecards).where(eq(scorecards.id, data.id)));
    expect(sc?.journeyId).toBeNull();
  });

  it("refuses bad input with the field named, and writes nothing", async () => {
    const { team, editor } = await teamWithRoles();
    expect((await refused(run("scorecards.create", editor, { team: team.slug, name: "x".repeat(501) }), 422)).fieldErrors?.name).toBeDefined();
    expect((await refused(run("scorecards.create", editor, { team: team.slug, name: "" }), 422)).fieldErrors?.name).toBeDefined();
    expect((await refused(run("scorecards.create", editor, { team: team.slug, name: "A", journeyId: "nope" }), 422)).fieldErrors?.journeyId).toBeDefined();
    expect(await row(team, (tx) => listScorecards(tx, { teamId: team.id }))).toEqual([]);
  });

  it("refuses anonymous (401), a viewer (403), a non-member (404), and another team's journey (404)", async () => {
    const { team, owner, viewer } = await teamWithRoles();
    const other = await teamWithRoles();
    await refused(run("scorecards.create", null, { team: team.slug, name: "Mine" }), 401);
    await refused(run("scorecards.create", viewer, { team: team.slug, name: "Mine" }), 403);
    await refused(run("scorecards.create", other.owner, { team: team.slug, name: "Mine" }), 404);
    // Acting in their own team, naming this team's journey.
    const { journey } = await journeyFor(team, owner);
    const foreign = await refused(run("scorecards.create", other.owner, { team: other.team.slug, name: "Mine", journeyId: journey.id }), 404);
    expect(foreign.message).toContain("journey");
    expect(await row(team, (tx) => listScorecards(tx, { teamId: team.id }))).toHaveLength(0);
    expect(await row(other.team, (tx) => listScorecards(tx, { teamId: other.team.id }))).toHaveLength(0);
  });
});

describe("the Free plan", () => {
  it("allows one active scorecard and refuses the second with 402 and a link to billing", async () => {
    const { team, editor } = await teamWithRoles("free");
    const first = await ok<{ id: string }>(run("scorecards.create", editor, { team: team.slug, name: "First" }));
    const second = await refused(run("scorecards.create", editor, { team: team.slug, name: "Second" }), 402);
    expect(second.code).toBe("payment_required");
    expect(second.message).toContain(`/t/${team.slug}/settings/billing`);

    // Archiving frees the slot; restoring the archived one is then refused while another is active.
    await ok(run("scorecards.archive", editor, { team: team.slug, scorecardId: first.id, version: 1 }));
    await ok(run("scorecards.create", editor, { team: team.slug, name: "Second" }));
    await refused(run("scorecards.restore", editor, { team: team.slug, scorecardId: first.id, version: 2 }), 402);
    expect(await row(team, (tx) => listScorecards(tx, { teamId: team.id }))).toHaveLength(2);
  });
});

describe("editing a scorecard", () => {
  it("renames and reties it; objectives stop serving the old journey's stages", async () => {
    const { team, editor, owner } = await teamWithRoles();
    const kit = await ok<{ id: string }>(run("scorecards.starter_kit", owner, { team: team.slug, template: "lifecycle" }));
    const before = await row(team, (tx) => tx.select().from(objectiveStages).where(eq(objectiveStages.teamId, team.id)));
    expect(before.length).toBeGreaterThan(0);
    const { journey } = await journeyFor(team, owner);

    const updated = await ok<{ version: number }>(
      run("scorecards.update", editor, { team: team.slug, scorecardId: kit.id, version: 1, name: "Renamed", description: "Why", journeyId: journey.id }),
    );
    expect(updated.version).toBe(2);
    expect(await row(team, (tx) => tx.select().from(objectiveStages).where(eq(objectiveStages.teamId, team.id)))).toEqual([]);
    const fields = (await activityOf(team, kit.id)).map((a) => a.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "description", "journeyId", "stageLinks"]));

    const stale = await refused(run("scorecards.update", editor, { team: team.slug, scorecardId: kit.id, version: 1, name: "Mine" }), 409);
    expect(stale.current).toMatchObject({ name: "Renamed", version: 2 });
  });

  it("archives and restores with a version check; only admins delete, after which everything under it is gone", async () => {
    const { team, editor, admin, owner } = await teamWithRoles();
    const kit = await ok<{ id: string }>(run("scorecards.starter_kit", owner, { team: team.slug, template: "funnel" }));
    const archived = await ok<{ version: number }>(run("scorecards.archive", editor, { team: team.slug, scorecardId: kit.id, version: 1 }));
    await refused(run("scorecards.restore", editor, { team: team.slug, scorecardId: kit.id, version: 1 }), 409);
    await ok(run("scorecards.restore", editor, { team: team.slug, scorecardId: kit.id, version: archived.version }));
    expect((await activityOf(team, kit.id)).map((a) => a.action)).toEqual(expect.arrayContaining(["archive", "restore"]));

    await refused(run("scorecards.delete", editor, { team: team.slug, scorecardId: kit.id, version: 3 }), 403);
    await refused(run("scorecards.delete", admin, { team: team.slug, scorecardId: kit.id, version: 2 }), 409);
    await ok(run("scorecards.delete", admin, { team: team.slug, scorecardId: kit.id, version: 3 }));
    await refused(run("scorecards.delete", admin, { team: team.slug, scorecardId: kit.id, version: 3 }), 404);
    for (const table of [perspectives, objectives, kpis] as const) {
      expect(await row(team, (tx) => tx.select().from(table).where(eq(table.teamId, team.id)))).toEqual([]);
    }
    // The journey stays: it has a life of its own.
    expect(await row(team, (tx) => tx.select().from(journeys).where(eq(journeys.teamId, team.id)))).toHaveLength(1);
    expect((await activityOf(team, kit.id))[0]).toMatchObject({ action: "delete", before: { name: "Marketing funnel scorecard" } });
  });
});

describe("perspectives", () => {
  it("renames, reweights and reorders, with versions and activity", async () => {
    const { team, editor } = await teamWithRoles();
    const sc = await ok<{ id: string }>(run("scorecards.create", editor, { team: team.slug, name: "P" }));
    const list = async () => (await row(team, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!.perspectives;
    const [financial, customer] = await list();

    await ok(run("perspectives.update", editor, { team: team.slug, perspectiveId: customer!.id, version: 1, name: "Customers & partners", weight: "2.5" }));
    expect((await list())[1]).toMatchObject({ name: "Customers & partners", weight: 2.5, version: 2 });
    expect((await activityOf(team, customer!.id)).map((a) => [a.field, a.after])).toEqual(
      expect.arrayContaining([["name", "Customers & partners"], ["weight", 2.5]]),
    );

    await ok(run("perspectives.move", editor, { team: team.slug, perspectiveId: customer!.id, version: 2, direction: "up" }));
    expect((await list()).map((p) => p.kind)).toEqual(["customer", "financial", "internal", "learning"]);
    const moved = await list();
    expect(moved[1]!.id).toBe(financial!.id);
    expect(moved[1]!.version).toBe(2);
    await refused(run("perspectives.move", editor, { team: team.slug, perspectiveId: customer!.id, version: 3, direction: "up" }), 422);
    await refused(run("perspectives.move", editor, { team: team.slug, perspectiveId: customer!.id, version: 2, direction: "down" }), 409);

    const bad = await refused(run("perspectives.update", editor, { team: team.slug, perspectiveId: customer!.id, version: 3, name: "x".repeat(600), weight: "-1" }), 422);
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "weight"]);
    const notNumber = await refused(run("perspectives.update", editor, { team: team.slug, perspectiveId: customer!.id, version: 3, name: "ok", weight: "heavy" }), 422);
    expect(notNumber.fieldErrors?.weight?.[0]).toContain("must be a number");
    expect((await list())[0]).toMatchObject({ name: "Customers & partners", version: 3 });
  });
});

/**
 * Every editor action, refused the same way: a viewer gets 403, someone acting in their own
 * team with this team's ids gets 404, a version that is not the current one gets 409.
 */
describe("access matrix of the scorecard actions", () => {
  const ACTIONS = [
    "scorecards.create", "scorecards.starter_kit", "scorecards.update", "scorecards.archive", "scorecards.restore", "scorecards.delete",
    "perspectives.update", "perspectives.move", "objectives.create", "objectives.update", "objectives.delete",
    "kpis.create", "kpis.add_from_library", "kpis.update", "kpis.change_target", "kpis.delete",
    "initiatives.create", "initiatives.update", "initiatives.delete",
  ];

  beforeAll(() => {
    for (const name of ACTIONS) expect(actionRegistry.has(name), name).toBe(true);
  });

  it("refuses viewers, other teams and stale versions on every write path", async () => {
    const world = await teamWithRoles();
    const other = await teamWithRoles();
    const kit = await ok<{ id: string }>(run("scorecards.starter_kit", world.owner, { team: world.team.slug, template: "lifecycle" }));
    const tree = (await row(world.team, (tx) => loadScorecardTree(tx, { teamId: world.team.id }, kit.id, "2026-01-01")))!;
    const objective = tree.objectives[0]!;
    const kpi = tree.kpis[0]!;
    const initiative = await ok<{ id: string; version: number }>(
      run("initiatives.create", world.editor, { team: world.team.slug, objectiveId: objective.id, title: "Pilot" }),
    );
    const perspective = tree.perspectives[1]!;
    const kpiFields = { name: kpi.name, unit: kpi.unit, currency: kpi.currency ?? "", direction: kpi.direction, baseline: kpi.baseline ?? "", target: kpi.target, targetMax: kpi.targetMax ?? "", redThreshold: kpi.redThreshold, frequency: kpi.frequency, indicator: kpi.indicator };

    // [action, input, versioned?]
    const cases: Array<[string, Record<string, unknown>, boolean]> = [
      ["scorecards.update", { scorecardId: kit.id, version: 1, name: "X" }, true],
      ["scorecards.archive", { scorecardId: kit.id, version: 1 }, true],
      ["scorecards.restore", { scorecardId: kit.id, version: 1 }, true],
      ["scorecards.delete", { scorecardId: kit.id, version: 1 }, true],
      ["perspectives.update", { perspectiveId: perspective.id, version: 1, name: "X", weight: 1 }, true],
      ["perspectives.move", { perspectiveId: perspective.id, version: 1, direction: "up" }, true],
      ["objectives.create", { perspectiveId: perspective.id, title: "X" }, false],
      ["objectives.update", { objectiveId: objective.id, version: 1, perspectiveId: objective.perspectiveId, title: "X" }, true],
      ["objectives.delete", { objectiveId: objective.id, version: 1 }, true],
      ["kpis.create", { objectiveId: objective.id, ...kpiFields }, false],
      ["kpis.add_from_library", { objectiveId: objective.id, templateKeys: ["nps"] }, false],
      ["kpis.update", { kpiId: kpi.id, version: 1, ...kpiFields }, true],
      ["kpis.change_target", { kpiId: kpi.id, version: 1, target: kpi.target, targetMax: kpi.targetMax ?? "", redThreshold: kpi.redThreshold }, true],
      ["kpis.delete", { kpiId: kpi.id, version: 1 }, true],
      ["initiatives.create", { objectiveId: objective.id, title: "X" }, false],
      ["initiatives.update", { initiativeId: initiative.id, version: initiative.version, title: "X" }, true],
      ["initiatives.delete", { initiativeId: initiative.id, version: initiative.version }, true],
    ];
    for (const [name, input, versioned] of cases) {
      const viewer = await refused(run(name, world.viewer, { team: world.team.slug, ...input }), 403);
      expect(viewer.code, name).toBe("forbidden");
      // The other team's owner, in their own team, naming this team's rows.
      const foreign = await refused(run(name, other.owner, { team: other.team.slug, ...input }), 404);
      expect(foreign.code, name).toBe("not_found");
      if (versioned) {
        const staleVersion = (input.version as number) + 7;
        const actor = name === "scorecards.delete" ? world.admin : world.editor;
        const stale = await refused(run(name, actor, { team: world.team.slug, ...input, version: staleVersion }), 409);
        expect(stale.current, name).toBeDefined();
      }
    }
    await refused(run("scorecards.starter_kit", world.viewer, { team: world.team.slug, template: "lifecycle" }), 403);
    await refused(run("scorecards.create", world.viewer, { team: world.team.slug, name: "X" }), 403);

    // Nothing above changed anything.
    const after = (await row(world.team, (tx) => loadScorecardTree(tx, { teamId: world.team.id }, kit.id, "2026-01-01")))!;
    expect(after.scorecard.version).toBe(1);
    expect(after.kpis.map((k) => [k.id, k.version])).toEqual(tree.kpis.map((k) => [k.id, k.version]));
    expect(after.objectives.map((o) => [o.id, o.title, o.version])).toEqual(tree.objectives.map((o) => [o.id, o.title, o.version]));
  });
});

describe("loading", () => {
  async function scorecardOfSize(team: Team, owner: User, objectivesPerPerspective: number, kpisPerObjective: number) {
    const sc = await ok<{ id: string }>(run("scorecards.starter_kit", owner, { team: team.slug, template: "lifecycle" }));
    const tree = (await row(team, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
    for (const perspective of tree.perspectives) {
      for (let o = 0; o < objectivesPerPerspective; o++) {
        const objective = await ok<{ id: string }>(run("objectives.create", owner, { team: team.slug, perspectiveId: perspective.id, title: `Extra ${o}` }));
        await ok(run("kpis.add_from_library", owner, { team: team.slug, objectiveId: objective.id, templateKeys: ["nps", "csat", "churn-rate", "uptime", "arpu"].slice(0, kpisPerObjective) }));
        await ok(run("initiatives.create", owner, { team: team.slug, objectiveId: objective.id, title: `Initiative ${o}` }));
      }
    }
    return sc.id;
  }

  it("loads the editor in the same number of queries for a small and a large scorecard", async () => {
    const { team, owner } = await teamWithRoles();
    const small = await scorecardOfSize(team, owner, 0, 0);
    const large = await scorecardOfSize(team, owner, 4, 5);
    const ctx = { teamId: team.id };
    const a = await countQueries(() => row(team, (tx) => loadScorecardEditor(tx, ctx, small, calendar, "2026-06-15")));
    const b = await countQueries(() => row(team, (tx) => loadScorecardEditor(tx, ctx, large, calendar, "2026-06-15")));
    expect(b.result!.evaluated.perspectives.flatMap((p) => p.objectives).length).toBeGreaterThan(a.result!.evaluated.perspectives.flatMap((p) => p.objectives).length * 2);
    expect(a.count).toBe(b.count);
    // 8 reads and the transaction's RLS binding; with the session and the team lookup the page stays within the 10-statement budget (bench/).
    expect(a.count).toBeLessThanOrEqual(9);
  });

  it("loads the list's trees in the same number of queries for one scorecard or several", async () => {
    const { team, owner } = await teamWithRoles();
    await scorecardOfSize(team, owner, 0, 0);
    const ctx = { teamId: team.id };
    const one = await countQueries(() => row(team, async (tx) => loadScorecardTrees(tx, ctx, (await listScorecards(tx, ctx)).map((r) => r.scorecard), "2026-06-15")));
    await scorecardOfSize(team, owner, 1, 2);
    await scorecardOfSize(team, owner, 0, 0);
    const three = await countQueries(() => row(team, async (tx) => loadScorecardTrees(tx, ctx, (await listScorecards(tx, ctx)).map((r) => r.scorecard), "2026-06-15")));
    expect(three.result).toHaveLength(3);
    expect(one.count).toBe(three.count);
    // Each tree holds only its own rows.
    for (const tree of three.result) {
      expect(tree.perspectives.every((p) => p.scorecardId === tree.scorecard.id)).toBe(true);
      const objectiveIds = new Set(tree.objectives.map((o) => o.id));
      expect(tree.kpis.every((k) => objectiveIds.has(k.objectiveId))).toBe(true);
    }
  });
});
