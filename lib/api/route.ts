// The one wrapper of every /api/v1 route handler. The chain is fixed, never opt-in:
//   API key (401) → per-key rate limit (429 + Retry-After) → scope (403) → path ids (404)
//   → query (422) → If-Match (428) → JSON body (400/413/415, then 422) → plan allows writes (402)
//   → handler inside the key's team-bound transaction → JSON, or problem+json for any error.
// A stale If-Match (the service's 409) becomes 412 with the current representation.
import type { z } from "zod";
import type { Tx } from "@/db/client";
import type { Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { inTeam } from "@/db/tenant";
import { assertTeamWritable } from "@/lib/billing/access";
import { AppError, toAppError } from "@/lib/errors";
import { isUuid } from "@/lib/dashboards/ids";
import type { TeamCalendar } from "@/lib/periods";
import { consumeLimit, LIMITS } from "@/lib/rate-limit";
import { authenticateApiKey } from "./authenticate";
import type { ApiOperation } from "./operations";
import { HEADER, HttpProblem, issuesToFieldErrors, problemFrom, problemResponse, QUERY } from "./problem";
import { readJsonBody } from "./request-body";

export interface ApiContext {
  ctx: TeamContext;
  team: Team;
  calendar: TeamCalendar;
}

type Output<S> = NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;

export interface HandlerInput<O extends ApiOperation> extends ApiContext {
  tx: Tx;
  params: Record<string, string>;
  query: Output<O["query"]>;
  body: Output<O["body"]>;
  /** The version named by If-Match (PATCH). */
  ifMatch: number;
}

export interface HandlerResult<O extends ApiOperation> {
  status?: 200 | 201;
  body: z.output<O["success"]["schema"]>;
  /** Sent as `ETag: "<version>"`. */
  version?: number;
  location?: string;
}

export interface RouteOptions {
  /** For PATCH: the current representation and version, sent with a 412. */
  current?: (tx: Tx, api: ApiContext, params: Record<string, string>) => Promise<{ body: unknown; version: number } | undefined>;
}

type RouteContext = { params: Promise<Record<string, string>> };

const etag = (version: number) => `"${version}"`;

function parseIfMatch(header: string | null): number {
  if (header === null) {
    throw new AppError("precondition_required", 'This change needs the version you last saw: send If-Match: "<version>" (the ETag of the resource).', {
      fieldErrors: { [`${HEADER}If-Match`]: ["If-Match is required"] },
    });
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match || Number(match[1]) < 1) {
    throw new AppError("bad_request", 'If-Match must be one quoted version, such as If-Match: "3".', { fieldErrors: { [`${HEADER}If-Match`]: ['must look like "3"'] } });
  }
  return Number(match[1]);
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors = issuesToFieldErrors(parsed.error.issues, prefix);
  const [first] = Object.values(fieldErrors).flat();
  throw new AppError("validation", `${what} is not valid: ${first}.`, { fieldErrors });
}

export function apiRoute<O extends ApiOperation>(op: O, handler: (input: HandlerInput<O>) => Promise<HandlerResult<O>>, options: RouteOptions = {}) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    let api: ApiContext | undefined;
    let params: Record<string, string> = {};
    try {
      const { key, team, scopes, creatorRole } = await authenticateApiKey(request.headers.get("authorization"));
      const limit = await consumeLimit("api:key", key.id);
      if (!limit.allowed) {
        throw new AppError("rate_limited", `This API key made more than ${LIMITS["api:key"].max} requests in ${LIMITS["api:key"].windowSeconds} seconds. Retry after ${limit.retryAfterSeconds} seconds.`, { retryAfter: limit.retryAfterSeconds });
      }
      if (!scopes.includes(op.scope)) {
        const needed = `This API key lacks the "${op.scope}" scope needed to ${op.summary.toLowerCase()}`;
        // Given the scope, but its creator's current role no longer allows it: say so, so an
        // integration that stopped working points at the role change rather than at the key.
        throw new AppError(
          "forbidden",
          key.scopes.includes(op.scope)
            ? `${needed}: the member who created it is now ${creatorRole === "admin" ? "an" : "a"} ${creatorRole} in this team, and a key never does more than its creator's current role allows.`
            : `${needed}.`,
        );
      }

      // A key never acts above an editor, and never above its creator's current role (scopes is already bounded by it).
      const ctx: TeamContext = { teamId: team.id, teamSlug: team.slug, userId: null, membershipId: null, role: scopes.includes("write") ? "editor" : "viewer", via: "api_key" };
      api = { ctx, team, calendar: { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth } };
      params = await context.params;
      for (const [name, what] of Object.entries(op.params ?? {})) {
        // A malformed id is as unknown as another team's: the same 404.
        if (!isUuid(params[name] ?? "")) throw new AppError("not_found", `${what} was not found.`);
      }
      const query = op.query ? parse(op.query, Object.fromEntries(url.searchParams), QUERY, "The query string") : undefined;
      const ifMatch = op.ifMatch ? parseIfMatch(request.headers.get("if-match")) : 0;
      const body = op.body ? parse(op.body, await readJsonBody(request, op.maxBodyMegabytes ?? 1), "", "The request body") : undefined;
      if (op.scope === "write") assertTeamWritable(team);

      const ready = api;
      const result = await inTeam(ctx.teamId, (tx) => handler({ ...ready, tx, params, query: query as Output<O["query"]>, body: body as Output<O["body"]>, ifMatch }));
      const headers: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        "x-ratelimit-limit": String(LIMITS["api:key"].max),
        "x-ratelimit-remaining": String(limit.remaining),
      };
      if (result.version !== undefined) headers.etag = etag(result.version);
      if (result.location) headers.location = result.location;
      return new Response(JSON.stringify(result.body), { status: result.status ?? op.success.status, headers });
    } catch (caught) {
      const error = caught instanceof HttpProblem ? caught : toAppError(caught, `api ${op.operationId}`);
      if (error instanceof AppError && error.code === "conflict" && op.ifMatch && options.current && api) {
        const known = api;
        const current = await inTeam(known.ctx.teamId, (tx) => options.current!(tx, known, params)).catch(() => undefined);
        if (current) {
          return problemResponse(
            { ...problemFrom(new AppError("precondition_failed", `If-Match names a version that is no longer current: it is now ${current.version}. Nothing was changed; the current representation is in "current".`)), current: current.body, headers: { etag: etag(current.version) } },
            url.pathname,
          );
        }
      }
      return problemResponse(problemFrom(error), url.pathname);
    }
  };
}
