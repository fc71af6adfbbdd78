// Stage and card writes against a real database: add, edit, move (within and across
// stages), remove. Each with its refusals: stale version (409 with the current row and
// nothing moved), another team's ids (404), a viewer (403), impossible positions and bad
// fields (422 naming the field).
import { asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import "@/app/t/[team]/journeys/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { findUserByEmail } from "@/db/queries/users";
import { journeys, stageNotes, stages, teams, touchpoints } from "@/db/schema";
import type { SessionUser } from "@/db/queries/sessions";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";

type Who = "admin" | "editor" | "viewer" | "globex";
const people = new Map<Who, SessionUser>();
let acmeId = "";
let globexId = "";
let globexStageId = "";
let globexStageVersion = 1;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acmeId = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!.id;
  globexId = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!.id;
  for (const [who, email] of [["admin", "admin@acme.test"], ["editor", "editor@acme.test"], ["viewer", "viewer@acme.test"], ["globex", "owner@globex.test"]] as const) {
    const u = (await findUserByEmail(email))!;
    people.set(who, { id: u.id, email: u.email, name: u.name, image: u.image, emailVerified: u.emailVerified });
  }
  const [gs] = await inTeam(globexId, (tx) => tx.select().from(stages).limit(1));
  globexStageId = gs!.id;
  globexStageVersion = gs!.version;
}, 120_000);

function run(name: string, who: Who, input: Record<string, unknown>): Promise<ActionResult> {
  const action = actionRegistry.get(name);
  if (!action) throw new Error(`action ${name} is not registered`);
  return action.runAs(people.get(who)!, { team: "acme", ...input });
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
const stageRows = (journeyId: string) => acme((tx) => tx.select().from(stages).where(eq(stages.journeyId, journeyId)).orderBy(asc(stages.position)));
const order = async (journeyId: string) => (await stageRows(journeyId)).map((s) => `${s.position}:${s.name}`);
const lane = async (stageId: string, kind: "touchpoint" | "pain_point" | "opportunity") =>
  kind === "touchpoint"
    ? (await acme((tx) => tx.select().from(touchpoints).where(eq(touchpoints.stageId, stageId)).orderBy(asc(touchpoints.position)))).map((t) => `${t.position}:${t.description}`)
    : (await acme((tx) => tx.select().from(stageNotes).where(eq(stageNotes.stageId, stageId)).orderBy(asc(stageNotes.position))))
        .filter((n) => n.kind === kind)
        .map((n) => `${n.position}:${n.text}`);

/** A fresh six-stage journey per test, so tests never share positions. */
let journeyId = "";
let s: Awaited<ReturnType<typeof stageRows>> = [];
beforeEach(async () => {
  journeyId = ok<{ id: string }>(await run("journeys.create", "editor", { name: "Canvas", template: "lifecycle" })).id;
  s = await stageRows(journeyId);
});

describe("add a stage", () => {
  it("appends by default and inserts at a position, shifting the stages after it", async () => {
    const added = ok<{ id: string; position: number }>(await run("journeys.add_stage", "editor", { journeyId, name: "Renewal", emotion: "1" }));
    expect(added.position).toBe(6);
    ok(await run("journeys.add_stage", "editor", { journeyId, name: "Research", position: "1", customerGoal: "Know the options" }));
    expect(await order(journeyId)).toEqual(["0:Discovery", "1:Research", "2:Evaluation", "3:Purchase", "4:Onboarding", "5:Usage", "6:Support", "7:Renewal"]);
    const research = (await stageRows(journeyId))[1]!;
    expect(research).toMatchObject({ customerGoal: "Know the options", emotion: null, version: 1 });
    // Neighbours that slid one slot were not edited: their versions stay.
    expect((await stageRows(journeyId))[2]!.version).toBe(s[1]!.version);
  });

  it("refuses an impossible position, an empty or 500-character name and an emotion of 7, adding nothing", async () => {
    const impossible = refused(await run("journeys.add_stage", "editor", { journeyId, name: "Far", position: 9 }), 422);
    expect(impossible.fieldErrors?.position?.[0]).toBe("Position must be a whole number from 0 to 6");
    expect(refused(await run("journeys.add_stage", "editor", { journeyId, name: "Neg", position: -1 }), 422).fieldErrors?.position?.[0]).toMatch(/Position must be 0 or more/);
    expect(refused(await run("journeys.add_stage", "editor", { journeyId, name: "" }), 422).fieldErrors?.name?.[0]).toMatch(/Stage name is required/);
    expect(refused(await run("journeys.add_stage", "editor", { journeyId, name: "n".repeat(500) }), 422).fieldErrors?.name?.[0]).toMatch(/Stage name must be at most 200 characters/);
    expect(refused(await run("journeys.add_stage", "editor", { journeyId, name: "Ecstatic", emotion: 7 }), 422).fieldErrors?.emotion?.[0]).toBe("Emotion must be a whole number from -2 to +2");
    expect(await order(journeyId)).toHaveLength(6);
  });

  it("refuses another team's journey (404) and a viewer (403)", async () => {
    const [globexJourney] = await inTeam(globexId, (tx) => tx.select().from(journeys));
    refused(await run("journeys.add_stage", "editor", { journeyId: globexJourney!.id, name: "Sneaky" }), 404);
    refused(await run("journeys.add_stage", "viewer", { journeyId, name: "Viewer" }), 403);
    expect(await inTeam(globexId, (tx) => tx.select().from(stages))).toHaveLength(5);
  });
});

describe("edit a stage", () => {
  it("saves the fields sent (all of them, or just the emotion) and logs before → after", async () => {
    const stage = s[0]!;
    ok(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, name: "Discover", customerGoal: "Find us", doing: "Searching", thinking: "Hmm", feeling: "Curious", emotion: "2" }));
    ok(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 2, emotion: "-2" }));
    const [row] = await acme((tx) => tx.select().from(stages).where(eq(stages.id, stage.id)));
    expect(row).toMatchObject({ name: "Discover", customerGoal: "Find us", doing: "Searching", thinking: "Hmm", feeling: "Curious", emotion: -2, version: 3 });
    ok(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 3, emotion: "" }));
    expect((await acme((tx) => tx.select().from(stages).where(eq(stages.id, stage.id))))[0]!.emotion).toBeNull();
    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: stage.id }));
    expect(log.find((e) => e.field === "name")).toMatchObject({ before: "Discovery", after: "Discover", action: "update" });
    expect(log.filter((e) => e.field === "emotion").map((e) => [e.before, e.after])).toEqual([[-2, null], [2, -2], [1, 2]]);
  });

  it("refuses a stale version with the current row, leaving it as it is", async () => {
    const stage = s[1]!;
    ok(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, name: "Mine" }));
    const stale = refused(await run("journeys.update_stage", "admin", { stageId: stage.id, version: 1, name: "Theirs", emotion: 2 }), 409);
    expect(stale.current).toMatchObject({ id: stage.id, name: "Mine", version: 2 });
    expect((await stageRows(journeyId))[1]).toMatchObject({ name: "Mine", emotion: stage.emotion });
  });

  it("refuses bad fields by name: emotion 7, emotion 1.5, empty and 500-character names", async () => {
    const stage = s[2]!;
    expect(refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, emotion: 7 }), 422).fieldErrors).toEqual({ emotion: ["Emotion must be a whole number from -2 to +2"] });
    expect(refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, emotion: "1.5" }), 422).fieldErrors?.emotion).toBeDefined();
    expect(refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, name: " " }), 422).fieldErrors?.name?.[0]).toMatch(/Stage name is required/);
    expect(refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, name: "n".repeat(501) }), 422).fieldErrors?.name?.[0]).toMatch(/at most 200/);
    expect(refused(await run("journeys.update_stage", "editor", { stageId: stage.id, version: 1, feeling: "f".repeat(2001) }), 422).fieldErrors?.feeling?.[0]).toMatch(/Feeling must be at most 2000/);
    expect((await stageRows(journeyId))[2]).toMatchObject({ name: "Purchase", version: 1 });
  });

  it("refuses another team's stage (404) and a viewer (403)", async () => {
    refused(await run("journeys.update_stage", "editor", { stageId: globexStageId, version: globexStageVersion, name: "Mine" }), 404);
    refused(await run("journeys.update_stage", "viewer", { stageId: s[0]!.id, version: 1, name: "Viewer" }), 403);
    expect((await inTeam(globexId, (tx) => tx.select().from(stages).where(eq(stages.id, globexStageId))))[0]!.name).not.toBe("Mine");
  });
});

describe("move a stage", () => {
  it("moves right and left, renumbering the stages in between", async () => {
    ok(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1, position: 1 }));
    expect(await order(journeyId)).toEqual(["0:Evaluation", "1:Discovery", "2:Purchase", "3:Onboarding", "4:Usage", "5:Support"]);
    ok(await run("journeys.move_stage", "editor", { stageId: s[5]!.id, version: 1, position: 0 }));
    expect(await order(journeyId)).toEqual(["0:Support", "1:Evaluation", "2:Discovery", "3:Purchase", "4:Onboarding", "5:Usage"]);
    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: s[5]!.id }));
    expect(log[0]).toMatchObject({ action: "move", field: "position", before: 5, after: 0 });
  });

  it("refuses an impossible position naming it, and moves nothing", async () => {
    const before = await order(journeyId);
    expect(refused(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1, position: 6 }), 422).fieldErrors).toEqual({ position: ["Position must be a whole number from 0 to 5"] });
    expect(refused(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1, position: -1 }), 422).fieldErrors?.position).toBeDefined();
    expect(refused(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1, position: "2.5" }), 422).fieldErrors?.position?.[0]).toMatch(/whole number/);
    expect(refused(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1 }), 422).fieldErrors?.position).toBeDefined();
    expect(await order(journeyId)).toEqual(before);
  });

  it("is all-or-nothing: a stale version undoes the neighbours' shifts too", async () => {
    ok(await run("journeys.update_stage", "admin", { stageId: s[0]!.id, version: 1, name: "Discovery!" }));
    const before = await stageRows(journeyId);
    const stale = refused(await run("journeys.move_stage", "editor", { stageId: s[0]!.id, version: 1, position: 5 }), 409);
    expect(stale.current).toMatchObject({ id: s[0]!.id, name: "Discovery!", version: 2, position: 0 });
    expect(await stageRows(journeyId)).toEqual(before);
  });

  it("refuses another team's stage (404) and a viewer (403)", async () => {
    refused(await run("journeys.move_stage", "editor", { stageId: globexStageId, version: globexStageVersion, position: 0 }), 404);
    refused(await run("journeys.move_stage", "viewer", { stageId: s[0]!.id, version: 1, position: 1 }), 403);
    expect(await order(journeyId)).toEqual(s.map((x) => `${x.position}:${x.name}`));
  });
});

describe("remove a stage", () => {
  it("takes its cards with it and closes the gap", async () => {
    ok(await run("journeys.add_touchpoint", "editor", { stageId: s[2]!.id, channel: "website", description: "Checkout" }));
    ok(await run("journeys.remove_stage", "editor", { stageId: s[2]!.id, version: 1 }));
    expect(await order(journeyId)).toEqual(["0:Discovery", "1:Evaluation", "2:Onboarding", "3:Usage", "4:Support"]);
    expect(await acme((tx) => tx.select().from(touchpoints).where(eq(touchpoints.stageId, s[2]!.id)))).toEqual([]);
  });

  it("refuses a stale version (409), another team's stage (404) and a viewer (403)", async () => {
    ok(await run("journeys.update_stage", "editor", { stageId: s[3]!.id, version: 1, emotion: 1 }));
    expect(refused(await run("journeys.remove_stage", "editor", { stageId: s[3]!.id, version: 1 }), 409).current).toMatchObject({ version: 2, emotion: 1 });
    refused(await run("journeys.remove_stage", "editor", { stageId: globexStageId, version: globexStageVersion }), 404);
    refused(await run("journeys.remove_stage", "viewer", { stageId: s[3]!.id, version: 2 }), 403);
    expect(await order(journeyId)).toHaveLength(6);
  });
});

describe("touchpoints", () => {
  it("are added in order with a channel and an owner from the team, edited and removed", async () => {
    const editor = people.get("editor")!;
    const a = ok<{ id: string }>(await run("journeys.add_touchpoint", "editor", { stageId: s[0]!.id, channel: "social", channelDetail: "Instagram", description: "Trail reels", ownerId: editor.id }));
    const b = ok<{ id: string }>(await run("journeys.add_touchpoint", "editor", { stageId: s[0]!.id, channel: "email", description: "Newsletter", ownerId: "" }));
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:Trail reels", "1:Newsletter"]);
    const [row] = await acme((tx) => tx.select().from(touchpoints).where(eq(touchpoints.id, a.id)));
    expect(row).toMatchObject({ channel: "social", channelDetail: "Instagram", ownerId: editor.id, version: 1 });

    ok(await run("journeys.update_touchpoint", "editor", { touchpointId: a.id, version: 1, channel: "chat", channelDetail: "", description: "Live chat", ownerId: "" }));
    const stale = refused(await run("journeys.update_touchpoint", "admin", { touchpointId: a.id, version: 1, channel: "phone", description: "Hotline" }), 409);
    expect(stale.current).toMatchObject({ channel: "chat", description: "Live chat", ownerId: null, version: 2 });

    refused(await run("journeys.remove_touchpoint", "editor", { touchpointId: a.id, version: 1 }), 409);
    ok(await run("journeys.remove_touchpoint", "editor", { touchpointId: a.id, version: 2 }));
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:Newsletter"]);
    expect(b.id).toBeDefined();
  });

  it("refuses a bad channel, an empty description and an owner from outside the team, by field", async () => {
    expect(refused(await run("journeys.add_touchpoint", "editor", { stageId: s[0]!.id, channel: "fax", description: "x" }), 422).fieldErrors?.channel?.[0]).toBe("Channel must be one from the list");
    expect(refused(await run("journeys.add_touchpoint", "editor", { stageId: s[0]!.id, channel: "email", description: "" }), 422).fieldErrors?.description?.[0]).toMatch(/Description is required/);
    const outsider = refused(await run("journeys.add_touchpoint", "editor", { stageId: s[0]!.id, channel: "email", description: "x", ownerId: people.get("globex")!.id }), 422);
    expect(outsider.fieldErrors).toEqual({ ownerId: ["Owner must be a member of this team"] });
    expect(await lane(s[0]!.id, "touchpoint")).toEqual([]);
  });

  it("refuses another team's stage or touchpoint (404) and a viewer (403)", async () => {
    refused(await run("journeys.add_touchpoint", "editor", { stageId: globexStageId, channel: "email", description: "x" }), 404);
    const [tp] = await inTeam(globexId, (tx) => tx.insert(touchpoints).values({ teamId: globexId, stageId: globexStageId, channel: "email", description: "Globex mail", position: 0 }).returning());
    refused(await run("journeys.update_touchpoint", "editor", { touchpointId: tp!.id, version: 1, channel: "email", description: "Mine" }), 404);
    refused(await run("journeys.remove_touchpoint", "editor", { touchpointId: tp!.id, version: 1 }), 404);
    refused(await run("journeys.add_touchpoint", "viewer", { stageId: s[0]!.id, channel: "email", description: "x" }), 403);
    expect((await inTeam(globexId, (tx) => tx.select().from(touchpoints).where(eq(touchpoints.id, tp!.id))))[0]!.description).toBe("Globex mail");
  });
});

describe("pain points and opportunities", () => {
  it("are added per lane, edited with a version and removed", async () => {
    const pain = ok<{ id: string }>(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "pain_point", text: "Setup is confusing" }));
    ok(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "opportunity", text: "Guided setup" }));
    ok(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "pain_point", text: "Too many e-mails" }));
    expect(await lane(s[3]!.id, "pain_point")).toEqual(["0:Setup is confusing", "1:Too many e-mails"]);
    expect(await lane(s[3]!.id, "opportunity")).toEqual(["0:Guided setup"]);

    ok(await run("journeys.update_note", "editor", { noteId: pain.id, version: 1, text: "Setup takes a day" }));
    expect(refused(await run("journeys.update_note", "admin", { noteId: pain.id, version: 1, text: "Theirs" }), 409).current).toMatchObject({ text: "Setup takes a day" });
    expect(refused(await run("journeys.remove_note", "editor", { noteId: pain.id, version: 1 }), 409).current).toMatchObject({ version: 2 });
    ok(await run("journeys.remove_note", "editor", { noteId: pain.id, version: 2 }));
    expect(await lane(s[3]!.id, "pain_point")).toEqual(["0:Too many e-mails"]);
  });

  it("refuse empty or oversized text and an unknown kind, by field; another team's (404); a viewer (403)", async () => {
    expect(refused(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "pain_point", text: "" }), 422).fieldErrors?.text?.[0]).toMatch(/Text is required/);
    expect(refused(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "pain_point", text: "t".repeat(1001) }), 422).fieldErrors?.text?.[0]).toMatch(/at most 1000/);
    expect(refused(await run("journeys.add_note", "editor", { stageId: s[3]!.id, kind: "gripe", text: "x" }), 422).fieldErrors?.kind).toBeDefined();
    refused(await run("journeys.add_note", "editor", { stageId: globexStageId, kind: "pain_point", text: "x" }), 404);
    const [note] = await inTeam(globexId, (tx) => tx.insert(stageNotes).values({ teamId: globexId, stageId: globexStageId, kind: "opportunity", text: "Globex idea", position: 0 }).returning());
    refused(await run("journeys.update_note", "editor", { noteId: note!.id, version: 1, text: "Mine" }), 404);
    refused(await run("journeys.remove_note", "editor", { noteId: note!.id, version: 1 }), 404);
    refused(await run("journeys.add_note", "viewer", { stageId: s[3]!.id, kind: "pain_point", text: "x" }), 403);
    expect(await lane(s[3]!.id, "pain_point")).toEqual([]);
  });
});

describe("move a card", () => {
  async function threeCards(stageId: string) {
    const ids: string[] = [];
    for (const text of ["A", "B", "C"]) ids.push(ok<{ id: string }>(await run("journeys.add_touchpoint", "editor", { stageId, channel: "website", description: text })).id);
    return ids;
  }

  it("reorders within a lane and moves to the same lane of another stage", async () => {
    const [a, b, c] = await threeCards(s[0]!.id);
    ok(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: c, version: 1, stageId: s[0]!.id, position: 0 }));
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:C", "1:A", "2:B"]);
    ok(await run("journeys.add_touchpoint", "editor", { stageId: s[1]!.id, channel: "email", description: "X" }));
    ok(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: a, version: 1, stageId: s[1]!.id, position: 1 }));
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:C", "1:B"]);
    expect(await lane(s[1]!.id, "touchpoint")).toEqual(["0:X", "1:A"]);
    expect(b).toBeDefined();

    const pain = ok<{ id: string }>(await run("journeys.add_note", "editor", { stageId: s[0]!.id, kind: "pain_point", text: "P" }));
    ok(await run("journeys.add_note", "editor", { stageId: s[1]!.id, kind: "pain_point", text: "Q" }));
    ok(await run("journeys.move_card", "editor", { cardType: "note", cardId: pain.id, version: 1, stageId: s[1]!.id, position: 0 }));
    expect(await lane(s[1]!.id, "pain_point")).toEqual(["0:P", "1:Q"]);
    const log = await acme((tx) => listActivity(tx, { teamId: acmeId }, { entityId: pain.id }));
    expect(log[0]).toMatchObject({ action: "move", before: { stageId: s[0]!.id, position: 0 }, after: { stageId: s[1]!.id, position: 0 } });
  });

  it("refuses an impossible position (422 naming it) and a stale version (409), moving nothing", async () => {
    const [a, b] = await threeCards(s[0]!.id);
    expect(refused(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: a, version: 1, stageId: s[0]!.id, position: 3 }), 422).fieldErrors).toEqual({ position: ["Position must be a whole number from 0 to 2"] });
    // Into another stage's empty lane, the only slot is 0.
    expect(refused(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: a, version: 1, stageId: s[4]!.id, position: 1 }), 422).fieldErrors?.position).toBeDefined();
    ok(await run("journeys.update_touchpoint", "admin", { touchpointId: b, version: 1, channel: "website", description: "B2" }));
    const stale = refused(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: b, version: 1, stageId: s[1]!.id, position: 0 }), 409);
    expect(stale.current).toMatchObject({ description: "B2", version: 2 });
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:A", "1:B2", "2:C"]);
    expect(await lane(s[1]!.id, "touchpoint")).toEqual([]);
  });

  it("refuses a stage of another journey (422), of another team (404), and a viewer (403)", async () => {
    const [a] = await threeCards(s[0]!.id);
    const [hiker] = await acme((tx) => tx.select().from(journeys).where(eq(journeys.name, "Weekend hiker")));
    const [hikerStage] = await stageRows(hiker!.id);
    expect(refused(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: a, version: 1, stageId: hikerStage!.id, position: 0 }), 422).fieldErrors).toEqual({ stageId: ["The card can only move to a stage of the same journey"] });
    refused(await run("journeys.move_card", "editor", { cardType: "touchpoint", cardId: a, version: 1, stageId: globexStageId, position: 0 }), 404);
    refused(await run("journeys.move_card", "viewer", { cardType: "touchpoint", cardId: a, version: 1, stageId: s[1]!.id, position: 0 }), 403);
    expect(refused(await run("journeys.move_card", "editor", { cardType: "sticky", cardId: a, version: 1, stageId: s[1]!.id, position: 0 }), 422).fieldErrors?.cardType).toBeDefined();
    expect(await lane(s[0]!.id, "touchpoint")).toEqual(["0:A", "1:B", "2:C"]);
  });
});
