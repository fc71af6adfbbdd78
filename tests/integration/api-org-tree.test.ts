// The organisation tree and cascade contributions through REST API v1 (#21): `parentId` on read,
// create and PATCH (If-Match; a loop is a 422 naming the field, another team's scorecard a 404),
// GET /scorecards/{id}/children, and objectives' `contributesTo` with the ancestor rule.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { perspectives, teams, type Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { createTeam } from "@/lib/teams/create-team";
import { expectProblem, mintKey, send } from "./api-helpers";

let acme: Team;
let other: Team;
let key: string;
let otherKey: string;

async function newTeam(label: string) {
  const owner = await createUser({ email: `${label}-${crypto.randomUUID()}@example.test`, name: label, emailVerified: clock.now() });
  const team = await createTeam(owner.id, `${label} ${crypto.randomUUID().slice(0, 6)}`);
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  return team;
}

beforeAll(async () => {
  acme = await newTeam("acme");
  other = await newTeam("other");
  key = (await mintKey(acme.id, ["read", "write"])).key;
  otherKey = (await mintKey(other.id, ["read", "write"])).key;
});

const createCard = async (name: string, parentId?: string | null, k = key) => {
  const made = await send("POST", "/api/v1/scorecards", { key: k, body: parentId === undefined ? { name } : { name, parentId } });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  return made.json as { id: string; parentId: string | null; version: number };
};

const financialOf = async (team: Team, scorecardId: string) =>
  (await inTeam(team.id, (tx) => tx.select().from(perspectives).where(and(eq(perspectives.scorecardId, scorecardId), eq(perspectives.kind, "financial")))))[0]!.id;

const createObjective = async (scorecardId: string, title: string, contributesTo?: string[], team = acme, k = key) => {
  const body: Record<string, unknown> = { perspectiveId: await financialOf(team, scorecardId), title };
  if (contributesTo) body.contributesTo = contributesTo;
  return send("POST", "/api/v1/objectives", { key: k, body });
};

describe("the tree through the API", () => {
  it("exposes parentId, creates under a parent and lists the children", async () => {
    const company = await createCard("Company");
    expect(company.parentId).toBeNull();
    const sales = await createCard("Sales", company.id);
    const support = await createCard("Support", company.id);
    expect(sales.parentId).toBe(company.id);
    expect((await send("GET", `/api/v1/scorecards/${sales.id}`, { key })).json.parentId).toBe(company.id);
    const listed = (await send("GET", "/api/v1/scorecards", { key })).json.data as Array<{ id: string; parentId: string | null }>;
    expect(listed.find((s) => s.id === support.id)?.parentId).toBe(company.id);
    const children = await send("GET", `/api/v1/scorecards/${company.id}/children`, { key });
    expect(children.status).toBe(200);
    expect(children.json.data.map((s: { name: string }) => s.name)).toEqual(["Sales", "Support"]);
    expect(children.json.data[0]).toMatchObject({ id: sales.id, parentId: company.id, status: "grey", score: null });
    expect((await send("GET", `/api/v1/scorecards/${sales.id}/children`, { key })).json.data).toEqual([]);
    expectProblem(await send("GET", `/api/v1/scorecards/${company.id}/children`, { key: otherKey }), 404);
  });

  it("moves with PATCH and If-Match; refuses a loop by name (422 on parentId) and another team's parent (404)", async () => {
    const sales = await createCard("Sales");
    const emea = await createCard("EMEA", sales.id);
    const loop = expectProblem(await send("PATCH", `/api/v1/scorecards/${sales.id}`, { key, body: { parentId: emea.id }, headers: { "if-match": '"1"' } }), 422);
    expect(loop.detail).toBe("“Sales” cannot go under “EMEA”: “EMEA” is inside “Sales”, so the tree would loop.");
    expect(loop.errors?.map((e) => e.pointer)).toEqual(["/parentId"]);
    const theirs = await createCard("Theirs", null, otherKey);
    const foreign = expectProblem(await send("PATCH", `/api/v1/scorecards/${emea.id}`, { key, body: { parentId: theirs.id }, headers: { "if-match": '"1"' } }), 404);
    expect(foreign.errors?.[0]?.pointer).toBe("/parentId");
    expectProblem(await send("POST", "/api/v1/scorecards", { key, body: { name: "Child", parentId: theirs.id } }), 404);
    expectProblem(await send("PATCH", `/api/v1/scorecards/${emea.id}`, { key, body: { parentId: null } }), 428);

    const moved = await send("PATCH", `/api/v1/scorecards/${emea.id}`, { key, body: { parentId: null }, headers: { "if-match": '"1"' } });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ parentId: null, version: 2, name: "EMEA" });
    expect(moved.headers.get("etag")).toBe('"2"');
    expectProblem(await send("PATCH", `/api/v1/scorecards/${emea.id}`, { key, body: { parentId: sales.id }, headers: { "if-match": '"1"' } }), 412);
    expect((await send("GET", `/api/v1/scorecards/${sales.id}`, { key })).json.version).toBe(1);
  });
});

describe("contributions through the API", () => {
  it("accepts contributesTo toward ancestors only, shows it on read, replaces it on PATCH", async () => {
    const company = await createCard("Company");
    const sales = await createCard("Sales", company.id);
    const support = await createCard("Support", company.id);
    const grow = (await createObjective(company.id, "Grow")).json;
    const profit = (await createObjective(company.id, "Profit")).json;
    const care = (await createObjective(support.id, "Care")).json;

    const sell = await createObjective(sales.id, "Sell", [grow.id]);
    expect(sell.status).toBe(201);
    expect(sell.json.contributesTo).toEqual([grow.id]);

    const sibling = expectProblem(await createObjective(sales.id, "Help", [care.id]), 422);
    expect(sibling.detail).toContain("“Support” is not above “Sales”");
    expect(sibling.errors?.[0]?.pointer).toBe("/contributesTo");
    const upward = expectProblem(await send("PATCH", `/api/v1/objectives/${grow.id}`, { key, body: { contributesTo: [sell.json.id] }, headers: { "if-match": '"1"' } }), 422);
    expect(upward.detail).toContain("“Sales” is not above “Company”");
    const otherCard = await createCard("Elsewhere", null, otherKey);
    const foreign = (await createObjective(otherCard.id, "Theirs", undefined, other, otherKey)).json;
    expectProblem(await send("PATCH", `/api/v1/objectives/${sell.json.id}`, { key, body: { contributesTo: [foreign.id] }, headers: { "if-match": '"1"' } }), 404);
    // Nothing of the refused writes stayed.
    const tree = (await send("GET", `/api/v1/scorecards/${sales.id}`, { key })).json;
    const objectives = tree.perspectives.flatMap((p: { objectives: unknown[] }) => p.objectives) as Array<{ title: string; contributesTo: string[]; version: number }>;
    expect(objectives.map((o) => [o.title, o.contributesTo, o.version])).toEqual([["Sell", [grow.id], 1]]);

    const replaced = await send("PATCH", `/api/v1/objectives/${sell.json.id}`, { key, body: { contributesTo: [profit.id, grow.id] }, headers: { "if-match": '"1"' } });
    expect(replaced.status).toBe(200);
    expect([...replaced.json.contributesTo].sort()).toEqual([profit.id, grow.id].sort());
    expect(replaced.json.version).toBe(2);

    // Moving Sales to the top removes what no longer points above it.
    await send("PATCH", `/api/v1/scorecards/${sales.id}`, { key, body: { parentId: null }, headers: { "if-match": '"1"' } });
    const after = await send("GET", `/api/v1/scorecards/${sales.id}`, { key });
    expect(after.json.perspectives.flatMap((p: { objectives: Array<{ contributesTo: string[] }> }) => p.objectives.map((o) => o.contributesTo))).toEqual([[]]);
  });
});
