// The REST API v1 contract (DESIGN.md "Public REST API v1") through its real route handlers
// and a real database seeded with the demo: field names and values, pagination, If-Match /
// ETag, upserts, the refusals of every kind of bad input, rate limits and key bookkeeping.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { loadJourneyAlignment, loadScorecardTree } from "@/db/queries/scorecard-tree";
import { apiKeys, journeys, kpis, measurements, objectives, perspectives, rateLimitBuckets, scorecards, stages, teams, type Kpi, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { LIMITS } from "@/lib/rate-limit";
import { nextPeriod, periodStartFor, type TeamCalendar } from "@/lib/periods";
import { evaluateScorecard, stageHealthById, teamToday } from "@/lib/scorecards/evaluate";
import { expectProblem, mintKey, send } from "./api-helpers";

let acme: Team;
let globex: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let journeyId: string;
let keys: { write: string; read: string; writeOnly: string; globex: string };
let writeKeyId: string;
let percentKpi: Kpi; // monthly, percent
let countKpi: Kpi; // monthly, not percent
let globexKpiId: string;
let globexPerspectiveId: string;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  scorecardId = (await inTeam(acme.id, (tx) => tx.select({ id: scorecards.id }).from(scorecards)))[0]!.id;
  journeyId = (await inTeam(acme.id, (tx) => tx.select({ id: journeys.id }).from(journeys)))[0]!.id;
  const all = await inTeam(acme.id, (tx) => tx.select().from(kpis));
  percentKpi = all.find((k) => k.frequency === "monthly" && k.unit === "percent")!;
  countKpi = all.find((k) => k.frequency === "monthly" && k.unit !== "percent" && k.direction !== "range")!;
  const write = await mintKey(acme.id, ["read", "write"], "sync");
  writeKeyId = write.id;
  keys = {
    write: write.key,
    read: (await mintKey(acme.id, ["read"])).key,
    writeOnly: (await mintKey(acme.id, ["write"])).key,
    globex: (await mintKey(globex.id, ["read", "write"])).key,
  };
  // Globex gets a KPI of its own, so the tests can name another team's ids.
  await inTeam(globex.id, async (tx) => {
    const [card] = await tx.select().from(scorecards);
    const [perspective] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    globexPerspectiveId = perspective!.id;
  });
  const objective = await send("POST", "/api/v1/objectives", { key: keys.globex, body: { perspectiveId: globexPerspectiveId, title: "Globex objective" } });
  const kpi = await send("POST", "/api/v1/kpis", {
    key: keys.globex,
    body: { objectiveId: objective.json.id, name: "Globex NPS", unit: "score", direction: "up", target: 50, redThreshold: 20, frequency: "monthly", indicator: "lagging" },
  });
  expect(kpi.status).toBe(201);
  globexKpiId = kpi.json.id;
});

const KPI_FIELDS = ["id", "objectiveId", "name", "unit", "direction", "baseline", "target", "redThreshold", "frequency", "indicator", "ownerId", "version", "latest", "status", "score"];

describe("scorecards", () => {
  it("GET /scorecards/{id}: perspectives → objectives → KPIs with latest value, status and score, as the app computes them", async () => {
    const { status, json } = await send("GET", `/api/v1/scorecards/${scorecardId}`, { key: keys.read });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["id", "name", "journeyId", "version", "score", "status", "perspectives"]));
    const asOf = teamToday(calendar);
    const expected = await inTeam(acme.id, async (tx) => evaluateScorecard((await loadScorecardTree(tx, { teamId: acme.id }, scorecardId, asOf))!, asOf, calendar));
    expect(json).toMatchObject({ id: scorecardId, name: "Acme Outdoor 2026", journeyId, score: expected.rollup.score, status: expected.rollup.status });
    expect(json.perspectives.map((p: { kind: string }) => p.kind)).toEqual(expected.perspectives.map((p) => p.perspective.kind));
    const perspective = json.perspectives[0];
    expect(Object.keys(perspective)).toEqual(expect.arrayContaining(["id", "name", "kind", "weight", "score", "status", "objectives"]));
    const objective = perspective.objectives[0];
    expect(Object.keys(objective)).toEqual(expect.arrayContaining(["id", "title", "description", "ownerId", "weight", "stageIds", "version", "score", "status", "kpis"]));
    const apiKpis = json.perspectives.flatMap((p: { objectives: Array<{ kpis: unknown[] }> }) => p.objectives.flatMap((o) => o.kpis));
    const appKpis = expected.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    expect(apiKpis).toHaveLength(appKpis.length);
    for (const [i, kpi] of apiKpis.entries()) {
      expect(Object.keys(kpi)).toEqual(expect.arrayContaining(KPI_FIELDS));
      const app = appKpis[i]!;
      expect(kpi).toMatchObject({ id: app.kpi.id, status: app.evaluation.status, score: app.evaluation.score, latest: app.evaluation.period ? { period: app.evaluation.period, value: app.evaluation.value } : null });
    }
    expect(apiKpis.some((k: { latest: unknown }) => k.latest !== null)).toBe(true);
    expect(apiKpis.every((k: { latest: { period: string } | null }) => k.latest === null || /^\d{4}-\d{2}-\d{2}$/.test(k.latest.period))).toBe(true);
  });

  it("GET /scorecards/{id} answers a repeated request the same, and shows a value posted in between", async () => {
    const kpiOf = (json: { perspectives: Array<{ objectives: Array<{ kpis: Array<{ id: string; latest: { value: number } | null }> }> }> }) =>
      json.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.id === countKpi.id);
    const before = await send("GET", `/api/v1/scorecards/${scorecardId}`, { key: keys.read });
    const again = await send("GET", `/api/v1/scorecards/${scorecardId}`, { key: keys.read });
    expect(again.json).toEqual(before.json);
    const period = periodStartFor(teamToday(calendar), countKpi.frequency, calendar);
    const value = (kpiOf(before.json)?.latest?.value ?? 0) + 1;
    expect((await send("POST", `/api/v1/kpis/${countKpi.id}/measurements`, { key: keys.write, body: { period, value } })).status).toBeLessThan(300);
    const after = await send("GET", `/api/v1/scorecards/${scorecardId}`, { key: keys.read });
    expect(kpiOf(after.json)?.latest).toMatchObject({ period, value });
  });

  it("POST /scorecards: 402 beyond the plan's limit, then 201 with the default perspectives and a Location", async () => {
    const refused = expectProblem(await send("POST", "/api/v1/scorecards", { key: keys.write, body: { name: "Second" } }), 402);
    expect(refused.detail).toMatch(/Free plan includes 1 active scorecard/);
    const { db } = await getDbHandle();
    await db.update(teams).set({ plan: "team", subscriptionStatus: "active" }).where(eq(teams.id, acme.id));
    try {
      const created = await send("POST", "/api/v1/scorecards", { key: keys.write, body: { name: "  Retail 2027 ", journeyId } });
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toBe(`/api/v1/scorecards/${created.json.id}`);
      expect(created.json).toMatchObject({ name: "Retail 2027", journeyId, version: 1, score: null, status: "grey" });
      expect(created.json.perspectives.map((p: { kind: string }) => p.kind).sort()).toEqual(["customer", "financial", "internal", "learning"]);
      const fetched = await send("GET", created.headers.get("location")!, { key: keys.read });
      expect(fetched.json).toEqual(created.json);
    } finally {
      await db.update(teams).set({ plan: "free", subscriptionStatus: "none" }).where(eq(teams.id, acme.id));
    }
  });

  it("GET /scorecards pages with an opaque cursor, oldest first, every scorecard once", async () => {
    const all = await send("GET", "/api/v1/scorecards?limit=100", { key: keys.read });
    expect(all.status).toBe(200);
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.data.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(all.json.data[0]).sort()).toEqual(["id", "journeyId", "name", "parentId", "score", "status", "version"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; json: { data: Array<{ id: string }>; nextCursor: string | null } } = await send("GET", `/api/v1/scorecards?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { key: keys.read });
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.json.data.map((s) => s.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.json.data.map((s: { id: string }) => s.id));
  });
});

describe("journeys", () => {
  it("GET /journeys/{id}: stages in order with emotion and health from the objectives that serve them", async () => {
    const { status, json } = await send("GET", `/api/v1/journeys/${journeyId}`, { key: keys.read });
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["id", "name", "persona", "stages", "version"]);
    expect(json).toMatchObject({ id: journeyId, name: "Weekend hiker", persona: "Hanna, 34, weekend hiker" });
    expect(json.stages.map((s: { name: string }) => s.name)).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
    expect(json.stages.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const asOf = teamToday(calendar);
    const health = await inTeam(acme.id, async (tx) => stageHealthById(await loadJourneyAlignment(tx, { teamId: acme.id }, journeyId, asOf), asOf, calendar));
    for (const stage of json.stages) {
      expect(Object.keys(stage).sort()).toEqual(["emotion", "health", "id", "name", "position"]);
      const expected = health.get(stage.id);
      expect(stage.health).toEqual({ score: expected?.score ?? null, status: expected?.status ?? "grey" });
    }
    expect(json.stages.some((s: { health: { status: string } }) => s.health.status !== "grey")).toBe(true);
  });

  it("POST /journeys creates one from a template; GET /journeys lists it", async () => {
    const created = await send("POST", "/api/v1/journeys", { key: keys.write, body: { name: "B2B buyer", persona: "Procurement lead", template: "funnel" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/journeys/${created.json.id}`);
    expect(created.json).toMatchObject({ name: "B2B buyer", persona: "Procurement lead", version: 1 });
    expect(created.json.stages.map((s: { name: string }) => s.name)).toEqual(["Awareness", "Consideration", "Decision", "Adoption", "Loyalty"]);
    expect(created.json.stages.every((s: { health: { status: string; score: null } }) => s.health.status === "grey" && s.health.score === null)).toBe(true);
    const list = await send("GET", "/api/v1/journeys", { key: keys.read });
    expect(list.json.data.map((j: { id: string }) => j.id)).toEqual([journeyId, created.json.id]);
    expect(list.json.data[1]).toEqual({ id: created.json.id, name: "B2B buyer", persona: "Procurement lead", version: 1 });
    const blank = await send("POST", "/api/v1/journeys", { key: keys.write, body: { name: "Empty map", template: "blank" } });
    expect(blank.json.stages).toEqual([]);
  });
});

describe("objectives", () => {
  it("POST /objectives → 201 with an ETag; PATCH needs If-Match: 428 without, 412 stale (with the current one), 200 fresh", async () => {
    const [perspective] = await inTeam(acme.id, (tx) => tx.select().from(perspectives).where(eq(perspectives.scorecardId, scorecardId)).limit(1));
    const [stage] = await inTeam(acme.id, (tx) => tx.select().from(stages).where(eq(stages.journeyId, journeyId)).limit(1));
    const created = await send("POST", "/api/v1/objectives", { key: keys.write, body: { perspectiveId: perspective!.id, title: "Win repeat hikers", stageIds: [stage!.id], weight: 2 } });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.json).toMatchObject({ perspectiveId: perspective!.id, title: "Win repeat hikers", description: "", ownerId: null, weight: 2, stageIds: [stage!.id], version: 1, score: null, status: "grey", kpis: [] });
    const id = created.json.id as string;

    const missing = expectProblem(await send("PATCH", `/api/v1/objectives/${id}`, { key: keys.write, body: { title: "x" } }), 428);
    expect(missing.errors).toEqual([{ name: "If-Match", reason: "If-Match is required" }]);
    expectProblem(await send("PATCH", `/api/v1/objectives/${id}`, { key: keys.write, body: { title: "x" }, headers: { "if-match": "1" } }), 400);

    const updated = await send("PATCH", `/api/v1/objectives/${id}`, { key: keys.write, body: { title: "Win back repeat hikers" }, headers: { "if-match": '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    // Only the field sent changed: the stages it serves and its weight stay.
    expect(updated.json).toMatchObject({ title: "Win back repeat hikers", version: 2, stageIds: [stage!.id], weight: 2 });

    const stale = await send("PATCH", `/api/v1/objectives/${id}`, { key: keys.write, body: { title: "Overwrite" }, headers: { "if-match": '"1"' } });
    const problem = expectProblem(stale, 412);
    expect(stale.headers.get("etag")).toBe('"2"');
    expect(stale.json.current).toEqual(updated.json);
    expect(problem.detail).toMatch(/now 2/);
    const [row] = await inTeam(acme.id, (tx) => tx.select().from(objectives).where(eq(objectives.id, id)));
    expect(row!.title).toBe("Win back repeat hikers");
  });

  it("refuses another team's perspective and objective with 404, and an empty or unknown change with 422", async () => {
    expectProblem(await send("POST", "/api/v1/objectives", { key: keys.write, body: { perspectiveId: globexPerspectiveId, title: "Sneaky" } }), 404);
    const [globexObjective] = await inTeam(globex.id, (tx) => tx.select().from(objectives));
    expectProblem(await send("PATCH", `/api/v1/objectives/${globexObjective!.id}`, { key: keys.write, body: { title: "x" }, headers: { "if-match": '"1"' } }), 404);
    const [own] = await inTeam(acme.id, (tx) => tx.select().from(objectives).limit(1));
    const empty = expectProblem(await send("PATCH", `/api/v1/objectives/${own!.id}`, { key: keys.write, body: {}, headers: { "if-match": `"${own!.version}"` } }), 422);
    expect(empty.errors).toEqual([{ pointer: "", reason: "Send at least one field to change" }]);
    const unknown = expectProblem(await send("PATCH", `/api/v1/objectives/${own!.id}`, { key: keys.write, body: { titel: "typo" }, headers: { "if-match": `"${own!.version}"` } }), 422);
    expect(unknown.errors).toContainEqual({ pointer: "/titel", reason: '"titel" is not a field of this object' });
  });
});

describe("KPIs", () => {
  const body = (objectiveId: string) => ({ objectiveId, name: "Repeat purchase rate", unit: "percent", direction: "up", target: 40, redThreshold: 25, frequency: "quarterly", indicator: "lagging" });

  it("POST /kpis → 201 with every contract field; PATCH keeps unsent fields, records the reason, moves the ETag", async () => {
    const created = await send("POST", "/api/v1/kpis", { key: keys.write, body: body(percentKpi.objectiveId) });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(Object.keys(created.json)).toEqual(expect.arrayContaining(KPI_FIELDS));
    expect(created.json).toMatchObject({ ...body(percentKpi.objectiveId), baseline: null, targetMax: null, currency: null, ownerId: null, version: 1, latest: null, status: "grey", score: null, source: "api" });

    const patched = await send("PATCH", `/api/v1/kpis/${created.json.id}`, { key: keys.write, body: { target: 45, reason: "Board raised the bar" }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("etag")).toBe('"2"');
    expect(patched.json).toMatchObject({ target: 45, redThreshold: 25, name: "Repeat purchase rate", version: 2 });
    const history = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "kpi", entityId: created.json.id }));
    expect(history.find((h) => h.field === "target")).toMatchObject({ before: 40, after: 45, reason: "Board raised the bar" });

    const stale = await send("PATCH", `/api/v1/kpis/${created.json.id}`, { key: keys.write, body: { target: 50 }, headers: { "if-match": '"1"' } });
    expectProblem(stale, 412);
    expect(stale.json.current).toMatchObject({ id: created.json.id, version: 2, target: 45 });
    expectProblem(await send("PATCH", `/api/v1/kpis/${created.json.id}`, { key: keys.write, body: { target: 50 } }), 428);
  });

  it("refuses a KPI that could not be scored, naming the fields, on create and after a PATCH", async () => {
    const wrongSide = expectProblem(await send("POST", "/api/v1/kpis", { key: keys.write, body: { ...body(percentKpi.objectiveId), redThreshold: 60 } }), 422);
    expect(wrongSide.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(["/redThreshold", "/target"]));
    const noCurrency = expectProblem(await send("POST", "/api/v1/kpis", { key: keys.write, body: { ...body(percentKpi.objectiveId), unit: "currency" } }), 422);
    expect(noCurrency.errors).toContainEqual({ pointer: "/currency", reason: expect.stringMatching(/Currency is required/) });
    const range = expectProblem(await send("POST", "/api/v1/kpis", { key: keys.write, body: { ...body(percentKpi.objectiveId), direction: "range" } }), 422);
    expect(range.errors).toContainEqual({ pointer: "/targetMax", reason: expect.stringMatching(/targetMax/) });
    const wrongType = expectProblem(await send("POST", "/api/v1/kpis", { key: keys.write, body: { ...body(percentKpi.objectiveId), target: "40", frequency: "daily" } }), 422);
    expect(wrongType.errors).toEqual(expect.arrayContaining([{ pointer: "/target", reason: "target must be a number" }, { pointer: "/frequency", reason: "frequency must be weekly, monthly or quarterly" }]));

    const patched = expectProblem(await send("PATCH", `/api/v1/kpis/${countKpi.id}`, { key: keys.write, body: { redThreshold: countKpi.direction === "up" ? countKpi.target + 1 : countKpi.target - 1 }, headers: { "if-match": `"${countKpi.version}"` } }), 422);
    expect(patched.errors!.some((e) => e.pointer === "/redThreshold")).toBe(true);
    const [row] = await inTeam(acme.id, (tx) => tx.select().from(kpis).where(eq(kpis.id, countKpi.id)));
    expect(row!.version).toBe(countKpi.version);

    expectProblem(await send("POST", "/api/v1/kpis", { key: keys.write, body: { ...body(crypto.randomUUID()) } }), 404);
    expectProblem(await send("PATCH", `/api/v1/kpis/${globexKpiId}`, { key: keys.write, body: { target: 1 }, headers: { "if-match": '"1"' } }), 404);
  });
});

describe("measurements of one KPI", () => {
  const path = () => `/api/v1/kpis/${countKpi.id}/measurements`;

  it("POST upserts one period: 201 when new, 200 after, the same history as the grid, nothing logged for a no-op", async () => {
    const first = await send("POST", path(), { key: keys.writeOnly, body: { period: "2015-01-01", value: 12.5, note: "first" } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ period: "2015-01-01", value: 12.5, note: "first" });
    const again = await send("POST", path(), { key: keys.writeOnly, body: { period: "2015-01-01", value: 12.5 } });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ period: "2015-01-01", value: 12.5, note: "first" });
    const changed = await send("POST", path(), { key: keys.writeOnly, body: { period: "2015-01-01", value: 13, note: "" } });
    expect(changed.json).toEqual({ period: "2015-01-01", value: 13, note: "" });
    const rows = await inTeam(acme.id, (tx) => tx.select().from(measurements).where(and(eq(measurements.kpiId, countKpi.id), eq(measurements.period, "2015-01-01"))));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 13, note: "", version: 2, enteredBy: null });
    const history = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "measurement", entityId: rows[0]!.id }));
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
  });

  it("GET lists newest first, filtered by from/to, a page at a time", async () => {
    for (const period of ["2015-02-01", "2015-03-01", "2015-04-01"]) await send("POST", path(), { key: keys.write, body: { period, value: 1 } });
    const filtered = await send("GET", `${path()}?from=2015-01-01&to=2015-12-01`, { key: keys.read });
    expect(filtered.json.data.map((m: { period: string }) => m.period)).toEqual(["2015-04-01", "2015-03-01", "2015-02-01", "2015-01-01"]);
    expect(filtered.json.data[0]).toEqual({ period: "2015-04-01", value: 1, note: "" });
    const first = await send("GET", `${path()}?from=2015-01-01&to=2015-12-01&limit=3`, { key: keys.read });
    expect(first.json.data).toHaveLength(3);
    const second = await send("GET", `${path()}?from=2015-01-01&to=2015-12-01&limit=3&cursor=${first.json.nextCursor}`, { key: keys.read });
    expect(second.json).toEqual({ data: [{ period: "2015-01-01", value: 13, note: "" }], nextCursor: null });
    const otherKpiCursor = await send("GET", `/api/v1/kpis/${percentKpi.id}/measurements?cursor=${first.json.nextCursor}`, { key: keys.read });
    expect(expectProblem(otherKpiCursor, 422).errors).toEqual([{ name: "cursor", reason: "cursor is not valid for this list" }]);
  });

  it("refuses bad periods, values and types with the field named, and writes nothing", async () => {
    const today = teamToday(calendar);
    const next = nextPeriod(periodStartFor(today, "monthly", calendar), "monthly", calendar);
    const cases: Array<[unknown, string, RegExp]> = [
      [{ period: "01/02/2015", value: 1 }, "/period", /YYYY-MM-DD/],
      [{ period: "2015-02-30", value: 1 }, "/period", /not a real date/],
      [{ period: "2015-02-15", value: 1 }, "/period", /does not start a monthly period.*2015-02-01/],
      [{ period: next, value: 1 }, "/period", /has not started yet/],
      [{ period: "2015-05-01", value: "12" }, "/value", /value must be a number/],
      [{ period: "2015-05-01" }, "/value", /value must be a number/],
      [{ period: "2015-05-01", value: 1, note: 5 }, "/note", /note must be text/],
      [{ period: "2015-05-01", value: 1, extra: 1 }, "/extra", /not a field/],
    ];
    for (const [input, pointer, reason] of cases) {
      const problem = expectProblem(await send("POST", path(), { key: keys.write, body: input }), 422);
      expect(problem.errors, JSON.stringify(input)).toContainEqual({ pointer, reason: expect.stringMatching(reason) });
    }
    const percent = expectProblem(await send("POST", `/api/v1/kpis/${percentKpi.id}/measurements`, { key: keys.write, body: { period: "2015-05-01", value: 150 } }), 422);
    expect(percent.errors).toContainEqual({ pointer: "/value", reason: expect.stringMatching(/outside 0–100/) });
    const rows = await inTeam(acme.id, (tx) => tx.select().from(measurements).where(eq(measurements.period, "2015-05-01")));
    expect(rows).toEqual([]);
  });

  it("answers 404 for an unknown KPI, another team's KPI and a malformed id", async () => {
    for (const id of [crypto.randomUUID(), globexKpiId, "not-an-id"]) {
      const problem = expectProblem(await send("POST", `/api/v1/kpis/${id}/measurements`, { key: keys.write, body: { period: "2015-01-01", value: 1 } }), 404);
      expect(problem.detail).toBe("This KPI was not found.");
      expectProblem(await send("GET", `/api/v1/kpis/${id}/measurements`, { key: keys.read }), 404);
    }
    // …and globex's own key still sees its KPI: the 404 above is about the team, not the id.
    expect((await send("GET", `/api/v1/kpis/${globexKpiId}/measurements`, { key: keys.globex })).status).toBe(200);
  });
});

describe("malformed requests", () => {
  it("answers problem+json with type, title, status, detail and instance", async () => {
    const malformed = expectProblem(await send("POST", "/api/v1/journeys", { key: keys.write, rawBody: '{"name": "x",', headers: { "content-type": "application/json" } }), 400);
    expect(malformed).toMatchObject({ title: "Bad request", instance: "/api/v1/journeys", type: "http://localhost:3000/docs/api#problem-bad_request" });
    expect(malformed.detail).toMatch(/^The request body is not valid JSON/);
    expectProblem(await send("POST", "/api/v1/journeys", { key: keys.write, rawBody: "", headers: { "content-type": "application/json" } }), 400);
    expectProblem(await send("POST", "/api/v1/journeys", { key: keys.write, rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415);
    const notObject = expectProblem(await send("POST", "/api/v1/journeys", { key: keys.write, body: ["x"] }), 422);
    expect(notObject.errors![0]!.pointer).toBe("");
    const query = expectProblem(await send("GET", "/api/v1/journeys?limit=0", { key: keys.read }), 422);
    expect(query.errors).toEqual([{ name: "limit", reason: "limit must be at least 1" }]);
    expectProblem(await send("GET", "/api/v1/journeys?limit=abc", { key: keys.read }), 422);
    expectProblem(await send("GET", "/api/v1/journeys?cursor=garbage", { key: keys.read }), 422);
    const unknown = expectProblem(await send("GET", "/api/v1/widgets", { key: keys.read }), 404);
    expect(unknown.detail).toMatch(/openapi\.json/);
  });
});

describe("keys and limits", () => {
  it("updates last_used_at at most once a minute", async () => {
    const { db } = await getDbHandle();
    await db.update(apiKeys).set({ lastUsedAt: null }).where(eq(apiKeys.id, writeKeyId));
    await send("GET", "/api/v1/journeys", { key: keys.write });
    const [first] = await db.select().from(apiKeys).where(eq(apiKeys.id, writeKeyId));
    expect(first!.lastUsedAt).toBeInstanceOf(Date);
    await send("GET", "/api/v1/journeys", { key: keys.write });
    const [second] = await db.select().from(apiKeys).where(eq(apiKeys.id, writeKeyId));
    expect(second!.lastUsedAt!.getTime()).toBe(first!.lastUsedAt!.getTime());
    const old = new Date(clock.nowMs() - 5 * 60_000);
    await db.update(apiKeys).set({ lastUsedAt: old }).where(eq(apiKeys.id, writeKeyId));
    await send("GET", "/api/v1/journeys", { key: keys.write });
    const [third] = await db.select().from(apiKeys).where(eq(apiKeys.id, writeKeyId));
    expect(third!.lastUsedAt!.getTime()).toBeGreaterThan(old.getTime());
  });

  it("answers 429 with Retry-After once a key has spent its budget, other keys unaffected", async () => {
    const { key, id } = await mintKey(acme.id, ["read"], "busy");
    const ok = await send("GET", "/api/v1/journeys", { key });
    expect(ok.headers.get("x-ratelimit-limit")).toBe(String(LIMITS["api:key"].max));
    expect(ok.headers.get("x-ratelimit-remaining")).toBe(String(LIMITS["api:key"].max - 1));
    const { db } = await getDbHandle();
    await db.update(rateLimitBuckets).set({ count: LIMITS["api:key"].max }).where(eq(rateLimitBuckets.key, `api:key:${id}`));
    const limited = await send("GET", "/api/v1/journeys", { key });
    const problem = expectProblem(limited, 429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS["api:key"].windowSeconds);
    expect(problem.detail).toMatch(/Retry after/);
    expect((await send("GET", "/api/v1/journeys", { key: keys.read })).status).toBe(200);
  });
});
