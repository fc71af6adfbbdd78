// Every operation of the public REST API v1, declared once: method, path, scope, the zod
// schemas of its query, body and answer. Route handlers are built from these (lib/api/route.ts)
// and the OpenAPI document is generated from them (lib/api/openapi.ts).
import type { z } from "zod";
import type { ApiScope } from "./api-key";
import {
  BatchResultSchema, BatchSchema, JourneyCreateSchema, JourneyPageSchema, JourneySchema, KpiCreateSchema, KpiPatchSchema, KpiSchema,
  MeasurementInputSchema, MeasurementPageSchema, MeasurementQuerySchema, MeasurementSchema, ObjectiveCreateSchema, ObjectivePatchSchema,
  ObjectiveSchema, PageQuerySchema, RecycleBinEntrySchema, ScorecardCreateSchema, ScorecardListSchema, ScorecardPageSchema, ScorecardPatchSchema, ScorecardSchema,
} from "@/lib/validation/api";

export interface ApiOperation<Q extends z.ZodObject | undefined = z.ZodObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined, R extends z.ZodType = z.ZodType> {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path under /api/v1, with {param} placeholders. */
  path: string;
  tag: "Scorecards" | "Journeys" | "Objectives" | "KPIs" | "Measurements";
  summary: string;
  description?: string;
  scope: ApiScope;
  /** Path parameters (all ids): name → what a malformed or unknown one is called in the 404. */
  params?: Record<string, string>;
  query?: Q;
  body?: B;
  /** The largest body accepted (413 beyond); 1 MB unless said. */
  maxBodyMegabytes?: number;
  /** PATCH and DELETE: `If-Match: "<version>"` is required (428 without, 412 when stale). */
  ifMatch?: boolean;
  success: { status: 200 | 201; schema: R; description: string; etag?: boolean; location?: boolean; /** An upsert: 201 instead when it created. */ createdStatus?: boolean };
  /** Error statuses beyond those the wrapper can answer for every operation of this kind. */
  errors?: number[];
}

const define = <Q extends z.ZodObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType>(op: ApiOperation<Q, B, R>) => op;

export const operations = {
  listScorecards: define({
    operationId: "listScorecards",
    method: "GET",
    path: "/scorecards",
    tag: "Scorecards",
    summary: "List scorecards",
    description: "Active (not archived) scorecards, oldest first, with their current score and status.",
    scope: "read",
    query: PageQuerySchema,
    success: { status: 200, schema: ScorecardPageSchema, description: "A page of scorecards" },
  }),
  createScorecard: define({
    operationId: "createScorecard",
    method: "POST",
    path: "/scorecards",
    tag: "Scorecards",
    summary: "Create a scorecard",
    description:
      "Creates a scorecard with the four default perspectives (Learning & Growth, Internal Processes, Customer, Financial), optionally below another scorecard of the team (`parentId`).",
    scope: "write",
    body: ScorecardCreateSchema,
    success: { status: 201, schema: ScorecardSchema, description: "The new scorecard", location: true },
    errors: [402, 404],
  }),
  getScorecard: define({
    operationId: "getScorecard",
    method: "GET",
    path: "/scorecards/{id}",
    tag: "Scorecards",
    summary: "Get a scorecard",
    description: "Perspectives → objectives → KPIs, each KPI with its latest value, status and score, rolled up as of the team's current period.",
    scope: "read",
    params: { id: "This scorecard" },
    success: { status: 200, schema: ScorecardSchema, description: "The scorecard" },
  }),
  updateScorecard: define({
    operationId: "updateScorecard",
    method: "PATCH",
    path: "/scorecards/{id}",
    tag: "Scorecards",
    summary: "Change a scorecard",
    description:
      "Only the fields sent change. `parentId` moves it in the organisation tree: a move under itself or under one of its own descendants is refused (422 naming `parentId`), another team's scorecard is a 404, and contributions of its objectives that no longer point at a scorecard above are removed. Requires `If-Match` with the version you last saw.",
    scope: "write",
    params: { id: "This scorecard" },
    body: ScorecardPatchSchema,
    ifMatch: true,
    success: { status: 200, schema: ScorecardSchema, description: "The scorecard as it is now", etag: true },
    errors: [404],
  }),
  listScorecardChildren: define({
    operationId: "listScorecardChildren",
    method: "GET",
    path: "/scorecards/{id}/children",
    tag: "Scorecards",
    summary: "List the scorecards directly below one",
    description: "The units one level down in the organisation tree, by name, each with its score and status (archived ones included). Walk down for the whole tree.",
    scope: "read",
    params: { id: "This scorecard" },
    success: { status: 200, schema: ScorecardListSchema, description: "The scorecards below" },
  }),
  listJourneys: define({
    operationId: "listJourneys",
    method: "GET",
    path: "/journeys",
    tag: "Journeys",
    summary: "List journeys",
    description: "Active (not archived) journeys, oldest first. Stages are in the journey itself.",
    scope: "read",
    query: PageQuerySchema,
    success: { status: 200, schema: JourneyPageSchema, description: "A page of journeys" },
  }),
  createJourney: define({
    operationId: "createJourney",
    method: "POST",
    path: "/journeys",
    tag: "Journeys",
    summary: "Create a journey",
    scope: "write",
    body: JourneyCreateSchema,
    success: { status: 201, schema: JourneySchema, description: "The new journey with its stages", location: true },
  }),
  getJourney: define({
    operationId: "getJourney",
    method: "GET",
    path: "/journeys/{id}",
    tag: "Journeys",
    summary: "Get a journey",
    description: "The journey's stages in order, each with its health: the roll-up of the KPIs of the objectives that serve it.",
    scope: "read",
    params: { id: "This journey" },
    success: { status: 200, schema: JourneySchema, description: "The journey" },
  }),
  createObjective: define({
    operationId: "createObjective",
    method: "POST",
    path: "/objectives",
    tag: "Objectives",
    summary: "Create an objective",
    scope: "write",
    body: ObjectiveCreateSchema,
    success: { status: 201, schema: ObjectiveSchema, description: "The new objective", etag: true },
    errors: [404],
  }),
  updateObjective: define({
    operationId: "updateObjective",
    method: "PATCH",
    path: "/objectives/{id}",
    tag: "Objectives",
    summary: "Change an objective",
    description: "Only the fields sent change. Requires `If-Match` with the version you last saw.",
    scope: "write",
    params: { id: "This objective" },
    body: ObjectivePatchSchema,
    ifMatch: true,
    success: { status: 200, schema: ObjectiveSchema, description: "The objective as it is now", etag: true },
  }),
  createKpi: define({
    operationId: "createKpi",
    method: "POST",
    path: "/kpis",
    tag: "KPIs",
    summary: "Create a KPI",
    scope: "write",
    body: KpiCreateSchema,
    success: { status: 201, schema: KpiSchema, description: "The new KPI", etag: true },
    errors: [404],
  }),
  updateKpi: define({
    operationId: "updateKpi",
    method: "PATCH",
    path: "/kpis/{id}",
    tag: "KPIs",
    summary: "Change a KPI",
    description: "Only the fields sent change; the result must still be a valid KPI (thresholds on the right side for its direction). Requires `If-Match` with the version you last saw.",
    scope: "write",
    params: { id: "This KPI" },
    body: KpiPatchSchema,
    ifMatch: true,
    success: { status: 200, schema: KpiSchema, description: "The KPI as it is now", etag: true },
  }),
  deleteObjective: define({
    operationId: "deleteObjective",
    method: "DELETE",
    path: "/objectives/{id}",
    tag: "Objectives",
    summary: "Delete an objective",
    description:
      "Moves the objective, with its KPIs, their values, its initiatives and its strategy-map links, to the team's recycle bin, where it can be restored for 30 days. Needs If-Match with the version last seen.",
    scope: "write",
    params: { id: "This objective" },
    ifMatch: true,
    success: { status: 200, schema: RecycleBinEntrySchema, description: "The recycle-bin entry it went into" },
  }),
  deleteKpi: define({
    operationId: "deleteKpi",
    method: "DELETE",
    path: "/kpis/{id}",
    tag: "KPIs",
    summary: "Delete a KPI",
    description: "Moves the KPI with its values to the team's recycle bin, where it can be restored for 30 days. Needs If-Match with the version last seen.",
    scope: "write",
    params: { id: "This KPI" },
    ifMatch: true,
    success: { status: 200, schema: RecycleBinEntrySchema, description: "The recycle-bin entry it went into" },
  }),
  listMeasurements: define({
    operationId: "listMeasurements",
    method: "GET",
    path: "/kpis/{id}/measurements",
    tag: "Measurements",
    summary: "List a KPI's values",
    description: "Newest period first.",
    scope: "read",
    params: { id: "This KPI" },
    query: MeasurementQuerySchema,
    success: { status: 200, schema: MeasurementPageSchema, description: "A page of values" },
  }),
  upsertMeasurement: define({
    operationId: "upsertMeasurement",
    method: "POST",
    path: "/kpis/{id}/measurements",
    tag: "Measurements",
    summary: "Set a KPI's value for one period",
    description: "Creates or replaces the value of one period (an upsert on KPI and period): sending the same value again changes nothing. 201 when the period had no value, 200 otherwise.",
    scope: "write",
    params: { id: "This KPI" },
    body: MeasurementInputSchema,
    success: { status: 200, schema: MeasurementSchema, description: "The stored value, which replaced or equalled one already there", createdStatus: true },
  }),
  batchMeasurements: define({
    operationId: "batchMeasurements",
    method: "POST",
    path: "/measurements/batch",
    tag: "Measurements",
    summary: "Set many values at once",
    description:
      "Up to 10,000 items, all or nothing, in one transaction: one invalid item refuses the whole batch and nothing is written. Idempotent on (kpiId, period): sending the same batch twice leaves the same rows. When a batch names the same (kpiId, period) twice, the later item wins.",
    scope: "write",
    body: BatchSchema,
    // 10,000 items with notes of up to 2,000 characters each.
    maxBodyMegabytes: 24,
    success: { status: 200, schema: BatchResultSchema, description: "What was written" },
    errors: [404, 413],
  }),
} as const;

export type Operations = typeof operations;
