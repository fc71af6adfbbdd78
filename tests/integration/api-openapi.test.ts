// The OpenAPI 3.1 document served at /api/v1/openapi.json against the real API: every
// operation is served by a route handler and every handler is documented, and real answers
// — successes and refusals — validate against the schema the document gives for their
// status (with a JSON Schema 2020-12 validator that fails on keywords it does not know).
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import ApiReferencePage from "@/app/docs/api/page";
import { journeys, kpis, perspectives, scorecards, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { OpenApiDocument, OperationObject } from "@/lib/api/openapi";
import { schemaErrors } from "@/lib/api/schema-check";
import { callApi, mintKey, V1_ROUTES } from "./api-helpers";

let doc: OpenApiDocument;
let acme: Team;
let key: string;
let readKey: string;
const checked: string[] = [];

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active" }).where(eq(teams.id, acme.id));
  key = (await mintKey(acme.id, ["read", "write"])).key;
  readKey = (await mintKey(acme.id, ["read"])).key;
  const response = await callApi("GET", "/api/v1/openapi.json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  doc = await response.json();
});

function operationFor(method: string, path: string): { template: string; op: OperationObject } {
  const url = new URL(path, "http://localhost").pathname.replace(/^\/api\/v1/, "");
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(url) && item[method.toLowerCase()]) return { template, op: item[method.toLowerCase()]! };
  }
  throw new Error(`${method} ${path} is not in the OpenAPI document`);
}

/** Sends a request; the answer's status must be documented and its body must match the documented schema. */
async function conforms(method: string, path: string, options: { body?: unknown; key?: string; headers?: Record<string, string>; invalidRequest?: boolean } = {}) {
  const { template, op } = operationFor(method, path);
  if (options.body !== undefined && !options.invalidRequest) {
    const requestSchema = op.requestBody!.content["application/json"]!.schema;
    expect(schemaErrors(requestSchema, options.body, doc), `request of ${method} ${template}`).toEqual([]);
  }
  const response = await callApi(method, path, { key: options.key ?? key, body: options.body, headers: options.headers });
  const documented = op.responses[String(response.status)];
  expect(documented, `${method} ${template} answered ${response.status}, which the document does not list`).toBeDefined();
  const type = response.headers.get("content-type")!.split(";")[0]!;
  const schema = documented!.content?.[type]?.schema;
  expect(schema, `${method} ${template} ${response.status} answered ${type}, documented ${Object.keys(documented!.content ?? {})}`).toBeDefined();
  const json = await response.json();
  expect(schemaErrors(schema as Record<string, unknown>, json, doc), `${method} ${template} → ${response.status}`).toEqual([]);
  for (const header of Object.keys(documented!.headers ?? {})) expect(response.headers.get(header), `${method} ${template} ${header}`).not.toBeNull();
  checked.push(`${method} ${template} ${response.status}`);
  return { status: response.status, json, headers: response.headers };
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with JSON Schema 2020-12 components, bearer auth and resolvable references", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.servers).toEqual([{ url: "http://localhost:3000/api/v1" }]);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const target = ref.slice('"$ref":"#/'.length, -1).split("/").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
      expect(target, ref).toBeDefined();
    }
    for (const [id, schema] of Object.entries(doc.components.schemas)) {
      expect("$id" in schema, id).toBe(false);
      expect("$schema" in schema, id).toBe(false);
    }
    // The contract's names and enums (DESIGN.md).
    const s = doc.components.schemas;
    expect(Object.keys(s.Kpi!.properties!)).toEqual(expect.arrayContaining(["id", "objectiveId", "name", "unit", "direction", "baseline", "target", "redThreshold", "frequency", "indicator", "ownerId", "version", "latest", "status", "score"]));
    expect(Object.keys(s.Scorecard!.properties!)).toEqual(expect.arrayContaining(["id", "name", "journeyId", "version", "score", "status", "perspectives"]));
    expect(Object.keys(s.Journey!.properties!)).toEqual(["id", "name", "persona", "version", "stages"]);
    expect(Object.keys(s.Stage!.properties!)).toEqual(["id", "name", "position", "emotion", "health"]);
    expect(Object.keys(s.Measurement!.properties!)).toEqual(["period", "value", "note"]);
    expect(Object.keys(s.BatchItem!.properties!)).toEqual(["kpiId", "period", "value", "note"]);
    expect(s.PerspectiveKind!.enum).toEqual(["financial", "customer", "internal", "learning"]);
    expect(s.Status!.enum).toEqual(["green", "amber", "red", "grey"]);
    expect(s.Direction!.enum).toEqual(["up", "down", "range"]);
    expect(s.Indicator!.enum).toEqual(["leading", "lagging"]);
    expect(s.Frequency!.enum).toEqual(["weekly", "monthly", "quarterly"]);
    expect(s.MeasurementBatch!.properties!.items!.maxItems).toBe(10_000);
  });

  it("documents exactly the operations the route handlers serve", async () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(documented).toEqual(
      [
        "GET /scorecards", "POST /scorecards", "GET /scorecards/{id}", "PATCH /scorecards/{id}", "GET /scorecards/{id}/children", "GET /journeys", "POST /journeys", "GET /journeys/{id}", "POST /objectives",
        "PATCH /objectives/{id}", "DELETE /objectives/{id}", "POST /kpis", "PATCH /kpis/{id}", "DELETE /kpis/{id}", "GET /kpis/{id}/measurements", "POST /kpis/{id}/measurements", "POST /measurements/batch",
      ].sort(),
    );
    const served: string[] = [];
    for (const route of V1_ROUTES.filter((r) => !r.file.includes("[...rest]") && !r.file.includes("openapi.json"))) {
      const template = route.file.replace(/^app\/api\/v1/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
      const mod = await route.load();
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) if (mod[method]) served.push(`${method} ${template}`);
    }
    expect(served.sort()).toEqual(documented);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.security, `${method} ${path}`).toEqual([{ apiKey: [method === "get" ? "read" : "write"] }]);
        expect(op.responses["401"], `${method} ${path}`).toBeDefined();
        expect(op.responses["429"], `${method} ${path}`).toBeDefined();
      }
    }
  });
});

describe("the reference page (/docs/api)", () => {
  it("renders every operation, every schema and every problem type the API answers with", async () => {
    const html = renderToStaticMarkup(ApiReferencePage());
    for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) expect(html).toContain(`id="op-${op.operationId}"`);
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    // Every problem `type` the API sends resolves to an anchor on this page.
    const types = new Set<string>();
    for (const request of [callApi("GET", "/api/v1/scorecards"), callApi("GET", "/api/v1/scorecards?limit=0", { key }), callApi("POST", "/api/v1/journeys", { key, rawBody: "{", headers: { "content-type": "application/json" } })]) {
      types.add((await (await request).json()).type);
    }
    for (const type of types) expect(html).toContain(`id="${type.split("#")[1]}"`);
    expect(html).toContain("<h1");
  });
});

describe("real answers match the document", () => {
  it("for every operation's success, and for its refusals", async () => {
    const { scorecardId, journeyId, perspectiveId, kpi } = await inTeam(acme.id, async (tx) => {
      const [card] = await tx.select().from(scorecards);
      const [journey] = await tx.select().from(journeys);
      const [perspective] = await tx.select().from(perspectives).where(eq(perspectives.scorecardId, card!.id));
      const [first] = await tx.select().from(kpis).where(eq(kpis.frequency, "monthly"));
      return { scorecardId: card!.id, journeyId: journey!.id, perspectiveId: perspective!.id, kpi: first! };
    });

    await conforms("GET", "/api/v1/scorecards?limit=1");
    await conforms("GET", `/api/v1/scorecards/${scorecardId}`);
    const created = await conforms("POST", "/api/v1/scorecards", { body: { name: "Documented", journeyId } });
    expect(created.status).toBe(201);
    const child = await conforms("POST", "/api/v1/scorecards", { body: { name: "Documented unit", parentId: created.json.id } });
    await conforms("GET", `/api/v1/scorecards/${created.json.id}/children`);
    await conforms("PATCH", `/api/v1/scorecards/${created.json.id}`, { body: { parentId: child.json.id }, headers: { "if-match": '"1"' } });
    await conforms("PATCH", `/api/v1/scorecards/${child.json.id}`, { body: { description: "A department" }, headers: { "if-match": '"1"' } });
    await conforms("GET", "/api/v1/journeys");
    await conforms("GET", `/api/v1/journeys/${journeyId}`);
    await conforms("POST", "/api/v1/journeys", { body: { name: "Documented journey", template: "funnel" } });
    const objective = await conforms("POST", "/api/v1/objectives", { body: { perspectiveId, title: "Documented objective" } });
    await conforms("PATCH", `/api/v1/objectives/${objective.json.id}`, { body: { description: "Now described" }, headers: { "if-match": '"1"' } });
    await conforms("PATCH", `/api/v1/objectives/${objective.json.id}`, { body: { description: "Stale" }, headers: { "if-match": '"1"' } });
    await conforms("PATCH", `/api/v1/objectives/${objective.json.id}`, { body: { description: "No version" } });
    const newKpi = await conforms("POST", "/api/v1/kpis", {
      body: { objectiveId: objective.json.id, name: "Documented KPI", unit: "currency", currency: "EUR", direction: "range", target: 10, targetMax: 20, redThreshold: 5, frequency: "weekly", indicator: "leading" },
    });
    await conforms("PATCH", `/api/v1/kpis/${newKpi.json.id}`, { body: { targetMax: 25 }, headers: { "if-match": '"1"' } });
    await conforms("PATCH", `/api/v1/kpis/${newKpi.json.id}`, { body: { targetMax: 30 }, headers: { "if-match": '"1"' } });
    await conforms("DELETE", `/api/v1/kpis/${newKpi.json.id}`, { headers: { "if-match": '"1"' } });
    await conforms("DELETE", `/api/v1/kpis/${newKpi.json.id}`, { headers: { "if-match": '"2"' } });
    await conforms("DELETE", `/api/v1/objectives/${objective.json.id}`, { headers: { "if-match": '"1"' } });
    await conforms("DELETE", `/api/v1/objectives/${objective.json.id}`, { headers: { "if-match": '"2"' } });
    await conforms("POST", `/api/v1/kpis/${kpi.id}/measurements`, { body: { period: "2012-03-01", value: kpi.unit === "percent" ? 50 : 500, note: "documented" } });
    await conforms("GET", `/api/v1/kpis/${kpi.id}/measurements?limit=2`);
    await conforms("POST", "/api/v1/measurements/batch", { body: { items: [{ kpiId: kpi.id, period: "2012-04-01", value: 1 }, { kpiId: kpi.id, period: "2012-05-01", value: 2, note: "" }] } });
    // A scorecard whose KPIs have values: latest, score and status filled in.
    const full = await conforms("GET", `/api/v1/scorecards/${scorecardId}`);
    type Tree = { perspectives: Array<{ objectives: Array<{ kpis: Array<{ latest: unknown; score: number | null }> }> }> };
    expect((full.json as Tree).perspectives.some((p) => p.objectives.some((o) => o.kpis.some((k) => k.latest && k.score !== null)))).toBe(true);

    // Refusals.
    await conforms("GET", "/api/v1/scorecards", { key: "nope" });
    await conforms("POST", "/api/v1/journeys", { key: readKey, body: { name: "Read-only" } });
    await conforms("GET", `/api/v1/scorecards/${crypto.randomUUID()}`);
    await conforms("GET", "/api/v1/scorecards?limit=1000");
    expect((await conforms("POST", "/api/v1/kpis", { body: { objectiveId: objective.json.id, name: "No unit" }, invalidRequest: true })).status).toBe(422);
    const invalid = await callApi("POST", "/api/v1/measurements/batch", { key, body: { items: [{ kpiId: kpi.id, period: "March", value: "1" }] } });
    const documented = operationFor("POST", "/api/v1/measurements/batch").op.responses[String(invalid.status)];
    expect(invalid.status).toBe(422);
    expect(schemaErrors(documented!.content!["application/problem+json"]!.schema as Record<string, unknown>, await invalid.json(), doc)).toEqual([]);
    const malformed = await callApi("POST", "/api/v1/journeys", { key, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(operationFor("POST", "/api/v1/journeys").op.responses[String(malformed.status)]).toBeDefined();
    expect(schemaErrors({ $ref: "#/components/schemas/Problem" }, await malformed.json(), doc)).toEqual([]);

    expect(checked).toEqual(expect.arrayContaining(["PATCH /objectives/{id} 412", "PATCH /objectives/{id} 428", "PATCH /kpis/{id} 412", "GET /scorecards 401", "POST /journeys 403", "GET /scorecards/{id} 404", "GET /scorecards 422"]));
    // Every operation was seen answering successfully.
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
        expect(checked.some((c) => c.startsWith(`${method.toUpperCase()} ${path} 2`)), `${method} ${path} ${success}`).toBe(true);
      }
    }
  });

  it("a request the document calls invalid is refused by the handler too", async () => {
    const { op } = operationFor("POST", "/api/v1/journeys");
    const schema = op.requestBody!.content["application/json"]!.schema as Record<string, unknown>;
    for (const body of [{}, { name: "" }, { name: "x", template: "spiral" }, { name: "x", extra: 1 }, { name: 5 }]) {
      expect(schemaErrors(schema, body, doc).length, JSON.stringify(body)).toBeGreaterThan(0);
      expect((await callApi("POST", "/api/v1/journeys", { key, body })).status, JSON.stringify(body)).toBe(422);
    }
  });
});
