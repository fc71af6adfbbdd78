// The strategy map's actions against a real database seeded with the demo: adding a cause →
// effect link (and the refusals: cycle, duplicate, other scorecard, other team, viewer),
// removing one, and the activity each accepted change leaves.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/[scorecardId]/strategy-map/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { listObjectiveLinks } from "@/db/queries/objective-links";
import { findUserByEmail } from "@/db/queries/users";
import { objectives, perspectives, scorecards, teams, type Objective, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { run } from "../support/actions";

let acme: Team;
let globex: Team;
let scorecardId: string;
let people: Record<"editor" | "viewer" | "admin" | "globex", User>;
let byTitle: (title: string) => Objective;
let globexObjective: Objective;
let otherCardObjective: Objective;
let globexScorecardId: string;

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

const links = () => inTeam(acme.id, (tx) => listObjectiveLinks(tx, { teamId: acme.id }, scorecardId));
const linkActivity = () => inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "objective_link" }));

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test"), admin: await user("admin@acme.test"), globex: await user("owner@globex.test") };

  await inTeam(acme.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, acme.id));
    scorecardId = card!.id;
    const rows = await tx.select().from(objectives).where(eq(objectives.scorecardId, scorecardId));
    byTitle = (title) => rows.find((o) => o.title === title)!;
    // A second Acme scorecard, whose objective cannot be linked into the first one's map.
    const [other] = await tx.insert(scorecards).values({ teamId: acme.id, name: "Second card" }).returning();
    const [p] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: other!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    otherCardObjective = (await tx.insert(objectives).values({ teamId: acme.id, scorecardId: other!.id, perspectiveId: p!.id, title: "Elsewhere", position: 0 }).returning())[0]!;
  });
  await inTeam(globex.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, globex.id));
    globexScorecardId = card!.id;
    const [p] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    globexObjective = (await tx.insert(objectives).values({ teamId: globex.id, scorecardId: card!.id, perspectiveId: p!.id, title: "Globex objective", position: 0 }).returning())[0]!;
  });
  expect(actionRegistry.has("objectiveLinks.add")).toBe(true);
  expect(actionRegistry.has("objectiveLinks.remove")).toBe(true);
});

describe("adding a link", () => {
  it("links a cause to an effect and logs it with both titles", async () => {
    const cause = byTitle("Keep a motivated team");
    const effect = byTitle("Resolve issues on first contact");
    const before = (await links()).length;
    const link = accepted<{ id: string; causeId: string; effectId: string }>(
      await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: cause.id, effectId: effect.id }),
    );
    expect(link).toMatchObject({ causeId: cause.id, effectId: effect.id });
    expect((await links()).length).toBe(before + 1);
    const [entry] = await linkActivity();
    expect(entry).toMatchObject({
      action: "create", entityId: link.id, actorId: people.editor.id,
      after: { causeId: cause.id, effectId: effect.id, cause: "Keep a motivated team", effect: "Resolve issues on first contact" },
    });
  });

  it("refuses a link that would close a cycle, naming both objectives and the chain, on the server", async () => {
    // The seed has: Build expert gear advisors → Resolve issues on first contact → Earn loyal advocates → Grow recurring revenue.
    const before = await links();
    const result = refused(
      await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: byTitle("Grow recurring revenue").id, effectId: byTitle("Build expert gear advisors").id }),
      422,
    );
    expect(result.message).toBe(
      "“Grow recurring revenue” → “Build expert gear advisors” would make a cycle: “Build expert gear advisors” → “Resolve issues on first contact” → “Earn loyal advocates” → “Grow recurring revenue” already links “Build expert gear advisors” back to “Grow recurring revenue”.",
    );
    expect(result.fieldErrors?.effectId?.[0]).toContain("would make a cycle");

    // The reverse of an existing link is the shortest cycle.
    const reverse = refused(
      await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: byTitle("Grow recurring revenue").id, effectId: byTitle("Earn loyal advocates").id }),
      422,
    );
    expect(reverse.message).toContain("“Grow recurring revenue” → “Earn loyal advocates” would make a cycle");
    expect(await links()).toEqual(before);
  });

  it("refuses a self-link, a duplicate and an objective of another scorecard, naming them", async () => {
    const a = byTitle("Earn loyal advocates");
    const b = byTitle("Grow recurring revenue");
    const before = await links();
    expect(refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: a.id, effectId: a.id }), 422).message).toBe(
      "“Earn loyal advocates” cannot be its own cause.",
    );
    expect(refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: a.id, effectId: b.id }), 422).fieldErrors?.effectId?.[0]).toBe(
      "“Earn loyal advocates” already drives “Grow recurring revenue”",
    );
    expect(refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: otherCardObjective.id, effectId: b.id }), 422).fieldErrors?.causeId?.[0]).toBe(
      "“Elsewhere” belongs to another scorecard",
    );
    expect(refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: a.id, effectId: "nope" }), 422).fieldErrors?.effectId?.[0]).toBe(
      "Effect must be a valid id",
    );
    expect(await links()).toEqual(before);
  });

  it("refuses another team's objective or scorecard as not found, a viewer as forbidden, a stranger as unauthenticated", async () => {
    const a = byTitle("Keep a motivated team");
    refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: a.id, effectId: globexObjective.id }), 404);
    refused(await run("objectiveLinks.add", people.editor, { team: "acme", scorecardId: globexScorecardId, causeId: a.id, effectId: byTitle("Grow recurring revenue").id }), 404);
    refused(await run("objectiveLinks.add", people.globex, { team: "globex", scorecardId: globexScorecardId, causeId: globexObjective.id, effectId: a.id }), 404);
    refused(await run("objectiveLinks.add", people.editor, { team: "globex", scorecardId: globexScorecardId, causeId: globexObjective.id, effectId: a.id }), 404);
    refused(await run("objectiveLinks.add", people.viewer, { team: "acme", scorecardId, causeId: a.id, effectId: byTitle("Grow recurring revenue").id }), 403);
    refused(await run("objectiveLinks.add", null, { team: "acme", scorecardId, causeId: a.id, effectId: byTitle("Grow recurring revenue").id }), 401);
  });

  it("lets only one of two concurrent links that would form a cycle in", async () => {
    const a = byTitle("Improve unit economics");
    const b = byTitle("Make the first trip a success");
    const results = await Promise.all([
      run("objectiveLinks.add", people.editor, { team: "acme", scorecardId, causeId: a.id, effectId: b.id }),
      run("objectiveLinks.add", people.admin, { team: "acme", scorecardId, causeId: b.id, effectId: a.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 422)).toHaveLength(1);
  });
});

describe("removing a link", () => {
  it("removes it, logs it, and says not found the second time", async () => {
    const [link] = await links();
    accepted(await run("objectiveLinks.remove", people.editor, { team: "acme", scorecardId, linkId: link!.id }));
    expect((await links()).map((l) => l.id)).not.toContain(link!.id);
    const [entry] = await linkActivity();
    expect(entry).toMatchObject({ action: "delete", entityId: link!.id, before: { causeId: link!.causeId, effectId: link!.effectId } });
    refused(await run("objectiveLinks.remove", people.editor, { team: "acme", scorecardId, linkId: link!.id }), 404);
  });

  it("refuses a viewer, another team's scorecard, and a malformed id", async () => {
    const [link] = await links();
    refused(await run("objectiveLinks.remove", people.viewer, { team: "acme", scorecardId, linkId: link!.id }), 403);
    refused(await run("objectiveLinks.remove", people.globex, { team: "globex", scorecardId: globexScorecardId, linkId: link!.id }), 404);
    refused(await run("objectiveLinks.remove", people.editor, { team: "acme", scorecardId: globexScorecardId, linkId: link!.id }), 404);
    refused(await run("objectiveLinks.remove", people.editor, { team: "acme", scorecardId, linkId: "x" }), 422);
    expect((await links()).map((l) => l.id)).toContain(link!.id);
  });
});
