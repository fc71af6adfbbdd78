// The starter kit against a real database: one action builds a journey from a template and
// a scorecard tied to it, with objectives per perspective serving the journey's stages and
// KPIs from the library; all or nothing; the Free plan's limit applies.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import { listActivity } from "@/db/queries/activity";
import { insertMembership } from "@/db/queries/memberships";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { createUser } from "@/db/queries/users";
import { journeys, stages, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { journeyTemplate } from "@/lib/journey-templates";
import { findKpiTemplate, KPI_LIBRARY } from "@/lib/kpi-library";
import { evaluateScorecard } from "@/lib/scorecards/evaluate";
import { createTeam } from "@/lib/teams/create-team";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });
}

async function freeTeam() {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Team"));
  const viewer = await person("viewer");
  await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, viewer.id, "viewer"));
  return { team, owner, viewer };
}

function run(name: string, user: User | null, input: Record<string, unknown>): Promise<ActionResult> {
  return actionRegistry.get(name)!.runAs(user, input);
}

const journeysOf = (team: Team) => inTeam(team.id, (tx) => tx.select().from(journeys).where(eq(journeys.teamId, team.id)));

describe.each(["lifecycle", "funnel"] as const)("the starter kit (%s)", (template) => {
  it("builds a journey and a scorecard whose objectives serve its stages with library KPIs", async () => {
    const { team, owner } = await freeTeam();
    const result = await run("scorecards.starter_kit", owner, { team: team.slug, template });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const data = (result as { data: { id: string; journeyId: string; objectives: number; kpis: number } }).data;

    const [journey] = await journeysOf(team);
    expect(journey?.id).toBe(data.journeyId);
    const stageRows = await inTeam(team.id, (tx) => tx.select().from(stages).where(eq(stages.journeyId, journey!.id)));
    expect(stageRows.map((s) => s.name).sort()).toEqual(journeyTemplate(template).stages.map((s) => s.name).sort());

    const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, data.id, "2026-06-15")))!;
    expect(tree.scorecard.journeyId).toBe(journey!.id);
    expect(tree.perspectives.map((p) => p.kind)).toEqual(["financial", "customer", "internal", "learning"]);
    expect(tree.objectives).toHaveLength(data.objectives);
    expect(tree.kpis).toHaveLength(data.kpis);

    // Every perspective has objectives, every objective has KPIs and serves at least one stage,
    // and every stage of the journey is served by some objective: no gap in the alignment matrix.
    for (const perspective of tree.perspectives) expect(tree.objectives.filter((o) => o.perspectiveId === perspective.id).length).toBeGreaterThanOrEqual(2);
    const stageIds = new Set(stageRows.map((s) => s.id));
    const served = new Set<string>();
    for (const objective of tree.objectives) {
      expect(tree.kpis.filter((k) => k.objectiveId === objective.id).length, objective.title).toBeGreaterThanOrEqual(1);
      const linked = tree.stageIds.get(objective.id) ?? [];
      expect(linked.length, objective.title).toBeGreaterThan(0);
      for (const id of linked) {
        expect(stageIds.has(id)).toBe(true);
        served.add(id);
      }
      expect(objective.ownerId).toBe(owner.id);
    }
    expect(served).toEqual(stageIds);

    // KPIs are library templates, placed in the perspective the library gives them, linked to stages they measure.
    const kindOf = new Map(tree.perspectives.map((p) => [p.id, p.kind]));
    const stageName = new Map(stageRows.map((s) => [s.id, s.name]));
    for (const kpi of tree.kpis) {
      const objective = tree.objectives.find((o) => o.id === kpi.objectiveId)!;
      const source = KPI_LIBRARY.find((t) => t.name === kpi.name)!;
      expect(source, kpi.name).toBeDefined();
      expect(findKpiTemplate(source.key)).toBeDefined();
      expect(kindOf.get(objective.perspectiveId)).toBe(source.perspective);
      expect(kpi).toMatchObject({ unit: source.unit, direction: source.direction, target: source.target, redThreshold: source.redThreshold, ownerId: owner.id });
      const objectiveStages = (tree.stageIds.get(objective.id) ?? []).map((id) => stageName.get(id));
      expect(source.stages.some((s) => objectiveStages.includes(s))).toBe(true);
    }

    // A fresh kit has no data: everything is grey, nothing is NaN.
    const evaluated = evaluateScorecard(tree, "2026-06-15", { timeZone: "UTC", fiscalYearStartMonth: 1 });
    expect(evaluated.rollup).toMatchObject({ score: null, status: "grey" });

    const log = await inTeam(team.id, (tx) => listActivity(tx, { teamId: team.id }, { limit: 200 }));
    expect(log.filter((a) => a.entityType === "kpi" && a.action === "create")).toHaveLength(data.kpis);
    expect(log.some((a) => a.entityType === "journey" && a.action === "create")).toBe(true);
    expect(log.some((a) => a.entityType === "scorecard" && a.action === "create")).toBe(true);
  });
});

describe("the starter kit's refusals", () => {
  it("refuses a second scorecard on the Free plan (402) and leaves no journey behind", async () => {
    const { team, owner } = await freeTeam();
    expect((await run("scorecards.starter_kit", owner, { team: team.slug, template: "lifecycle" })).ok).toBe(true);
    const second = await run("scorecards.starter_kit", owner, { team: team.slug, template: "funnel" });
    expect(second).toMatchObject({ ok: false, status: 402, code: "payment_required" });
    expect((second as { message: string }).message).toContain(`/t/${team.slug}/settings/billing`);
    expect(await journeysOf(team)).toHaveLength(1);
  });

  it("refuses a viewer (403), a stranger (404) and an unknown template (422)", async () => {
    const { team, viewer } = await freeTeam();
    const stranger = await freeTeam();
    expect(await run("scorecards.starter_kit", viewer, { team: team.slug, template: "lifecycle" })).toMatchObject({ ok: false, status: 403 });
    expect(await run("scorecards.starter_kit", stranger.owner, { team: team.slug, template: "lifecycle" })).toMatchObject({ ok: false, status: 404 });
    const bad = await run("scorecards.starter_kit", (await freeTeam()).owner, { team: stranger.team.slug, template: "blank" });
    expect(bad).toMatchObject({ ok: false, status: 404 });
    const blank = await run("scorecards.starter_kit", stranger.owner, { team: stranger.team.slug, template: "blank" });
    expect(blank).toMatchObject({ ok: false, status: 422, fieldErrors: { template: [expect.stringContaining("lifecycle or funnel")] } });
    expect(await journeysOf(team)).toEqual([]);
    expect(await journeysOf(stranger.team)).toEqual([]);
  });
});

describe("the plan limit under concurrency", () => {
  it("lets only one of two simultaneous creations through on the Free plan", async () => {
    const { team, owner } = await freeTeam();
    const results = await Promise.all([
      run("scorecards.create", owner, { team: team.slug, name: "One" }),
      run("scorecards.starter_kit", owner, { team: team.slug, template: "lifecycle" }),
      run("scorecards.create", owner, { team: team.slug, name: "Three" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { status: number }).status)).toEqual([402, 402]);
  });
});
