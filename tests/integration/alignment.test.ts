// The alignment matrix's actions against a real database seeded with the demo: making an
// objective serve a stage and stop serving it (versioned on the objective), the activity,
// and the refusals (stale 409, other team 404, viewer 403, stage of another journey 422).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/[scorecardId]/alignment/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { listObjectiveStageIds } from "@/db/queries/objective-stages";
import { findUserByEmail } from "@/db/queries/users";
import { journeys, objectives, perspectives, scorecards, stages, teams, type Objective, type Stage, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { run } from "../support/actions";

let acme: Team;
let globex: Team;
let scorecardId: string;
let globexScorecardId: string;
let people: Record<"editor" | "viewer" | "globex", User>;
let stageByName: (name: string) => Stage;
let otherJourneyStage: Stage;
let globexStage: Stage;
let globexObjective: Objective;

function refused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error("accepted");
  expect(result.status).toBe(status);
  return result;
}

function accepted<T>(result: ActionResult): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

const objective = async (title: string) =>
  (await inTeam(acme.id, (tx) => tx.select().from(objectives).where(eq(objectives.title, title))))[0]!;
const servedBy = (objectiveId: string) => inTeam(acme.id, (tx) => listObjectiveStageIds(tx, { teamId: acme.id }, objectiveId));

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test"), globex: await user("owner@globex.test") };
  await inTeam(acme.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, acme.id));
    scorecardId = card!.id;
    const list = await tx.select().from(stages).where(eq(stages.journeyId, card!.journeyId!));
    stageByName = (name) => list.find((s) => s.name === name)!;
    const [journey] = await tx.insert(journeys).values({ teamId: acme.id, name: "Another journey" }).returning();
    otherJourneyStage = (await tx.insert(stages).values({ teamId: acme.id, journeyId: journey!.id, name: "Elsewhere", position: 0 }).returning())[0]!;
  });
  await inTeam(globex.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, globex.id));
    globexScorecardId = card!.id;
    globexStage = (await tx.select().from(stages).where(eq(stages.teamId, globex.id)).limit(1))[0]!;
    const [p] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    globexObjective = (await tx.insert(objectives).values({ teamId: globex.id, scorecardId: card!.id, perspectiveId: p!.id, title: "Globex objective", position: 0 }).returning())[0]!;
  });
  expect(actionRegistry.has("alignment.assign")).toBe(true);
  expect(actionRegistry.has("alignment.unassign")).toBe(true);
});

describe("assigning an objective to a stage", () => {
  it("adds the stage, bumps the objective's version and logs before → after", async () => {
    const o = await objective("Keep a motivated team");
    expect(await servedBy(o.id)).toEqual([]);
    const support = stageByName("Support");
    const result = accepted<{ version: number; changed: boolean }>(
      await run("alignment.assign", people.editor, { team: "acme", scorecardId, objectiveId: o.id, stageId: support.id, version: o.version }),
    );
    expect(result).toMatchObject({ version: o.version + 1, changed: true });
    expect(await servedBy(o.id)).toEqual([support.id]);
    const [entry] = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "objective" }));
    expect(entry).toMatchObject({ action: "update", entityId: o.id, field: "stageIds", before: [], after: [support.id], actorId: people.editor.id });
  });

  it("is a no-op when already assigned, and refuses a stale version with the current objective", async () => {
    const o = await objective("Make the first trip a success");
    const onboarding = stageByName("Onboarding");
    expect(await servedBy(o.id)).toContain(onboarding.id);
    expect(accepted<{ changed: boolean }>(await run("alignment.assign", people.editor, { team: "acme", scorecardId, objectiveId: o.id, stageId: onboarding.id, version: o.version })).changed).toBe(false);

    const stale = refused(await run("alignment.assign", people.editor, { team: "acme", scorecardId, objectiveId: o.id, stageId: stageByName("Discovery").id, version: o.version + 3 }), 409);
    expect(stale.current).toMatchObject({ id: o.id, version: o.version });
    expect(await servedBy(o.id)).not.toContain(stageByName("Discovery").id);
  });

  it("refuses a stage of another journey (422), another team's ids (404), a viewer (403) and a stranger (401)", async () => {
    const o = await objective("Keep a motivated team");
    const input = { team: "acme", scorecardId, objectiveId: o.id, version: o.version };
    const other = refused(await run("alignment.assign", people.editor, { ...input, stageId: otherJourneyStage.id }), 422);
    expect(other.fieldErrors?.stageId?.[0]).toBe("Stage “Elsewhere” is not a stage of this scorecard's journey");
    refused(await run("alignment.assign", people.editor, { ...input, stageId: globexStage.id }), 404);
    refused(await run("alignment.assign", people.editor, { ...input, objectiveId: globexObjective.id, stageId: stageByName("Usage").id }), 404);
    refused(await run("alignment.assign", people.editor, { ...input, scorecardId: globexScorecardId, stageId: stageByName("Usage").id }), 404);
    refused(await run("alignment.assign", people.globex, { team: "globex", scorecardId: globexScorecardId, objectiveId: o.id, stageId: globexStage.id, version: o.version }), 404);
    refused(await run("alignment.assign", people.viewer, { ...input, stageId: stageByName("Usage").id }), 403);
    refused(await run("alignment.assign", null, { ...input, stageId: stageByName("Usage").id }), 401);
    expect(refused(await run("alignment.assign", people.editor, { ...input, stageId: "Usage" }), 422).fieldErrors?.stageId?.[0]).toBe("Stage must be a valid id");
    expect(await servedBy(o.id)).toEqual([stageByName("Support").id]);
  });

  it("refuses to align an objective of a scorecard without a journey", async () => {
    const loose = await inTeam(acme.id, async (tx) => {
      const [card] = await tx.insert(scorecards).values({ teamId: acme.id, name: "No journey" }).returning();
      const [p] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: card!.id, kind: "financial", name: "Financial", position: 0 }).returning();
      const [o] = await tx.insert(objectives).values({ teamId: acme.id, scorecardId: card!.id, perspectiveId: p!.id, title: "Loose", position: 0 }).returning();
      return { card: card!, objective: o! };
    });
    const result = refused(
      await run("alignment.assign", people.editor, { team: "acme", scorecardId: loose.card.id, objectiveId: loose.objective.id, stageId: stageByName("Usage").id, version: 1 }),
      422,
    );
    expect(result.fieldErrors?.stageId?.[0]).toContain("not tied to a journey");
  });
});

describe("unassigning", () => {
  it("removes the stage and logs it; refuses a stale version and a viewer", async () => {
    const o = await objective("Grow recurring revenue");
    const purchase = stageByName("Purchase");
    const usage = stageByName("Usage");
    expect(await servedBy(o.id)).toEqual([purchase.id, usage.id]);
    refused(await run("alignment.unassign", people.viewer, { team: "acme", scorecardId, objectiveId: o.id, stageId: usage.id, version: o.version }), 403);
    refused(await run("alignment.unassign", people.editor, { team: "acme", scorecardId, objectiveId: o.id, stageId: usage.id, version: o.version + 1 }), 409);
    const result = accepted<{ version: number }>(await run("alignment.unassign", people.editor, { team: "acme", scorecardId, objectiveId: o.id, stageId: usage.id, version: o.version }));
    expect(result.version).toBe(o.version + 1);
    expect(await servedBy(o.id)).toEqual([purchase.id]);
    const [entry] = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "objective" }));
    expect(entry).toMatchObject({ entityId: o.id, field: "stageIds", before: [purchase.id, usage.id], after: [purchase.id] });
  });
});
