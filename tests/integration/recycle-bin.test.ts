// The recycle bin against a real database: each kind of delete moves the item and what
// cascaded from it into the bin; restore brings all of it back with the same ids, its history
// and a new version; conflicts on restore say what to do; entries go after 30 days; who may do what.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import "@/app/t/[team]/journeys/actions";
import "@/lib/recycle-bin/actions";
import "@/lib/jobs/registered";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { insertMembership } from "@/db/queries/memberships";
import { listBinItems } from "@/db/queries/recycle-bin";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import type { Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import {
  comments, initiatives, journeys, kpis, measurements, objectiveLinks, objectiveStages, objectives, recycleBinItems, scorecards, stages, teams, type User,
} from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { getRegisteredJob } from "@/lib/jobs/registry";
import { describeContents, RETENTION_DAYS } from "@/lib/recycle-bin/recycle-bin";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";
import { mintKey, send } from "./api-helpers";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const person = (label: string): Promise<User> => createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });

const kpiForm = (objectiveId: string, name = "NPS") => ({
  objectiveId, name, description: "", unit: "score", currency: "", direction: "up", baseline: "", target: "40", targetMax: "", redThreshold: "20",
  frequency: "monthly", indicator: "lagging", source: "manual", ownerId: "", weight: "1",
});

/** A team on a paid plan, one person per role, a journey-tied scorecard with two linked objectives. */
async function world() {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("admin"), editor: await person("editor"), viewer: await person("viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  const ctx = { teamId: team.id };
  const journey = await ok<{ id: string }>(run("journeys.create", owner, { team: team.slug, name: "Buyer", template: "lifecycle" }));
  const sc = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Growth", journeyId: journey.id }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, ctx, sc.id, "2026-01-01")))!;
  const customer = tree.perspectives.find((p) => p.kind === "customer")!;
  const stage = (await inTeam(team.id, (tx) => tx.select().from(stages).where(eq(stages.journeyId, journey.id))))[0]!;
  const objective = await ok<{ id: string }>(
    run("objectives.create", people.editor, { team: team.slug, perspectiveId: customer.id, title: "Delight customers", stageIds: [stage.id] }),
  );
  const other = await ok<{ id: string }>(run("objectives.create", people.editor, { team: team.slug, perspectiveId: customer.id, title: "Keep customers" }));
  const kpi = await ok<{ id: string }>(run("kpis.create", people.editor, { team: team.slug, ...kpiForm(objective.id) }));
  const initiative = await ok<{ id: string }>(run("initiatives.create", people.editor, { team: team.slug, objectiveId: objective.id, title: "Support revamp", status: "planned", progress: "0" }));
  await inTeam(team.id, async (tx) => {
    await tx.insert(measurements).values(["2026-09-01", "2026-10-01", "2026-11-01"].map((period, i) => ({ teamId: team.id, kpiId: kpi.id, period, value: 30 + i, note: `m${i}` })));
    await tx.insert(objectiveLinks).values({ teamId: team.id, scorecardId: sc.id, causeId: objective.id, effectId: other.id });
    await tx.insert(comments).values({ teamId: team.id, entityType: "kpi", entityId: kpi.id, authorId: people.editor.id, body: "Looks low" });
  });
  return { team, ctx, ...people, journeyId: journey.id, scorecardId: sc.id, stageId: stage.id, objectiveId: objective.id, otherId: other.id, kpiId: kpi.id, initiativeId: initiative.id };
}
type World = Awaited<ReturnType<typeof world>>;

async function refused(promise: Promise<ActionResult>, status: number) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(status);
  return failure;
}

const versionOf = async (w: World, table: typeof objectives | typeof kpis | typeof initiatives | typeof scorecards | typeof journeys, id: string) =>
  (await inTeam(w.team.id, (tx) => tx.select({ version: table.version }).from(table).where(and(eq(table.teamId, w.team.id), eq(table.id, id)))))[0]?.version;
const count = (w: World, table: typeof measurements | typeof kpis | typeof initiatives | typeof objectiveLinks | typeof objectiveStages | typeof stages | typeof objectives, where = eq(table.teamId, w.team.id)) =>
  inTeam(w.team.id, async (tx) => (await tx.select().from(table).where(where)).length);
const dataVersion = async (w: World) => (await (await getDbHandle()).db.select({ v: teams.dataVersion }).from(teams).where(eq(teams.id, w.team.id)))[0]!.v;
const bin = (w: World) => inTeam(w.team.id, (tx) => listBinItems(tx, w.ctx));

describe("deleting moves to the recycle bin; restoring brings everything back", () => {
  it("an objective, with its KPI, measurements, initiative, stage and strategy-map links, comments and history", async () => {
    const w = await world();
    const version = (await versionOf(w, objectives, w.objectiveId))!;
    const before = await dataVersion(w);
    const deleted = await ok<{ recycleBinId: string }>(run("objectives.delete", w.editor, { team: w.team.slug, objectiveId: w.objectiveId, version }));
    expect(await dataVersion(w)).toBeGreaterThan(before);
    expect(await count(w, objectives, eq(objectives.id, w.objectiveId))).toBe(0);
    expect(await count(w, measurements)).toBe(0);
    expect(await count(w, initiatives)).toBe(0);
    expect(await count(w, objectiveLinks)).toBe(0);

    const [item] = await bin(w);
    expect(item).toMatchObject({ id: deleted.recycleBinId, entityType: "objective", entityId: w.objectiveId, label: "Delight customers", deletedBy: w.editor.id, parentId: w.scorecardId });
    expect(item!.contents).toMatchObject({ objectives: 1, kpis: 1, measurements: 3, initiatives: 1, objective_links: 1, objective_stages: 1 });
    expect(describeContents("objective", item!.contents)).toBe("with 1 KPI, 3 measurements, 1 initiative and 1 strategy-map link");
    expect(item!.purgeAfter.getTime() - item!.deletedAt.getTime()).toBe(RETENTION_DAYS * 86_400_000);

    const afterDelete = await dataVersion(w);
    const restored = await ok<{ version: number; skipped: Record<string, number> }>(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: item!.id }));
    expect(restored.skipped).toEqual({});
    expect(await dataVersion(w)).toBeGreaterThan(afterDelete);
    expect(await versionOf(w, objectives, w.objectiveId)).toBe(version + 1);
    expect(restored.version).toBe(version + 1);
    const values = await inTeam(w.team.id, (tx) => tx.select().from(measurements).where(eq(measurements.kpiId, w.kpiId)));
    expect(values.map((m) => [m.period, m.value, m.note]).sort()).toEqual([["2026-09-01", 30, "m0"], ["2026-10-01", 31, "m1"], ["2026-11-01", 32, "m2"]]);
    expect(await count(w, initiatives, eq(initiatives.id, w.initiativeId))).toBe(1);
    expect(await count(w, objectiveLinks)).toBe(1);
    expect(await count(w, objectiveStages, eq(objectiveStages.objectiveId, w.objectiveId))).toBe(1);
    expect(await count(w, kpis, eq(kpis.id, w.kpiId))).toBe(1);
    expect(await inTeam(w.team.id, async (tx) => (await tx.select().from(comments).where(eq(comments.entityId, w.kpiId))).length)).toBe(1);
    expect(await bin(w)).toEqual([]);

    const history = await inTeam(w.team.id, (tx) => listActivity(tx, w.ctx, { entityType: "objective", entityId: w.objectiveId }));
    const actions = history.map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "delete", "restore"]));
    const tree = (await inTeam(w.team.id, (tx) => loadScorecardTree(tx, w.ctx, w.scorecardId, "2026-12-01")))!;
    expect(tree.objectives.map((o) => o.title)).toContain("Delight customers");
  });

  it("a KPI with its measurements", async () => {
    const w = await world();
    const version = (await versionOf(w, kpis, w.kpiId))!;
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: w.kpiId, version }));
    expect(await count(w, measurements)).toBe(0);
    const [item] = await bin(w);
    expect(describeContents("kpi", item!.contents)).toBe("with 3 measurements");
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: recycleBinId }));
    expect(await count(w, measurements)).toBe(3);
    expect(await versionOf(w, kpis, w.kpiId)).toBe(version + 1);
  });

  it("an initiative", async () => {
    const w = await world();
    const version = (await versionOf(w, initiatives, w.initiativeId))!;
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: w.initiativeId, version }));
    expect(await count(w, initiatives)).toBe(0);
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: recycleBinId }));
    expect(await count(w, initiatives)).toBe(1);
  });

  it("a scorecard, with its perspectives, objectives, KPIs and measurements", async () => {
    const w = await world();
    const version = (await versionOf(w, scorecards, w.scorecardId))!;
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("scorecards.delete", w.admin, { team: w.team.slug, scorecardId: w.scorecardId, version }));
    expect(await count(w, objectives)).toBe(0);
    expect(await count(w, measurements)).toBe(0);
    const [item] = await bin(w);
    expect(describeContents("scorecard", item!.contents)).toBe("with 2 objectives, 1 KPI, 3 measurements, 1 initiative and 1 strategy-map link");
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: recycleBinId }));
    expect(await count(w, objectives)).toBe(2);
    expect(await count(w, measurements)).toBe(3);
    expect(await count(w, objectiveLinks)).toBe(1);
    expect(await versionOf(w, scorecards, w.scorecardId)).toBe(version + 1);
  });

  it("a journey, with its stages; the scorecards it untied are tied back", async () => {
    const w = await world();
    const version = (await versionOf(w, journeys, w.journeyId))!;
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("journeys.delete", w.admin, { team: w.team.slug, journeyId: w.journeyId, version, confirmation: "Buyer" }));
    expect(await count(w, stages)).toBe(0);
    expect(await count(w, objectiveStages)).toBe(0);
    const untied = await inTeam(w.team.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.id, w.scorecardId)));
    expect(untied[0]!.journeyId).toBeNull();
    await ok(run("recycle_bin.restore", w.admin, { team: w.team.slug, itemId: recycleBinId }));
    expect(await count(w, stages)).toBeGreaterThan(0);
    expect(await count(w, objectiveStages)).toBe(1);
    const tied = await inTeam(w.team.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.id, w.scorecardId)));
    expect(tied[0]!.journeyId).toBe(w.journeyId);
  });

  it("a stale delete moves nothing into the bin", async () => {
    const w = await world();
    await refused(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: w.kpiId, version: 99 }), 409);
    expect(await bin(w)).toEqual([]);
    expect(await count(w, measurements)).toBe(3);
  });
});

describe("conflicts on restore", () => {
  it("a KPI whose objective is in the bin too names it; restored in order, both come back", async () => {
    const w = await world();
    const kpiBin = await ok<{ recycleBinId: string }>(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: w.kpiId, version: (await versionOf(w, kpis, w.kpiId))! }));
    const objectiveBin = await ok<{ recycleBinId: string }>(
      run("objectives.delete", w.editor, { team: w.team.slug, objectiveId: w.objectiveId, version: (await versionOf(w, objectives, w.objectiveId))! }),
    );
    const failure = await refused(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: kpiBin.recycleBinId }), 409);
    expect(failure.message).toBe("“NPS” cannot be restored yet. Its objective “Delight customers” is in the recycle bin too: restore the objective first.");
    expect(await bin(w)).toHaveLength(2);
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: objectiveBin.recycleBinId }));
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: kpiBin.recycleBinId }));
    expect(await count(w, measurements)).toBe(3);
  });

  it("an objective whose scorecard is gone for good says so", async () => {
    const w = await world();
    const objectiveBin = await ok<{ recycleBinId: string }>(
      run("objectives.delete", w.editor, { team: w.team.slug, objectiveId: w.objectiveId, version: (await versionOf(w, objectives, w.objectiveId))! }),
    );
    const sc = await ok<{ recycleBinId: string }>(run("scorecards.delete", w.owner, { team: w.team.slug, scorecardId: w.scorecardId, version: (await versionOf(w, scorecards, w.scorecardId))! }));
    await ok(run("recycle_bin.purge", w.admin, { team: w.team.slug, itemId: sc.recycleBinId }));
    const failure = await refused(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: objectiveBin.recycleBinId }), 409);
    expect(failure.message).toContain("Its scorecard no longer exists");
  });

  it("an entry restored or purged already is a 404", async () => {
    const w = await world();
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: w.initiativeId, version: 1 }));
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: recycleBinId }));
    await refused(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: recycleBinId }), 404);
  });
});

describe("purging", () => {
  it("the hourly housekeeping removes entries after 30 days, not before, and logs it", async () => {
    const w = await world();
    await ok(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: w.kpiId, version: (await versionOf(w, kpis, w.kpiId))! }));
    const start = (await bin(w))[0]!.deletedAt;
    const housekeeping = getRegisteredJob("maintenance.purge")!;
    const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
    await housekeeping.handler({}, { now: at(29.9), workerId: "test", job: {} as never });
    expect(await bin(w)).toHaveLength(1);
    await housekeeping.handler({}, { now: at(30), workerId: "test", job: {} as never });
    expect(await bin(w)).toEqual([]);
    const history = await inTeam(w.team.id, (tx) => listActivity(tx, w.ctx, { entityType: "kpi", entityId: w.kpiId }));
    expect(history.map((h) => h.action)).toContain("purge");
  });

  it("admins purge one entry or empty the bin; editors and viewers may not", async () => {
    const w = await world();
    const a = await ok<{ recycleBinId: string }>(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: w.initiativeId, version: 1 }));
    await ok(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: w.kpiId, version: (await versionOf(w, kpis, w.kpiId))! }));
    await refused(run("recycle_bin.purge", w.editor, { team: w.team.slug, itemId: a.recycleBinId }), 403);
    await refused(run("recycle_bin.empty", w.editor, { team: w.team.slug, confirm: "empty" }), 403);
    await ok(run("recycle_bin.purge", w.admin, { team: w.team.slug, itemId: a.recycleBinId }));
    expect(await bin(w)).toHaveLength(1);
    await refused(run("recycle_bin.empty", w.owner, { team: w.team.slug }), 422);
    expect(await ok<{ purged: number }>(run("recycle_bin.empty", w.owner, { team: w.team.slug, confirm: "empty" }))).toEqual({ purged: 1 });
    expect(await bin(w)).toEqual([]);
  });
});

describe("who may restore", () => {
  it("viewers may not; another team's member gets a 404 and the entry stays", async () => {
    const w = await world();
    const { recycleBinId } = await ok<{ recycleBinId: string }>(run("initiatives.delete", w.editor, { team: w.team.slug, initiativeId: w.initiativeId, version: 1 }));
    await refused(run("recycle_bin.restore", w.viewer, { team: w.team.slug, itemId: recycleBinId }), 403);
    const stranger = await world();
    // Their own team's slug with this team's entry id: not found in theirs.
    await refused(run("recycle_bin.restore", stranger.owner, { team: stranger.team.slug, itemId: recycleBinId }), 404);
    await refused(run("recycle_bin.purge", stranger.owner, { team: stranger.team.slug, itemId: recycleBinId }), 404);
    await refused(run("recycle_bin.restore", stranger.owner, { team: w.team.slug, itemId: recycleBinId }), 404);
    const left = await inTeam(w.team.id, (tx) => tx.select().from(recycleBinItems));
    expect(left).toHaveLength(1);
  });
});

describe("the API's DELETE goes to the recycle bin", () => {
  it("DELETE /api/v1/objectives/{id} and /kpis/{id}: entries with their values, restorable; stale If-Match is a 412, another team's key a 404", async () => {
    const w = await world();
    const { key } = await mintKey(w.team.id, ["read", "write"]);
    const kpiVersion = (await versionOf(w, kpis, w.kpiId))!;
    expect((await send("DELETE", `/api/v1/kpis/${w.kpiId}`, { key, headers: { "if-match": `"${kpiVersion + 5}"` } })).status).toBe(412);
    expect((await send("DELETE", `/api/v1/kpis/${w.kpiId}`, { key })).status).toBe(428);
    const stranger = await world();
    const strangerKey = (await mintKey(stranger.team.id, ["read", "write"])).key;
    expect((await send("DELETE", `/api/v1/kpis/${w.kpiId}`, { key: strangerKey, headers: { "if-match": `"${kpiVersion}"` } })).status).toBe(404);

    const kpiGone = await send("DELETE", `/api/v1/kpis/${w.kpiId}`, { key, headers: { "if-match": `"${kpiVersion}"` } });
    expect(kpiGone.status).toBe(200);
    expect(kpiGone.json).toMatchObject({ entityType: "kpi", entityId: w.kpiId, label: "NPS" });
    expect(await count(w, measurements)).toBe(0);
    const objectiveGone = await send("DELETE", `/api/v1/objectives/${w.objectiveId}`, { key, headers: { "if-match": `"${(await versionOf(w, objectives, w.objectiveId))!}"` } });
    expect(objectiveGone.status).toBe(200);
    const entries = await bin(w);
    expect(entries.map((e) => [e.entityType, e.deletedBy])).toEqual([["objective", null], ["kpi", null]]);

    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: objectiveGone.json.id }));
    await ok(run("recycle_bin.restore", w.editor, { team: w.team.slug, itemId: kpiGone.json.id }));
    expect(await count(w, measurements)).toBe(3);
    expect((await send("GET", `/api/v1/scorecards/${w.scorecardId}`, { key })).json.perspectives.flatMap((p: { objectives: Array<{ title: string }> }) => p.objectives.map((o) => o.title))).toContain("Delight customers");
  });
});
