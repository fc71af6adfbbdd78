// Journey-level writes against a real database: create from each template, edit, duplicate,
// archive and restore, delete (admin, typed confirmation), and export → import into another
// team. Each with its refusals: stale version (409 with current), another team's id (404),
// a lower role (403), bad input (422 naming the field).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import "@/app/t/[team]/journeys/actions";
import { GET as exportJourney } from "@/app/t/[team]/journeys/[journeyId]/export/route";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { listJourneys, loadJourneyTree } from "@/db/queries/journeys";
import type { SessionUser } from "@/db/queries/sessions";
import { journeys, objectiveStages, scorecards, stageNotes, stages, teams, touchpoints } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { sessionCookieFor } from "../support/sessions";

type Who = "owner" | "admin" | "editor" | "viewer" | "globex";
const people = new Map<Who, { user: SessionUser; cookie: string }>();
let acmeId = "";
let globexId = "";
let hikerId = "";
let globexJourneyId = "";

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  const [acme] = await db.select().from(teams).where(eq(teams.slug, "acme"));
  const [globex] = await db.select().from(teams).where(eq(teams.slug, "globex"));
  acmeId = acme!.id;
  globexId = globex!.id;
  for (const [who, email] of [
    ["owner", "owner@acme.test"], ["admin", "admin@acme.test"], ["editor", "editor@acme.test"], ["viewer", "viewer@acme.test"], ["globex", "owner@globex.test"],
  ] as const) {
    const session = await sessionCookieFor(email);
    people.set(who, { user: session.user, cookie: session.cookie });
  }
  hikerId = (await inTeam(acmeId, (tx) => tx.select().from(journeys).where(eq(journeys.name, "Weekend hiker"))))[0]!.id;
  globexJourneyId = (await inTeam(globexId, (tx) => tx.select().from(journeys)))[0]!.id;
}, 120_000);

const user = (who: Who) => people.get(who)!.user;

function run(name: string, who: Who | null, input: Record<string, unknown>, team = "acme"): Promise<ActionResult> {
  const action = actionRegistry.get(name);
  if (!action) throw new Error(`action ${name} is not registered`);
  return action.runAs(who ? user(who) : null, { team, ...input });
}

function ok<T = Record<string, unknown>>(result: ActionResult): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

function refused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.status, JSON.stringify(result)).toBe(status);
  return result as Extract<ActionResult, { ok: false }>;
}

const acme = <T>(fn: Parameters<typeof inTeam<T>>[1]) => inTeam(acmeId, fn);
const journeyRow = async (id: string) => (await acme((tx) => tx.select().from(journeys).where(eq(journeys.id, id))))[0];
const countRows = async (teamId: string) =>
  inTeam(teamId, async (tx) => ({
    journeys: (await tx.select().from(journeys)).length,
    stages: (await tx.select().from(stages)).length,
    touchpoints: (await tx.select().from(touchpoints)).length,
    notes: (await tx.select().from(stageNotes)).length,
  }));

const JOURNEY_ACTIONS = {
  "journeys.create": "journeys.write",
  "journeys.update": "journeys.write",
  "journeys.duplicate": "journeys.write",
  "journeys.archive": "journeys.write",
  "journeys.restore": "journeys.write",
  "journeys.delete": "journeys.delete",
  "journeys.import": "journeys.write",
  "journeys.add_stage": "journeys.write",
  "journeys.update_stage": "journeys.write",
  "journeys.move_stage": "journeys.write",
  "journeys.remove_stage": "journeys.write",
  "journeys.add_touchpoint": "journeys.write",
  "journeys.update_touchpoint": "journeys.write",
  "journeys.remove_touchpoint": "journeys.write",
  "journeys.add_note": "journeys.write",
  "journeys.update_note": "journeys.write",
  "journeys.remove_note": "journeys.write",
  "journeys.move_card": "journeys.write",
};

describe("journey actions", () => {
  it("are all registered with the permission they need", () => {
    for (const [name, permission] of Object.entries(JOURNEY_ACTIONS)) {
      expect(actionRegistry.get(name)?.permission, name).toBe(permission);
    }
  });
});

describe("create a journey from a template", () => {
  it.each([
    ["lifecycle", ["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]],
    ["funnel", ["Awareness", "Consideration", "Decision", "Adoption", "Loyalty"]],
    ["blank", []],
  ] as const)("%s gives its stages in order", async (template, names) => {
    const data = ok<{ id: string; stageCount: number }>(
      await run("journeys.create", "editor", { name: `New ${template}`, personaName: "Pat", personaDescription: "Buys twice a year", goal: "Renew", description: "", template }),
    );
    expect(data.stageCount).toBe(names.length);
    const tree = await acme((tx) => loadJourneyTree(tx, { teamId: acmeId }, data.id));
    expect(tree!.journey).toMatchObject({ name: `New ${template}`, personaName: "Pat", personaDescription: "Buys twice a year", goal: "Renew", version: 1 });
    expect(tree!.stages.map((s) => s.name)).toEqual(names);
    expect(tree!.stages.map((s) => s.position)).toEqual(names.map((_, i) => i));
    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: data.id }));
    expect(log[0]).toMatchObject({ entityType: "journey", action: "create", actorId: user("editor").id });
  });

  it("refuses bad input with a message naming the field, and saves nothing", async () => {
    const before = await countRows(acmeId);
    const empty = refused(await run("journeys.create", "editor", { name: "   ", template: "lifecycle" }), 422);
    expect(empty.fieldErrors?.name?.[0]).toMatch(/Name is required/);
    const long = refused(await run("journeys.create", "editor", { name: "x".repeat(501), template: "lifecycle" }), 422);
    expect(long.fieldErrors?.name?.[0]).toMatch(/Name must be at most 200 characters/);
    const template = refused(await run("journeys.create", "editor", { name: "Fine", template: "spiral" }), 422);
    expect(template.fieldErrors?.template?.[0]).toMatch(/template/i);
    const persona = refused(await run("journeys.create", "editor", { name: "Fine", personaName: "p".repeat(201), template: "blank" }), 422);
    expect(persona.fieldErrors?.personaName?.[0]).toMatch(/Persona name must be at most 200/);
    expect(await countRows(acmeId)).toEqual(before);
  });

  it("is refused to a viewer (403), an outsider (404) and anyone signed out (401)", async () => {
    const input = { name: "Nope", template: "lifecycle" };
    refused(await run("journeys.create", "viewer", input), 403);
    refused(await run("journeys.create", "globex", input), 404);
    refused(await run("journeys.create", null, input), 401);
  });
});

describe("edit a journey's details", () => {
  it("applies a write based on the current version and refuses a stale one with the current row", async () => {
    const { id } = ok<{ id: string }>(await run("journeys.create", "editor", { name: "Details", template: "blank" }));
    const fields = { name: "Details v2", personaName: "Kim", personaDescription: "", goal: "Go", description: "Desc" };
    expect(ok(await run("journeys.update", "editor", { journeyId: id, version: 1, ...fields }))).toMatchObject({ version: 2 });
    expect(await journeyRow(id)).toMatchObject({ ...fields, version: 2 });

    const stale = refused(await run("journeys.update", "admin", { journeyId: id, version: 1, ...fields, name: "Theirs" }), 409);
    expect(stale.current).toMatchObject({ name: "Details v2", version: 2 });
    expect((await journeyRow(id))!.name).toBe("Details v2");

    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: id }));
    expect(log.find((e) => e.field === "name")).toMatchObject({ before: "Details", after: "Details v2" });
  });

  it("refuses another team's journey (404), a viewer (403) and an empty name (422)", async () => {
    const fields = { name: "Mine now", personaName: "", personaDescription: "", goal: "", description: "" };
    refused(await run("journeys.update", "editor", { journeyId: globexJourneyId, version: 1, ...fields }), 404);
    expect((await inTeam(globexId, (tx) => tx.select().from(journeys)))[0]!.name).toBe("Globex buyer");
    refused(await run("journeys.update", "viewer", { journeyId: hikerId, version: 1, ...fields }), 403);
    const bad = refused(await run("journeys.update", "editor", { journeyId: hikerId, version: 1, ...fields, name: "" }), 422);
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["name"]);
  });
});

describe("duplicate a journey", () => {
  it("copies the stages and cards in order, under a new name", async () => {
    const { id } = ok<{ id: string; name: string }>(await run("journeys.duplicate", "editor", { journeyId: hikerId }));
    const [source, copy] = await acme((tx) => Promise.all([loadJourneyTree(tx, { teamId: acmeId }, hikerId), loadJourneyTree(tx, { teamId: acmeId }, id)]));
    expect(copy!.journey.name).toBe("Weekend hiker (copy)");
    const shape = (tree: typeof source) =>
      tree!.stages.map((s) => ({
        name: s.name,
        emotion: s.emotion,
        touchpoints: s.touchpoints.map((t) => [t.channel, t.description, t.ownerId]),
        pains: s.painPoints.map((n) => n.text),
        opportunities: s.opportunities.map((n) => n.text),
      }));
    expect(shape(copy)).toEqual(shape(source));
    expect(copy!.stages.map((s) => s.id)).not.toContain(source!.stages[0]!.id);
  });

  it("refuses another team's journey (404) and a viewer (403)", async () => {
    refused(await run("journeys.duplicate", "editor", { journeyId: globexJourneyId }), 404);
    refused(await run("journeys.duplicate", "viewer", { journeyId: hikerId }), 403);
  });
});

describe("archive and restore", () => {
  it("moves a journey between the active and archived lists, version by version", async () => {
    const { id } = ok<{ id: string }>(await run("journeys.create", "editor", { name: "Seasonal", template: "funnel" }));
    ok(await run("journeys.archive", "editor", { journeyId: id, version: 1 }));
    const lists = () => acme(async (tx) => ({ active: await listJourneys(tx, { teamId: acmeId }, { archived: false }), archived: await listJourneys(tx, { teamId: acmeId }, { archived: true }) }));
    let { active, archived } = await lists();
    expect(active.map((j) => j.id)).not.toContain(id);
    expect(archived.find((j) => j.id === id)).toMatchObject({ stageCount: 5, version: 2 });

    // Archived journeys are read-only until restored.
    const stage = (await acme((tx) => tx.select().from(stages).where(eq(stages.journeyId, id))))[0]!;
    refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: stage.version, name: "Changed" }), 409);
    refused(await run("journeys.restore", "editor", { journeyId: id, version: 1 }), 409);

    ok(await run("journeys.restore", "editor", { journeyId: id, version: 2 }));
    ({ active, archived } = await lists());
    expect(active.map((j) => j.id)).toContain(id);
    expect(archived.map((j) => j.id)).not.toContain(id);
    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: id }));
    expect(log.map((e) => e.action).slice(0, 2)).toEqual(["restore", "archive"]);
  });

  it("refuses another team's journey (404) and a viewer (403)", async () => {
    refused(await run("journeys.archive", "editor", { journeyId: globexJourneyId, version: 1 }), 404);
    refused(await run("journeys.restore", "editor", { journeyId: globexJourneyId, version: 1 }), 404);
    refused(await run("journeys.archive", "viewer", { journeyId: hikerId, version: 1 }), 403);
    refused(await run("journeys.restore", "viewer", { journeyId: hikerId, version: 1 }), 403);
    expect((await journeyRow(hikerId))!.archivedAt).toBeNull();
  });
});

describe("delete a journey", () => {
  it("is for admins, needs the typed name and the current version, and takes stages, cards and links with it", async () => {
    const { id } = ok<{ id: string }>(await run("journeys.duplicate", "editor", { journeyId: hikerId, name: "Doomed" }));
    // Give the copy an objective link and make a scorecard point at it, as the original has.
    const copyStages = await acme((tx) => tx.select().from(stages).where(eq(stages.journeyId, id)));
    const [link] = await acme((tx) => tx.select().from(objectiveStages).limit(1));
    await acme((tx) => tx.insert(objectiveStages).values({ teamId: acmeId, objectiveId: link!.objectiveId, stageId: copyStages[0]!.id }));
    const [card] = await acme((tx) => tx.insert(scorecards).values({ teamId: acmeId, name: "Points at Doomed", journeyId: id }).returning());

    refused(await run("journeys.delete", "editor", { journeyId: id, version: 1, confirmation: "Doomed" }), 403);
    const wrong = refused(await run("journeys.delete", "admin", { journeyId: id, version: 1, confirmation: "doomed" }), 422);
    expect(wrong.fieldErrors?.confirmation?.[0]).toContain('"Doomed"');
    ok(await run("journeys.update", "editor", { journeyId: id, version: 1, name: "Doomed", personaName: "", personaDescription: "", goal: "", description: "changed" }));
    const stale = refused(await run("journeys.delete", "admin", { journeyId: id, version: 1, confirmation: "Doomed" }), 409);
    expect(stale.current).toMatchObject({ version: 2 });
    expect(await journeyRow(id)).toBeDefined();

    expect(ok(await run("journeys.delete", "admin", { journeyId: id, version: 2, confirmation: "Doomed" }))).toMatchObject({ detachedScorecards: 1 });
    expect(await journeyRow(id)).toBeUndefined();
    expect(await acme((tx) => tx.select().from(stages).where(eq(stages.journeyId, id)))).toEqual([]);
    expect(await acme((tx) => tx.select().from(objectiveStages).where(eq(objectiveStages.stageId, copyStages[0]!.id)))).toEqual([]);
    const [detached] = await acme((tx) => tx.select().from(scorecards).where(eq(scorecards.id, card!.id)));
    expect(detached).toMatchObject({ journeyId: null, version: 2 });
  });

  it("refuses another team's journey (404) even to an admin", async () => {
    refused(await run("journeys.delete", "owner", { journeyId: globexJourneyId, version: 1, confirmation: "Globex buyer" }), 404);
    expect(await inTeam(globexId, (tx) => tx.select().from(journeys).where(eq(journeys.id, globexJourneyId)))).toHaveLength(1);
  });
});

describe("export and import", () => {
  async function exported(who: Who, team: string, id: string) {
    const response = await exportJourney(new Request(`http://localhost/t/${team}/journeys/${id}/export`, { headers: { cookie: people.get(who)!.cookie } }), {
      params: Promise.resolve({ team, journeyId: id }),
    });
    return response;
  }

  it("round-trips a journey from acme into globex: same stages, cards and emotions; owners matched by e-mail or dropped", async () => {
    const response = await exported("viewer", "acme", hikerId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("weekend-hiker.journey.json");
    const text = await response.text();
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: "cairn.journey", formatVersion: 1, journey: { name: "Weekend hiker" } });
    expect(text).not.toContain(hikerId);

    const before = await countRows(globexId);
    const data = ok<{ id: string; stageCount: number; cardCount: number }>(await run("journeys.import", "globex", { document: text }, "globex"));
    const [source, copy] = await Promise.all([
      acme((tx) => loadJourneyTree(tx, { teamId: acmeId }, hikerId)),
      inTeam(globexId, (tx) => loadJourneyTree(tx, { teamId: globexId }, data.id)),
    ]);
    const shape = (tree: typeof source) => ({
      ...tree!.journey,
      id: undefined, teamId: undefined, createdAt: undefined, updatedAt: undefined,
      stages: tree!.stages.map((s) => ({
        name: s.name, customerGoal: s.customerGoal, doing: s.doing, thinking: s.thinking, feeling: s.feeling, emotion: s.emotion,
        touchpoints: s.touchpoints.map((t) => [t.channel, t.channelDetail, t.description]),
        pains: s.painPoints.map((n) => n.text),
        opportunities: s.opportunities.map((n) => n.text),
      })),
    });
    expect(shape(copy)).toEqual(shape(source));
    // Acme's people are not members of globex: their ownership does not travel.
    expect(copy!.stages.flatMap((s) => s.touchpoints.map((t) => t.ownerId))).toEqual(copy!.stages.flatMap((s) => s.touchpoints.map(() => null)));
    const after = await countRows(globexId);
    expect(after.stages - before.stages).toBe(6);
    expect(after.touchpoints - before.touchpoints + after.notes - before.notes).toBe(data.cardCount);

    // Importing back into acme keeps the owners who are members there.
    const back = ok<{ id: string }>(await run("journeys.import", "editor", { document: text }));
    const again = await acme((tx) => loadJourneyTree(tx, { teamId: acmeId }, back.id));
    expect(again!.stages.flatMap((s) => s.touchpoints.map((t) => t.ownerId))).toEqual(source!.stages.flatMap((s) => s.touchpoints.map((t) => t.ownerId)));
  });

  it("refuses a document of the wrong shape naming the bad field path, and saves nothing", async () => {
    const good = JSON.parse(await (await exported("editor", "acme", hikerId)).text());
    const before = await countRows(globexId);

    const notJson = refused(await run("journeys.import", "globex", { document: "{ not json" }, "globex"), 422);
    expect(notJson.fieldErrors?.document?.[0]).toMatch(/not valid JSON/);

    const emotion = structuredClone(good);
    emotion.journey.stages[2].emotion = 7;
    const badEmotion = refused(await run("journeys.import", "globex", { document: JSON.stringify(emotion) }, "globex"), 422);
    expect(badEmotion.fieldErrors?.["journey.stages.2.emotion"]?.[0]).toMatch(/Emotion must be a whole number from -2 to \+2/);
    expect(badEmotion.fieldErrors?.document?.[0]).toContain("journey.stages.2.emotion");

    // The last stage is bad: the stages before it must not have been written either.
    const lastBad = structuredClone(good);
    lastBad.journey.stages[5].touchpoints[0].channel = "carrier pigeon";
    const badChannel = refused(await run("journeys.import", "globex", { document: JSON.stringify(lastBad) }, "globex"), 422);
    expect(badChannel.fieldErrors?.["journey.stages.5.touchpoints.0.channel"]?.[0]).toMatch(/Channel must be one from the list/);

    const wrongShape = refused(await run("journeys.import", "globex", { document: JSON.stringify({ format: "cairn.journey", formatVersion: 1, journey: { name: "X", stages: "many" } }) }, "globex"), 422);
    expect(wrongShape.fieldErrors?.["journey.stages"]?.[0]).toMatch(/Stages must be a list/);

    const noName = structuredClone(good);
    noName.journey.name = "";
    expect(refused(await run("journeys.import", "globex", { document: JSON.stringify(noName) }, "globex"), 422).fieldErrors?.["journey.name"]?.[0]).toMatch(/Name is required/);

    const notOurs = refused(await run("journeys.import", "globex", { document: JSON.stringify([1, 2, 3]) }, "globex"), 422);
    expect(notOurs.fieldErrors?.document?.[0]).toMatch(/exported from Cairn/);

    refused(await run("journeys.import", "globex", { document: "" }, "globex"), 422);
    expect(await countRows(globexId)).toEqual(before);
  });

  it("refuses a large document with one unstorable card at the end, naming it, and saves nothing", async () => {
    const good = JSON.parse(await (await exported("editor", "acme", hikerId)).text());
    const before = await countRows(globexId);
    // 502 notes, the very last one holding a NUL, which PostgreSQL cannot store in text: the
    // edge refuses the whole document (naming the card) before anything is written.
    good.journey.stages.forEach((stage: { painPoints: string[]; opportunities: string[] }, i: number) => {
      stage.painPoints = Array.from({ length: i < 5 ? 83 : 80 }, (_, n) => `Pain ${n}`);
      stage.opportunities = i < 5 ? ["ok"] : ["ok", "\u0000 not storable"];
    });
    const result = await run("journeys.import", "globex", { document: JSON.stringify(good) }, "globex");
    refused(result, 422);
    expect(JSON.stringify(result)).toMatch(/opportunities/);
    expect(await countRows(globexId)).toEqual(before);
  });

  it("is refused to a viewer (403); the export answers 401/404 outside the team", async () => {
    const text = await (await exported("editor", "acme", hikerId)).text();
    refused(await run("journeys.import", "viewer", { document: text }), 403);
    // A member of globex cannot import into acme by naming acme's slug.
    refused(await run("journeys.import", "globex", { document: text }, "acme"), 404);
    const outsider = await exported("globex", "acme", hikerId);
    expect(outsider.status).toBe(404);
    // Globex's own slug with acme's journey id: not found, not forbidden.
    const crossId = await exported("globex", "globex", hikerId);
    expect(crossId.status).toBe(404);
    const anonymous = await exportJourney(new Request(`http://localhost/t/acme/journeys/${hikerId}/export`), { params: Promise.resolve({ team: "acme", journeyId: hikerId }) });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    const badId = await exported("editor", "acme", "not-a-uuid");
    expect(badId.status).toBe(404);
  });
});

describe("tenancy of journey rows", () => {
  it("never shows one team's journeys in another team's list", async () => {
    const list = await inTeam(globexId, (tx) => listJourneys(tx, { teamId: globexId }, { archived: false }));
    expect(list.map((j) => j.id)).not.toContain(hikerId);
    expect(list.map((j) => j.id)).toContain(globexJourneyId);
    const leaked = await inTeam(globexId, (tx) => tx.select().from(journeys).where(and(eq(journeys.id, hikerId))));
    expect(leaked).toEqual([]);
  });
});
