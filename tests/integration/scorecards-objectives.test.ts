// Objective and initiative actions against a real database: stages served (only the
// scorecard's journey), owners (only members), moving between perspectives, weights, dates,
// progress and budget, versions, other teams, viewers, deletes; and the scores the editor shows.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { insertMembership } from "@/db/queries/memberships";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import type { Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import { initiatives, measurements, objectives, teams, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { loadScorecardEditor } from "@/lib/scorecards/editor-data";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });
}

async function refused(promise: Promise<ActionResult>, status: number) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(status);
  return failure;
}

/** A paid team with one person per role and a scorecard tied to a lifecycle journey. */
async function world() {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("admin"), editor: await person("editor"), viewer: await person("viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  const { journey, stages } = await inTeam(team.id, (tx) => createJourneyFromTemplate(tx, { teamId: team.id, userId: owner.id }, { name: "Hikers", template: "lifecycle" }));
  const sc = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Objectives", journeyId: journey.id }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
  const perspective = (kind: string) => tree.perspectives.find((p) => p.kind === kind)!;
  return { team, ...people, journey, stages, scorecardId: sc.id, perspective };
}

const objectiveRow = async (team: Team, id: string) => (await inTeam(team.id, (tx) => tx.select().from(objectives).where(eq(objectives.id, id))))[0];
const activityOf = (team: Team, entityId: string) => inTeam(team.id, (tx) => listActivity(tx, { teamId: team.id }, { entityId }));
const stagesOf = async (team: Team, scorecardId: string, objectiveId: string) =>
  (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, scorecardId, "2026-01-01")))!.stageIds.get(objectiveId) ?? [];

describe("objectives", () => {
  it("creates one with owner, weight and the stages it serves", async () => {
    const w = await world();
    const [discovery, , purchase] = w.stages;
    const created = await ok<{ id: string; version: number }>(
      run("objectives.create", w.editor, {
        team: w.team.slug, perspectiveId: w.perspective("customer").id, title: "Win new hikers", description: "More first purchases",
        ownerId: w.admin.id, weight: "3", stageIds: [purchase!.id, discovery!.id],
      }),
    );
    expect(await objectiveRow(w.team, created.id)).toMatchObject({ title: "Win new hikers", ownerId: w.admin.id, weight: 3, position: 0, version: 1 });
    expect(await stagesOf(w.team, w.scorecardId, created.id)).toEqual([discovery!.id, purchase!.id]);
    expect((await activityOf(w.team, created.id))[0]).toMatchObject({ action: "create", actorId: w.editor.id, after: { title: "Win new hikers" } });

    // A single checkbox arrives as one string; no checkbox at all means no stages; weight defaults to 1.
    const single = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.perspective("customer").id, title: "Second", stageIds: purchase!.id, weight: "" }));
    expect(await stagesOf(w.team, w.scorecardId, single.id)).toEqual([purchase!.id]);
    expect(await objectiveRow(w.team, single.id)).toMatchObject({ weight: 1, position: 1 });
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const w = await world();
    const other = await world();
    const base = { team: w.team.slug, perspectiveId: w.perspective("learning").id, title: "Learn" };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: "t".repeat(501) }, "title"],
      [{ title: "   " }, "title"],
      [{ weight: "-1" }, "weight"],
      [{ weight: "abc" }, "weight"],
      [{ ownerId: other.owner.id }, "ownerId"],
      [{ stageIds: [other.stages[0]!.id] }, "stageIds"],
      [{ stageIds: ["not-an-id"] }, "stageIds.0"],
      [{ description: "d".repeat(2001) }, "description"],
    ];
    for (const [overrides, field] of cases) {
      const failure = await refused(run("objectives.create", w.editor, { ...base, ...overrides }), 422);
      expect(failure.fieldErrors?.[field], `${field}: ${JSON.stringify(failure.fieldErrors)}`).toBeDefined();
    }
    expect(await inTeam(w.team.id, (tx) => tx.select().from(objectives).where(eq(objectives.teamId, w.team.id)))).toEqual([]);
  });

  it("refuses stages when the scorecard has no journey", async () => {
    const w = await world();
    const bare = await ok<{ id: string }>(run("scorecards.create", w.owner, { team: w.team.slug, name: "No journey" }));
    const tree = (await inTeam(w.team.id, (tx) => loadScorecardTree(tx, { teamId: w.team.id }, bare.id, "2026-01-01")))!;
    const failure = await refused(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: tree.perspectives[0]!.id, title: "X", stageIds: [w.stages[0]!.id] }), 422);
    expect(failure.fieldErrors?.stageIds?.[0]).toContain("not tied to a journey");
  });

  it("edits fields and stages, moves to another perspective, logs per field, and refuses stale versions", async () => {
    const w = await world();
    const [discovery, evaluation] = w.stages;
    const created = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.perspective("customer").id, title: "A", stageIds: [discovery!.id] }));
    const base = { team: w.team.slug, objectiveId: created.id, title: "A", ownerId: "", weight: "1" };
    const updated = await ok<{ version: number }>(
      run("objectives.update", w.editor, { ...base, version: 1, perspectiveId: w.perspective("internal").id, title: "B", ownerId: w.viewer.id, stageIds: [evaluation!.id] }),
    );
    expect(updated.version).toBe(2);
    expect(await objectiveRow(w.team, created.id)).toMatchObject({ title: "B", ownerId: w.viewer.id, perspectiveId: w.perspective("internal").id });
    expect(await stagesOf(w.team, w.scorecardId, created.id)).toEqual([evaluation!.id]);
    const fields = (await activityOf(w.team, created.id)).filter((a) => a.action === "update").map((a) => a.field).sort();
    expect(fields).toEqual(["ownerId", "perspectiveId", "stageIds", "title"]);

    const stale = await refused(run("objectives.update", w.admin, { ...base, version: 1, perspectiveId: w.perspective("internal").id, title: "Theirs" }), 409);
    expect(stale.current).toMatchObject({ title: "B", version: 2 });
    expect(await stagesOf(w.team, w.scorecardId, created.id)).toEqual([evaluation!.id]);

    // A perspective of another scorecard of the same team is not a place for this objective.
    const second = await ok<{ id: string }>(run("scorecards.create", w.owner, { team: w.team.slug, name: "Second" }));
    const secondTree = (await inTeam(w.team.id, (tx) => loadScorecardTree(tx, { teamId: w.team.id }, second.id, "2026-01-01")))!;
    const elsewhere = await refused(run("objectives.update", w.editor, { ...base, version: 2, perspectiveId: secondTree.perspectives[0]!.id }), 422);
    expect(elsewhere.fieldErrors?.perspectiveId).toBeDefined();
  });

  it("refuses viewers and other teams; deletes with its KPIs and initiatives", async () => {
    const w = await world();
    const other = await world();
    const created = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.perspective("financial").id, title: "Money" }));
    await refused(run("objectives.create", w.viewer, { team: w.team.slug, perspectiveId: w.perspective("financial").id, title: "X" }), 403);
    await refused(run("objectives.create", other.editor, { team: other.team.slug, perspectiveId: w.perspective("financial").id, title: "X" }), 404);
    await refused(run("objectives.update", other.editor, { team: other.team.slug, objectiveId: created.id, version: 1, perspectiveId: other.perspective("financial").id, title: "X" }), 404);
    await refused(run("objectives.delete", w.viewer, { team: w.team.slug, objectiveId: created.id, version: 1 }), 403);
    await refused(run("objectives.delete", other.owner, { team: other.team.slug, objectiveId: created.id, version: 1 }), 404);

    await ok(run("kpis.add_from_library", w.editor, { team: w.team.slug, objectiveId: created.id, templateKeys: ["arpu"] }));
    await ok(run("initiatives.create", w.editor, { team: w.team.slug, objectiveId: created.id, title: "Pricing study" }));
    await ok(run("objectives.delete", w.editor, { team: w.team.slug, objectiveId: created.id, version: 1 }));
    const tree = (await inTeam(w.team.id, (tx) => loadScorecardTree(tx, { teamId: w.team.id }, w.scorecardId, "2026-01-01")))!;
    expect(tree.objectives).toEqual([]);
    expect(tree.kpis).toEqual([]);
    expect(await inTeam(w.team.id, (tx) => tx.select().from(initiatives).where(eq(initiatives.teamId, w.team.id)))).toEqual([]);
    expect((await activityOf(w.team, created.id))[0]).toMatchObject({ action: "delete", before: { title: "Money" } });
  });
});

describe("initiatives", () => {
  it("creates, edits and deletes one with owner, dates, status, progress and budget", async () => {
    const w = await world();
    const objective = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.perspective("customer").id, title: "O" }));
    const created = await ok<{ id: string; version: number }>(
      run("initiatives.create", w.editor, {
        team: w.team.slug, objectiveId: objective.id, title: "Coaching e-mails", ownerId: w.editor.id,
        startDate: "2026-01-05", dueDate: "2026-03-31", status: "in_progress", progress: "40", budget: "12000.50",
      }),
    );
    const read = async () => (await inTeam(w.team.id, (tx) => tx.select().from(initiatives).where(eq(initiatives.id, created.id))))[0];
    expect(await read()).toMatchObject({ title: "Coaching e-mails", ownerId: w.editor.id, startDate: "2026-01-05", dueDate: "2026-03-31", status: "in_progress", progress: 40, budget: 12000.5 });

    const input = { team: w.team.slug, initiativeId: created.id, title: "Coaching e-mails", ownerId: w.editor.id, startDate: "2026-01-05", dueDate: "2026-03-31", budget: "12000.50" };
    await ok(run("initiatives.update", w.editor, { ...input, version: 1, status: "done", progress: "100" }));
    expect(await read()).toMatchObject({ status: "done", progress: 100, version: 2 });
    expect((await activityOf(w.team, created.id)).filter((a) => a.action === "update").map((a) => a.field).sort()).toEqual(["progress", "status"]);
    await refused(run("initiatives.update", w.editor, { ...input, version: 1, status: "canceled" }), 409);

    const bad: Array<[Record<string, unknown>, string]> = [
      [{ progress: "140" }, "progress"],
      [{ progress: "-1" }, "progress"],
      [{ progress: "12.5" }, "progress"],
      [{ budget: "-5" }, "budget"],
      [{ status: "someday" }, "status"],
      [{ startDate: "2026-02-30" }, "startDate"],
      [{ startDate: "2026-04-01", dueDate: "2026-03-01" }, "dueDate"],
      [{ title: "t".repeat(501) }, "title"],
      [{ ownerId: (await person("outsider")).id }, "ownerId"],
    ];
    for (const [overrides, field] of bad) {
      const failure = await refused(run("initiatives.update", w.editor, { ...input, version: 2, ...overrides }), 422);
      expect(failure.fieldErrors?.[field], `${field}: ${JSON.stringify(failure.fieldErrors)}`).toBeDefined();
    }
    expect(await read()).toMatchObject({ status: "done", version: 2 });

    const other = await world();
    await refused(run("initiatives.update", w.viewer, { ...input, version: 2 }), 403);
    await refused(run("initiatives.update", other.owner, { ...input, team: other.team.slug, version: 2 }), 404);
    await refused(run("initiatives.create", other.owner, { team: other.team.slug, objectiveId: objective.id, title: "X" }), 404);
    await refused(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: created.id, version: 1 }), 409);
    await ok(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: created.id, version: 2 }));
    expect(await read()).toBeUndefined();
    expect((await activityOf(w.team, created.id))[0]).toMatchObject({ action: "delete" });
  });
});

describe("the editor's scores", () => {
  it("rolls KPI scores up to objective, perspective and scorecard with coverage", async () => {
    const w = await world();
    const objective = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.perspective("customer").id, title: "Happy" }));
    const nps = await ok<{ id: string }>(
      run("kpis.create", w.editor, { team: w.team.slug, objectiveId: objective.id, name: "NPS", unit: "score", direction: "up", target: "40", redThreshold: "10", frequency: "monthly", indicator: "lagging" }),
    );
    await ok(run("kpis.create", w.editor, { team: w.team.slug, objectiveId: objective.id, name: "Churn", unit: "percent", direction: "down", target: "2", redThreshold: "4", frequency: "monthly", indicator: "lagging" }));
    // The measurements grid is another part of the app: write one value directly.
    await inTeam(w.team.id, (tx) => tx.insert(measurements).values({ teamId: w.team.id, kpiId: nps.id, period: "2026-06-01", value: 40 }));

    const data = (await inTeam(w.team.id, (tx) => loadScorecardEditor(tx, { teamId: w.team.id }, w.scorecardId, { timeZone: "UTC", fiscalYearStartMonth: 1 }, "2026-06-15")))!;
    const customer = data.evaluated.perspectives.find((p) => p.perspective.kind === "customer")!;
    const happy = customer.objectives[0]!;
    expect(happy.kpis.map((k) => [k.kpi.name, k.evaluation.status, k.evaluation.score])).toEqual([
      ["NPS", "green", 20 / 3],
      ["Churn", "grey", null],
    ]);
    expect(happy.rollup).toMatchObject({ score: 20 / 3, status: "green", coverage: { scored: 1, total: 2 } });
    expect(customer.rollup.score).toBeCloseTo(20 / 3);
    expect(data.evaluated.rollup).toMatchObject({ status: "green", coverage: { scored: 1, total: 4 } });
    expect(data.members.map((m) => m.userId).sort()).toEqual([w.owner.id, w.admin.id, w.editor.id, w.viewer.id].sort());
    expect(data.stages.map((s) => s.name)).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
  });
});
