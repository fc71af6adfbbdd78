// The OpenAPI 3.1 document of /api/v1, generated from the operations the route handlers are
// built from and the zod schemas they parse and answer with. OpenAPI 3.1 schemas are JSON
// Schema 2020-12, which is what z.toJSONSchema writes: no hand-written copy to drift.
import { z } from "zod";
import { env } from "@/lib/env";
import { LIMITS } from "@/lib/rate-limit";
import { apiComponents, BATCH_MAX, PAGE_LIMIT_MAX } from "@/lib/validation/api";
import { operations, type ApiOperation } from "./operations";

type Json = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this builder writes (and the reference page reads). */
export interface SchemaObject {
  $ref?: string;
  anyOf?: SchemaObject[];
  enum?: unknown[];
  type?: string | string[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  format?: string;
  pattern?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}
export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: SchemaObject;
}
export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: SchemaObject }>;
  content?: Record<string, { schema: SchemaObject }>;
}
export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Array<Record<string, string[]>>;
  "x-scope": string;
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  jsonSchemaDialect: string;
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaObject>; securitySchemes: Record<string, Json> };
}

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed JSON or header",
  401: "No API key, or an invalid or revoked one",
  402: "Plan limit reached, or the team is read-only until payment is fixed",
  403: "The key lacks the scope this operation needs",
  404: "Not found in the key's team (another team's id is a 404 too)",
  412: "If-Match names a stale version; `current` holds the current representation",
  413: "Request body too large",
  415: "The body is not JSON",
  422: "Invalid input; `errors` names each field (JSON Pointer) or parameter with its reason",
  428: "If-Match is required",
  429: "Rate limit of the key exceeded; see Retry-After",
};

/** A schema as OpenAPI embeds it: no per-schema dialect or id (the document sets the dialect). */
function clean(schema: Json): Json {
  const rest = { ...schema };
  delete rest.$schema;
  delete rest.$id;
  return rest;
}

const ref = (schema: z.ZodType): Json => {
  const id = apiComponents.get(schema)?.id;
  if (!id) throw new Error("Every request and response schema of the API must be registered in apiComponents");
  return { $ref: `#/components/schemas/${id}` };
};

function errorStatuses(op: ApiOperation): number[] {
  const statuses = new Set([401, 429, ...(op.errors ?? [])]);
  if (op.scope === "write") [402, 403].forEach((s) => statuses.add(s));
  if (op.params) statuses.add(404);
  if (op.query) statuses.add(422);
  if (op.body) [400, 413, 415, 422].forEach((s) => statuses.add(s));
  if (op.ifMatch) [400, 412, 428].forEach((s) => statuses.add(s));
  return [...statuses].sort((a, b) => a - b);
}

function parameters(op: ApiOperation): Json[] {
  const list: Json[] = Object.entries(op.params ?? {}).map(([name, what]) => ({
    name,
    in: "path",
    required: true,
    description: `${what.replace(/^This /, "The ")}'s id`,
    schema: { type: "string", format: "uuid" },
  }));
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const schema = clean(z.toJSONSchema(field as z.ZodType, { target: "draft-2020-12", io: "input" }) as Json);
    const { description, ...rest } = schema;
    list.push({ name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest });
  }
  if (op.ifMatch) {
    list.push({ name: "If-Match", in: "header", required: true, description: 'The version you last saw, quoted: "3" (the ETag of the resource).', schema: { type: "string", pattern: '^"\\d+"$' } });
  }
  return list;
}

function operationObject(op: ApiOperation): Json {
  const successHeaders: Json = {};
  if (op.success.etag) successHeaders.ETag = { description: 'The version, quoted: send it back as If-Match.', schema: { type: "string" } };
  if (op.success.location) successHeaders.Location = { description: "Where the new resource lives", schema: { type: "string" } };
  const responses: Json = {
    [op.success.status]: {
      description: op.success.description,
      ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
      content: { "application/json": { schema: ref(op.success.schema) } },
    },
  };
  if (op.success.createdStatus) {
    responses[201] = { description: "The stored value, new for this period", content: { "application/json": { schema: ref(op.success.schema) } } };
  }
  for (const status of errorStatuses(op)) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? "Error",
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : {}),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: [{ apiKey: [op.scope] }],
    "x-scope": op.scope,
    ...(op.params || op.query || op.ifMatch ? { parameters: parameters(op) } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

/** Every component id a schema refers to, directly or through others. */
function referenced(start: string[], schemas: Record<string, unknown>): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const match of JSON.stringify(schemas[id] ?? {}).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(match[1]!);
  };
  start.forEach(visit);
  return seen;
}

/**
 * Request bodies are described as they may be sent (defaults make a field optional), answers
 * as they are sent (every field present, nothing else: additionalProperties false).
 */
function componentSchemas(): Record<string, SchemaObject> {
  const options = { target: "draft-2020-12", uri: (id: string) => `#/components/schemas/${id}` } as const;
  const input = z.toJSONSchema(apiComponents, { ...options, io: "input" }).schemas;
  const output = z.toJSONSchema(apiComponents, { ...options, io: "output" }).schemas;
  const bodies = (Object.values(operations) as ApiOperation[]).flatMap((op) => (op.body ? [apiComponents.get(op.body)!.id] : []));
  const requests = referenced(bodies, input);
  return Object.fromEntries(Object.keys(output).map((id) => [id, clean((requests.has(id) ? input[id] : output[id]) as Json) as SchemaObject]));
}

export function buildOpenApiDocument(): OpenApiDocument {
  const schemas = componentSchemas();
  const paths: Record<string, Record<string, OperationObject>> = {};
  for (const op of Object.values(operations) as ApiOperation[]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op) as unknown as OperationObject;
  }
  const limit = LIMITS["api:key"];
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Cairn REST API",
      version: "1.0.0",
      summary: "Scorecards, journeys, objectives, KPIs and their values.",
      description: [
        "Authenticate with an API key created by a team admin (Settings → API keys): `Authorization: Bearer <key>`. A key belongs to one team and has the scopes `read` and/or `write`; writes (POST, PATCH, DELETE) need `write`. A key never does more than the current role of the member who created it: while they are a viewer its `write` scope is refused (403), and when they leave the team the key is revoked (401).",
        "JSON field names are camelCase. A period is named by the ISO date (YYYY-MM-DD) on which it starts: weeks start on Monday, months on the 1st, quarters follow the team's fiscal year.",
        `Lists are paginated with \`?limit=\` (1–${PAGE_LIMIT_MAX}) and an opaque \`?cursor=\`: pass the \`nextCursor\` of one page to get the next; it is null on the last page.`,
        'PATCH and DELETE need `If-Match: "<version>"` (the `ETag` of the resource, also its `version` field): 428 without it, 412 with a stale one (the body then carries the current representation). A DELETE moves the item to the team\'s recycle bin, where a team member can restore it for 30 days.',
        `Errors are RFC 9457 problem details (application/problem+json) with field-level \`errors\`. Each key may make ${limit.max} requests per ${limit.windowSeconds} seconds; beyond that, 429 with Retry-After.`,
        `Batches hold up to ${BATCH_MAX.toLocaleString("en")} items and are all-or-nothing.`,
      ].join("\n\n"),
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: `${env().APP_URL.replace(/\/$/, "")}/api/v1` }],
    tags: ["Scorecards", "Journeys", "Objectives", "KPIs", "Measurements"].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ck_<team>_<secret>", description: "An API key of one team; the scopes an operation needs are listed in its security requirement." },
      },
    },
  };
}
