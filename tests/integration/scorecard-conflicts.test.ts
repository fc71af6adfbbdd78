// What the scorecard editor's conflict panel is built from, against a real database: a stale
// save of an objective, a KPI or a perspective answers 409 with the row as it is now (an
// objective's stages included) and who saved it, so the panel can show, field by field, the
// person's value beside theirs, in the form's own words. Keep mine, take theirs and edit
// then end with one accepted value and both in the activity log.
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
import { teams, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { conflictRows, versionOf, type FormFieldSnapshot } from "@/lib/collaboration/conflict-fields";
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

const person = (name: string): Promise<User> => createUser({ email: `${unique(name.split(" ")[0]!.toLowerCase())}@example.test`, name, emailVerified: clock.now() });

async function conflict(promise: Promise<ActionResult>) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(409);
  return failure;
}

async function world() {
  const owner = await person("Olga Owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("Ada Admin"), editor: await person("Eli Editor"), viewer: await person("Vera Viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  const { journey, stages } = await inTeam(team.id, (tx) => createJourneyFromTemplate(tx, { teamId: team.id, userId: owner.id }, { name: "Hikers", template: "lifecycle" }));
  const sc = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Conflicts", journeyId: journey.id }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
  const customer = tree.perspectives.find((p) => p.kind === "customer")!;
  return { team, ...people, stages, scorecardId: sc.id, customer };
}

const activityOf = (team: Team, entityId: string) => inTeam(team.id, (tx) => listActivity(tx, { teamId: team.id }, { entityId }));

describe("a stale save in the scorecard editor", () => {
  it("answers with the objective as saved (stages too) and who saved it; the panel lists both values of each field that differs", async () => {
    const w = await world();
    const [discovery, evaluation] = w.stages;
    const objective = await ok<{ id: string; version: number }>(
      run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.customer.id, title: "Delight hikers", stageIds: [discovery!.id] }),
    );
    const base = { team: w.team.slug, objectiveId: objective.id, version: objective.version, perspectiveId: w.customer.id, weight: "1", description: "" };

    // Ada saves first; Eli, still on version 1, saves his own title, owner and stages.
    await ok(run("objectives.update", w.admin, { ...base, title: "Delight weekend hikers", ownerId: w.admin.id, stageIds: [discovery!.id, evaluation!.id] }));
    const stale = await conflict(run("objectives.update", w.editor, { ...base, title: "Delight every hiker", ownerId: w.editor.id, stageIds: [discovery!.id] }));
    expect(stale.current).toMatchObject({ id: objective.id, version: 2, title: "Delight weekend hikers", ownerId: w.admin.id, stageIds: [discovery!.id, evaluation!.id] });
    expect(stale.savedBy?.name).toBe("Ada Admin");
    expect(clock.nowMs() - new Date(stale.savedBy!.at).getTime()).toBeLessThan(60_000);

    // The objective form as Eli has it, read the way the form reads itself.
    const members = { "": "Nobody yet", [w.admin.id]: "Ada Admin", [w.editor.id]: "Eli Editor" };
    const stageWords = Object.fromEntries(w.stages.map((s) => [s.id, s.name]));
    const form: FormFieldSnapshot[] = [
      { name: "perspectiveId", label: "Perspective", kind: "choice", mine: w.customer.id, options: { [w.customer.id]: w.customer.name } },
      { name: "title", label: "Title", kind: "text", mine: "Delight every hiker" },
      { name: "description", label: "Description", kind: "text", mine: "" },
      { name: "ownerId", label: "Owner", kind: "choice", mine: w.editor.id, options: members },
      { name: "weight", label: "Weight", kind: "number", mine: "1" },
      { name: "stageIds", label: "Journey stages it serves", kind: "choices", mine: [discovery!.id], options: stageWords },
    ];
    expect(conflictRows(form, stale.current as Record<string, unknown>)).toEqual([
      { name: "title", label: "Title", mine: "Delight every hiker", theirs: "Delight weekend hikers" },
      { name: "ownerId", label: "Owner", mine: "Eli Editor", theirs: "Ada Admin" },
      { name: "stageIds", label: "Journey stages it serves", mine: discovery!.name, theirs: `${discovery!.name}, ${evaluation!.name}` },
    ]);

    // Keep mine: the same values at the version now current go through, over theirs on purpose.
    await ok(run("objectives.update", w.editor, { ...base, version: versionOf(stale.current), title: "Delight every hiker", ownerId: w.editor.id, stageIds: [discovery!.id] }));
    const titles = (await activityOf(w.team, objective.id)).filter((a) => a.field === "title").reverse();
    expect(titles.map((a) => [a.actorName, a.before, a.after])).toEqual([
      ["Ada Admin", "Delight hikers", "Delight weekend hikers"],
      ["Eli Editor", "Delight weekend hikers", "Delight every hiker"],
    ]);
  });

  it("does the same for a KPI's target, through the edit dialog and the target form alike", async () => {
    const w = await world();
    const objective = await ok<{ id: string }>(run("objectives.create", w.editor, { team: w.team.slug, perspectiveId: w.customer.id, title: "Delight hikers" }));
    const kpiForm = {
      team: w.team.slug, name: "NPS", description: "", unit: "score", currency: "", direction: "up", baseline: "", target: "40", targetMax: "",
      redThreshold: "20", frequency: "monthly", indicator: "lagging", source: "manual", ownerId: "", weight: "1",
    };
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, { ...kpiForm, objectiveId: objective.id }));
    await ok(run("kpis.change_target", w.owner, { team: w.team.slug, kpiId: kpi.id, version: kpi.version, target: "50", redThreshold: "20", reason: "Board ask" }));

    const stale = await conflict(run("kpis.update", w.editor, { ...kpiForm, kpiId: kpi.id, version: kpi.version, target: "45" }));
    expect(stale.savedBy?.name).toBe("Olga Owner");
    const fields: FormFieldSnapshot[] = [
      { name: "name", label: "Name", kind: "text", mine: "NPS" },
      { name: "target", label: "Target", kind: "number", mine: "45" },
      { name: "redThreshold", label: "Red threshold", kind: "number", mine: "20" },
      { name: "reason", label: "Reason for a target change", kind: "text", mine: "Mine" },
    ];
    // Only the field that differs; the reason is not part of the saved row.
    expect(conflictRows(fields, stale.current as Record<string, unknown>)).toEqual([{ name: "target", label: "Target", mine: "45", theirs: "50" }]);

    const staleTarget = await conflict(run("kpis.change_target", w.editor, { team: w.team.slug, kpiId: kpi.id, version: kpi.version, target: "45", redThreshold: "20" }));
    expect(staleTarget.savedBy?.name).toBe("Olga Owner");
    expect(staleTarget.current).toMatchObject({ target: 50, version: 2 });
  });

  it("names who saved a perspective when a stale edit of it is refused", async () => {
    const w = await world();
    const first = await ok<{ version: number }>(run("perspectives.update", w.admin, { team: w.team.slug, perspectiveId: w.customer.id, version: w.customer.version, name: "Hikers", weight: "2" }));
    expect(first.version).toBe(w.customer.version + 1);
    const stale = await conflict(run("perspectives.update", w.editor, { team: w.team.slug, perspectiveId: w.customer.id, version: w.customer.version, name: "Customers", weight: "1" }));
    expect(stale.current).toMatchObject({ name: "Hikers", weight: 2 });
    expect(stale.savedBy?.name).toBe("Ada Admin");
  });
});
