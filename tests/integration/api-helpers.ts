// Shared by the tests/integration/api-*.test.ts files: call the real /api/v1 route handlers
// (no server, no mocks of the database) and mint API keys the way the settings page does.
import { insertApiKey } from "@/db/queries/api-keys";
import { listMembers } from "@/db/queries/memberships";
import { inTeam } from "@/db/tenant";
import { newApiKey, type ApiScope } from "@/lib/api/api-key";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

/** Every v1 route file, by URL pattern (the order matters: the catch-all comes last). */
export const V1_ROUTES: Array<{ pattern: RegExp; file: string; load: () => Promise<RouteModule> }> = [
  { pattern: /^\/api\/v1\/openapi\.json$/, file: "app/api/v1/openapi.json/route.ts", load: () => import("@/app/api/v1/openapi.json/route") },
  { pattern: /^\/api\/v1\/scorecards$/, file: "app/api/v1/scorecards/route.ts", load: () => import("@/app/api/v1/scorecards/route") },
  { pattern: /^\/api\/v1\/scorecards\/(?<id>[^/]+)$/, file: "app/api/v1/scorecards/[id]/route.ts", load: () => import("@/app/api/v1/scorecards/[id]/route") },
  { pattern: /^\/api\/v1\/scorecards\/(?<id>[^/]+)\/children$/, file: "app/api/v1/scorecards/[id]/children/route.ts", load: () => import("@/app/api/v1/scorecards/[id]/children/route") },
  { pattern: /^\/api\/v1\/journeys$/, file: "app/api/v1/journeys/route.ts", load: () => import("@/app/api/v1/journeys/route") },
  { pattern: /^\/api\/v1\/journeys\/(?<id>[^/]+)$/, file: "app/api/v1/journeys/[id]/route.ts", load: () => import("@/app/api/v1/journeys/[id]/route") },
  { pattern: /^\/api\/v1\/objectives$/, file: "app/api/v1/objectives/route.ts", load: () => import("@/app/api/v1/objectives/route") },
  { pattern: /^\/api\/v1\/objectives\/(?<id>[^/]+)$/, file: "app/api/v1/objectives/[id]/route.ts", load: () => import("@/app/api/v1/objectives/[id]/route") },
  { pattern: /^\/api\/v1\/kpis$/, file: "app/api/v1/kpis/route.ts", load: () => import("@/app/api/v1/kpis/route") },
  { pattern: /^\/api\/v1\/kpis\/(?<id>[^/]+)$/, file: "app/api/v1/kpis/[id]/route.ts", load: () => import("@/app/api/v1/kpis/[id]/route") },
  { pattern: /^\/api\/v1\/kpis\/(?<id>[^/]+)\/measurements$/, file: "app/api/v1/kpis/[id]/measurements/route.ts", load: () => import("@/app/api/v1/kpis/[id]/measurements/route") },
  { pattern: /^\/api\/v1\/measurements\/batch$/, file: "app/api/v1/measurements/batch/route.ts", load: () => import("@/app/api/v1/measurements/batch/route") },
  { pattern: /^\/api\/v1\/(?<rest>.+)$/, file: "app/api/v1/[...rest]/route.ts", load: () => import("@/app/api/v1/[...rest]/route") },
];

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is (malformed JSON, another media type). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function callApi(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, "http://localhost");
  const route = V1_ROUTES.find((r) => r.pattern.test(url.pathname));
  if (!route) throw new Error(`No route for ${url.pathname}`);
  const groups = route.pattern.exec(url.pathname)!.groups ?? {};
  const params: Record<string, string> = groups.rest ? { rest: groups.rest } : { ...groups };
  const handler = (await route.load())[method as "GET"];
  if (!handler) throw new Error(`${route.file} has no ${method}`);
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
}

/** The answer's status and parsed body, for assertions. */
export async function send(method: string, path: string, options: CallOptions = {}) {
  const response = await callApi(method, path, options);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, json };
}

/**
 * A key of `teamId` with `scopes`, stored hashed exactly as the settings page stores it, made by
 * `createdBy` (by default one of the team's owners: a key acts with at most its creator's role).
 */
export async function mintKey(teamId: string, scopes: ApiScope[], name = "test key", createdBy?: string): Promise<{ key: string; id: string }> {
  const made = newApiKey(teamId);
  const row = await inTeam(teamId, async (tx) => {
    const creator = createdBy ?? (await listMembers(tx, { teamId })).find((m) => m.role === "owner")?.userId;
    if (!creator) throw new Error(`team ${teamId} has no owner to create a key`);
    return insertApiKey(tx, { teamId }, { name, prefix: made.prefix, keyHash: made.keyHash, scopes, createdBy: creator });
  });
  return { key: made.key, id: row.id };
}

/** Asserts a problem+json answer and returns it. */
export function expectProblem(result: { status: number; headers: Headers; json: unknown }, status: number) {
  if (result.status !== status) throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.json)}`);
  if (result.headers.get("content-type") !== "application/problem+json") throw new Error(`not problem+json: ${result.headers.get("content-type")}`);
  const problem = result.json as { type: string; title: string; status: number; detail: string; instance: string; errors?: Array<{ pointer?: string; name?: string; reason: string }> };
  if (problem.status !== status || !problem.type || !problem.title || !problem.detail || typeof problem.instance !== "string") {
    throw new Error(`incomplete problem: ${JSON.stringify(problem)}`);
  }
  return problem;
}
