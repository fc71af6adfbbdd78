// Authorization of every /api/v1 route handler (the access matrix skips them; this is their
// matrix): every route file, enumerated from the code so a new one cannot be forgotten, ×
// no key, a malformed key, a revoked key, another team's key, a key without the needed
// scope, and a valid key. Another team's ids are 404s, never 403s; lists never leak.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { revokeApiKey } from "@/db/queries/api-keys";
import { journeys, kpis, objectives, perspectives, scorecards, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { callApi, mintKey, V1_ROUTES } from "./api-helpers";

const ROOT = path.resolve(__dirname, "../..");
const ROUTE_FILES = (fs.readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true }) as string[])
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => path.join("app/api/v1", f).split(path.sep).join("/"))
  .sort();

interface Fixture {
  scorecardId: string;
  journeyId: string;
  perspectiveId: string;
  objectiveId: string;
  kpiId: string;
  /** A fresh objective and KPI for each DELETE that gets through (made by its `version`). */
  doomedObjectiveId: string;
  doomedKpiId: string;
}

interface Case {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** If-Match for PATCH, read when the request is made (the version moves as the matrix writes). */
  version?: (f: Fixture) => Promise<number>;
  scope: "read" | "write" | "public";
  /** What an allowed key gets (an upsert answers 201 the first time, 200 after). */
  ok: number | number[];
  /** What another team's valid key gets: 404 when the request names this team's ids. */
  otherTeam: number;
}

const versionOf = (table: typeof objectives | typeof kpis | typeof scorecards, id: (f: Fixture) => string) => async (f: Fixture) => {
  const [row] = await inTeam(acme.id, (tx) => tx.select({ version: table.version }).from(table).where(eq(table.id, id(f))));
  return row!.version;
};

/** Makes a fresh objective with one KPI for a DELETE to remove; its If-Match version is 1. */
const doomed = async (f: Fixture) => {
  await inTeam(acme.id, async (tx) => {
    const [o] = await tx.insert(objectives).values({ teamId: acme.id, scorecardId: f.scorecardId, perspectiveId: f.perspectiveId, title: "Doomed", position: 99 }).returning();
    const [k] = await tx
      .insert(kpis)
      .values({ teamId: acme.id, objectiveId: o!.id, name: "Doomed KPI", unit: "count", direction: "up", target: 10, redThreshold: 5, frequency: "monthly", indicator: "leading", position: 0 })
      .returning();
    f.doomedObjectiveId = o!.id;
    f.doomedKpiId = k!.id;
  });
  return 1;
};

const CASES: Record<string, Case[]> = {
  "app/api/v1/openapi.json/route.ts": [{ method: "GET", path: () => "/api/v1/openapi.json", scope: "public", ok: 200, otherTeam: 200 }],
  "app/api/v1/scorecards/route.ts": [
    { method: "GET", path: () => "/api/v1/scorecards", scope: "read", ok: 200, otherTeam: 200 },
    { method: "POST", path: () => "/api/v1/scorecards", body: (f) => ({ name: "Matrix", journeyId: f.journeyId }), scope: "write", ok: 201, otherTeam: 404 },
  ],
  "app/api/v1/scorecards/[id]/route.ts": [
    { method: "GET", path: (f) => `/api/v1/scorecards/${f.scorecardId}`, scope: "read", ok: 200, otherTeam: 404 },
    { method: "PATCH", path: (f) => `/api/v1/scorecards/${f.scorecardId}`, body: () => ({ description: "Matrix" }), version: versionOf(scorecards, (f) => f.scorecardId), scope: "write", ok: 200, otherTeam: 404 },
  ],
  "app/api/v1/scorecards/[id]/children/route.ts": [{ method: "GET", path: (f) => `/api/v1/scorecards/${f.scorecardId}/children`, scope: "read", ok: 200, otherTeam: 404 }],
  "app/api/v1/journeys/route.ts": [
    { method: "GET", path: () => "/api/v1/journeys", scope: "read", ok: 200, otherTeam: 200 },
    { method: "POST", path: () => "/api/v1/journeys", body: () => ({ name: "Matrix journey" }), scope: "write", ok: 201, otherTeam: 201 },
  ],
  "app/api/v1/journeys/[id]/route.ts": [{ method: "GET", path: (f) => `/api/v1/journeys/${f.journeyId}`, scope: "read", ok: 200, otherTeam: 404 }],
  "app/api/v1/objectives/route.ts": [
    { method: "POST", path: () => "/api/v1/objectives", body: (f) => ({ perspectiveId: f.perspectiveId, title: "Matrix objective" }), scope: "write", ok: 201, otherTeam: 404 },
  ],
  "app/api/v1/objectives/[id]/route.ts": [
    { method: "PATCH", path: (f) => `/api/v1/objectives/${f.objectiveId}`, body: () => ({ weight: 2 }), version: versionOf(objectives, (f) => f.objectiveId), scope: "write", ok: 200, otherTeam: 404 },
    { method: "DELETE", path: (f) => `/api/v1/objectives/${f.doomedObjectiveId}`, version: doomed, scope: "write", ok: 200, otherTeam: 404 },
  ],
  "app/api/v1/kpis/route.ts": [
    {
      method: "POST",
      path: () => "/api/v1/kpis",
      body: (f) => ({ objectiveId: f.objectiveId, name: "Matrix KPI", unit: "count", direction: "up", target: 10, redThreshold: 5, frequency: "monthly", indicator: "leading" }),
      scope: "write",
      ok: 201,
      otherTeam: 404,
    },
  ],
  "app/api/v1/kpis/[id]/route.ts": [
    { method: "PATCH", path: (f) => `/api/v1/kpis/${f.kpiId}`, body: () => ({ weight: 2 }), version: versionOf(kpis, (f) => f.kpiId), scope: "write", ok: 200, otherTeam: 404 },
    { method: "DELETE", path: (f) => `/api/v1/kpis/${f.doomedKpiId}`, version: doomed, scope: "write", ok: 200, otherTeam: 404 },
  ],
  "app/api/v1/kpis/[id]/measurements/route.ts": [
    { method: "GET", path: (f) => `/api/v1/kpis/${f.kpiId}/measurements`, scope: "read", ok: 200, otherTeam: 404 },
    { method: "POST", path: (f) => `/api/v1/kpis/${f.kpiId}/measurements`, body: () => ({ period: "2014-01-01", value: 3 }), scope: "write", ok: [200, 201], otherTeam: 404 },
  ],
  "app/api/v1/measurements/batch/route.ts": [
    { method: "POST", path: () => "/api/v1/measurements/batch", body: (f) => ({ items: [{ kpiId: f.kpiId, period: "2014-02-01", value: 4 }] }), scope: "write", ok: 200, otherTeam: 404 },
  ],
  "app/api/v1/[...rest]/route.ts": [{ method: "GET", path: () => "/api/v1/nothing/here", scope: "public", ok: 404, otherTeam: 404 }],
};

let acme: Team;
let fixture: Fixture;
const principals: Record<string, string | undefined> = {};

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  const [globex] = await db.select().from(teams).where(eq(teams.slug, "globex"));
  // A paid plan, so creating a second scorecard is allowed for the valid key.
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active" }).where(eq(teams.slug, "acme"));
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active" }).where(eq(teams.slug, "globex"));
  fixture = await inTeam(acme.id, async (tx) => {
    const [scorecard] = await tx.select().from(scorecards);
    const [journey] = await tx.select().from(journeys);
    const [perspective] = await tx.select().from(perspectives).where(eq(perspectives.scorecardId, scorecard!.id));
    const [kpi] = await tx.select().from(kpis).where(eq(kpis.frequency, "monthly"));
    return { scorecardId: scorecard!.id, journeyId: journey!.id, perspectiveId: perspective!.id, objectiveId: kpi!.objectiveId, kpiId: kpi!.id, doomedObjectiveId: crypto.randomUUID(), doomedKpiId: crypto.randomUUID() };
  });
  const revoked = await mintKey(acme.id, ["read", "write"], "revoked");
  await inTeam(acme.id, (tx) => revokeApiKey(tx, { teamId: acme.id }, revoked.id));
  const valid = (await mintKey(acme.id, ["read", "write"])).key;
  Object.assign(principals, {
    "no key": undefined,
    "malformed key": `ck_${acme.id.replace(/-/g, "")}_short`,
    "unknown key": `ck_${acme.id.replace(/-/g, "")}_${"A".repeat(43)}`,
    "revoked key": revoked.key,
    "other team's key": (await mintKey(globex!.id, ["read", "write"])).key,
    "read-only key": (await mintKey(acme.id, ["read"])).key,
    "write-only key": (await mintKey(acme.id, ["write"])).key,
    "valid key": valid,
  });
});

function expected(principal: string, c: Case): number | number[] {
  if (c.scope === "public") return c.ok;
  if (["no key", "malformed key", "unknown key", "revoked key"].includes(principal)) return 401;
  if (principal === "other team's key") return c.otherTeam;
  if (principal === "read-only key" && c.scope === "write") return 403;
  if (principal === "write-only key" && c.scope === "read") return 403;
  return c.ok;
}

describe("API v1 authorization", () => {
  it("knows every v1 route file, and the test router reaches each", () => {
    expect(ROUTE_FILES.filter((f) => !(f in CASES)), "add these route files to CASES").toEqual([]);
    expect(ROUTE_FILES.filter((f) => !V1_ROUTES.some((r) => r.file === f)), "add these route files to V1_ROUTES").toEqual([]);
  });

  it("refuses or allows every route for every principal, with problem+json refusals", async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [file, cases] of Object.entries(CASES)) {
      for (const c of cases) {
        for (const [principal, key] of Object.entries(principals)) {
          const headers: Record<string, string> = c.version ? { "if-match": `"${await c.version(fixture)}"` } : {};
          if (key) headers.authorization = `Bearer ${key}`;
          const response = await callApi(c.method, c.path(fixture), { headers, body: c.body?.(fixture) });
          const want = expected(principal, c);
          const text = await response.text();
          cells++;
          if (!(Array.isArray(want) ? want.includes(response.status) : response.status === want)) failures.push(`${c.method} ${file} with ${principal}: expected ${want}, got ${response.status} ${text.slice(0, 200)}`);
          if (response.status >= 400 && response.headers.get("content-type") !== "application/problem+json") failures.push(`${c.method} ${file} with ${principal}: ${response.status} is not problem+json`);
          if (response.status === 401 && response.headers.get("www-authenticate") !== 'Bearer realm="cairn"') failures.push(`${c.method} ${file} with ${principal}: 401 without WWW-Authenticate`);
          // Another team's key sees its own team only: none of this team's ids in what it is given
          // (refusals only echo the request's own path and ids).
          if (principal === "other team's key" && response.ok) {
            for (const id of Object.values(fixture)) if (text.includes(id)) failures.push(`${c.method} ${file} with ${principal}: leaks ${id}`);
          }
        }
      }
    }
    console.log(`API authorization matrix: ${cells} cells`);
    expect(failures).toEqual([]);
  }, 120_000);

  it("says why a key is refused without telling unknown and revoked keys apart", async () => {
    const revoked = await (await callApi("GET", "/api/v1/journeys", { key: principals["revoked key"] })).json();
    const unknown = await (await callApi("GET", "/api/v1/journeys", { key: principals["unknown key"] })).json();
    expect(revoked.detail).toBe(unknown.detail);
    expect(revoked.detail).toMatch(/not valid/);
    const none = await (await callApi("GET", "/api/v1/journeys")).json();
    expect(none.detail).toMatch(/Authorization: Bearer <key>/);
    const readOnly = await (await callApi("POST", "/api/v1/journeys", { key: principals["read-only key"], body: { name: "x" } })).json();
    expect(readOnly).toMatchObject({ status: 403, title: "Not allowed", detail: 'This API key lacks the "write" scope needed to create a journey.' });
  });
});
