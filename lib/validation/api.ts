// The public REST API v1's JSON, in zod: what each endpoint accepts and what it returns.
// The handlers parse with these schemas and type their answers with them, and the OpenAPI
// document is generated from them (lib/api/openapi.ts), so the two cannot drift apart.
// Field names and enums are the contract in DESIGN.md ("Public REST API v1").
// Request bodies are strict JSON: numbers are numbers (no "12" for 12) and unknown fields are
// refused, so a typo ("targte") is an error naming the field rather than a silent no-op.
import { z } from "zod";
import { JOURNEY_TEMPLATE_KEYS } from "@/lib/journey-templates";
import { KPI_INDICATORS, KPI_UNITS, PERSPECTIVE_KINDS } from "@/lib/kpi-library";
import { FREQUENCIES, isIsoDate } from "@/lib/periods";
import { KPI_DIRECTIONS, STATUSES } from "@/lib/scoring";
import { EMOTION_MAX, EMOTION_MIN } from "./journeys";
import { NOTE_MAX } from "./measurements";
import { optionalText, requiredText } from "./primitives";
import { DESCRIPTION_MAX, KPI_SOURCES, NAME_MAX, REASON_MAX, WEIGHT_MAX, kpiDefinitionErrors, normalizeKpiDefinition } from "./scorecards";

/** Named schemas: each becomes `#/components/schemas/<id>` in the OpenAPI document. */
export const apiComponents = z.registry<{ id: string; description?: string }>();

export const BATCH_MAX = 10_000;
export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 50;

const id = (what: string) => z.uuid({ error: `${what} must be an id (a UUID)` });
const number = (label: string) => z.number({ error: `${label} must be a number` });
const nullableNumber = (label: string) => z.number({ error: `${label} must be a number or null` }).nullable();
const weight = (label = "weight") =>
  number(label).min(0, `${label} must be 0 or more`).max(WEIGHT_MAX, `${label} must be at most ${WEIGHT_MAX}`);

const DATE_MESSAGE = "must be a date in the form YYYY-MM-DD (the first day of the period)";
/** A period, named by the ISO date (YYYY-MM-DD) on which it starts. */
const periodInput = (label = "period") =>
  z
    .string({ error: `${label} ${DATE_MESSAGE}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} ${DATE_MESSAGE}`)
    .refine(isIsoDate, `${label} is not a real date`)
    .meta({ format: "date" });
const period = z.iso.date().describe("ISO date (YYYY-MM-DD) on which the period starts");

// ---------------------------------------------------------------------------------------------
// Enums

export const PerspectiveKindSchema = z.enum(PERSPECTIVE_KINDS).register(apiComponents, { id: "PerspectiveKind" });
export const StatusSchema = z
  .enum(STATUSES)
  .register(apiComponents, { id: "Status", description: "green: target met; amber: between target and red threshold; red: beyond it; grey: no data." });
export const DirectionSchema = z
  .enum(KPI_DIRECTIONS, { error: "direction must be up, down or range" })
  .register(apiComponents, { id: "Direction", description: "up: higher is better; down: lower is better; range: inside [target, targetMax] is best." });
export const FrequencySchema = z.enum(FREQUENCIES, { error: "frequency must be weekly, monthly or quarterly" }).register(apiComponents, { id: "Frequency" });
export const IndicatorSchema = z.enum(KPI_INDICATORS, { error: "indicator must be leading or lagging" }).register(apiComponents, { id: "Indicator" });
export const UnitSchema = z.enum(KPI_UNITS, { error: "unit must be percent, currency, count, duration or score" }).register(apiComponents, { id: "Unit" });
const SourceSchema = z.enum(KPI_SOURCES, { error: "source must be manual, csv or api" });

// ---------------------------------------------------------------------------------------------
// Representations (responses)

const score = z.number().min(0).max(10).nullable().describe("0–10; null without data");

export const KpiSchema = z
  .object({
    id: z.uuid(),
    objectiveId: z.uuid(),
    name: z.string(),
    description: z.string(),
    unit: UnitSchema,
    currency: z.string().nullable().describe("ISO 4217 code when unit is currency"),
    direction: DirectionSchema,
    baseline: z.number().nullable(),
    target: z.number().describe("For a range: the bottom of the target range"),
    targetMax: z.number().nullable().describe("For a range: the top of the target range"),
    redThreshold: z.number().describe("For a range: the distance outside the range that turns red"),
    frequency: FrequencySchema,
    indicator: IndicatorSchema,
    source: SourceSchema,
    ownerId: z.uuid().nullable(),
    weight: z.number(),
    version: z.int(),
    latest: z.object({ period, value: z.number() }).nullable().describe("The latest value up to the current period"),
    status: StatusSchema,
    score,
  })
  .register(apiComponents, { id: "Kpi" });

export const ObjectiveSchema = z
  .object({
    id: z.uuid(),
    perspectiveId: z.uuid(),
    title: z.string(),
    description: z.string(),
    ownerId: z.uuid().nullable(),
    weight: z.number(),
    stageIds: z.array(z.uuid()).describe("Journey stages this objective serves"),
    contributesTo: z.array(z.uuid()).describe("Objectives of scorecards above this one's (ancestors) that this objective contributes to"),
    version: z.int(),
    score,
    status: StatusSchema,
    kpis: z.array(KpiSchema),
  })
  .register(apiComponents, { id: "Objective" });

export const PerspectiveSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: PerspectiveKindSchema, weight: z.number(), score, status: StatusSchema, objectives: z.array(ObjectiveSchema) })
  .register(apiComponents, { id: "Perspective" });

const scorecardFields = {
  id: z.uuid(),
  name: z.string(),
  journeyId: z.uuid().nullable(),
  parentId: z.uuid().nullable().describe("The scorecard above this one in the organisation tree; null at the top"),
  version: z.int(),
  score,
  status: StatusSchema,
};
export const ScorecardSummarySchema = z.object(scorecardFields).register(apiComponents, { id: "ScorecardSummary" });
export const ScorecardSchema = z.object({ ...scorecardFields, perspectives: z.array(PerspectiveSchema) }).register(apiComponents, { id: "Scorecard" });

export const StageSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.int().min(0),
    emotion: z.int().min(EMOTION_MIN).max(EMOTION_MAX).nullable(),
    health: z.object({ score, status: StatusSchema }).describe("Roll-up of the KPIs of the objectives serving this stage"),
  })
  .register(apiComponents, { id: "Stage" });

const journeyFields = { id: z.uuid(), name: z.string(), persona: z.string(), version: z.int() };
export const JourneySummarySchema = z.object(journeyFields).register(apiComponents, { id: "JourneySummary" });
export const JourneySchema = z.object({ ...journeyFields, stages: z.array(StageSchema) }).register(apiComponents, { id: "Journey" });

export const MeasurementSchema = z.object({ period, value: z.number(), note: z.string() }).register(apiComponents, { id: "Measurement" });

export const BatchResultSchema = z
  .object({
    received: z.int().describe("Items in the request"),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int().describe("Items equal to what was stored (or repeated in the batch)"),
  })
  .register(apiComponents, { id: "BatchResult" });

const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page") })
    .register(apiComponents, { id: name });
export const ScorecardPageSchema = page(ScorecardSummarySchema, "ScorecardPage");
export const ScorecardListSchema = z.object({ data: z.array(ScorecardSummarySchema) }).register(apiComponents, { id: "ScorecardList" });
export const JourneyPageSchema = page(JourneySummarySchema, "JourneyPage");
export const MeasurementPageSchema = page(MeasurementSchema, "MeasurementPage");

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string(),
    errors: z
      .array(z.object({ pointer: z.string().optional().describe("JSON Pointer into the request body"), name: z.string().optional().describe("Query parameter or header"), reason: z.string() }))
      .optional(),
    current: z.unknown().optional().describe("412 only: the current representation"),
  })
  .register(apiComponents, { id: "Problem", description: "RFC 9457 problem details" });

// ---------------------------------------------------------------------------------------------
// Requests

export const ScorecardCreateSchema = z
  .strictObject({
    name: requiredText("name", NAME_MAX),
    description: optionalText("description", DESCRIPTION_MAX),
    journeyId: id("journeyId").nullable().default(null),
    parentId: id("parentId").nullable().default(null).describe("The scorecard above it in the organisation tree; null or absent: at the top"),
  })
  .register(apiComponents, { id: "ScorecardCreate" });

export const ScorecardPatchSchema = z
  .strictObject({
    name: requiredText("name", NAME_MAX).optional(),
    description: z.string({ error: "description must be text" }).trim().max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`).optional(),
    journeyId: id("journeyId").nullable().optional(),
    parentId: id("parentId")
      .nullable()
      .optional()
      .describe("Moves it in the organisation tree (null: to the top); a move that would loop is refused. Contributions that no longer point at a scorecard above are removed."),
  })
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change")
  .register(apiComponents, { id: "ScorecardPatch" });

export const JourneyCreateSchema = z
  .strictObject({
    name: requiredText("name", NAME_MAX),
    persona: optionalText("persona", NAME_MAX),
    template: z
      .enum(JOURNEY_TEMPLATE_KEYS, { error: "template must be lifecycle, funnel or blank" })
      .default("lifecycle")
      .describe("Stages to start with: lifecycle (Discovery … Support), funnel (Awareness … Loyalty) or blank"),
  })
  .register(apiComponents, { id: "JourneyCreate" });

const objectiveFields = {
  title: requiredText("title", NAME_MAX),
  description: optionalText("description", DESCRIPTION_MAX),
  ownerId: id("ownerId").nullable(),
  weight: weight(),
  stageIds: z.array(id("stageIds"), { error: "stageIds must be a list of stage ids" }).max(100, "stageIds: at most 100"),
  contributesTo: z
    .array(id("contributesTo"), { error: "contributesTo must be a list of objective ids" })
    .max(100, "contributesTo: at most 100")
    .describe("Objectives of scorecards above this one's that it contributes to (replaces the list)"),
};

export const ObjectiveCreateSchema = z
  .strictObject({
    perspectiveId: id("perspectiveId"),
    ...objectiveFields,
    ownerId: objectiveFields.ownerId.default(null),
    weight: objectiveFields.weight.default(1),
    stageIds: objectiveFields.stageIds.default([]),
    contributesTo: objectiveFields.contributesTo.default([]),
  })
  .register(apiComponents, { id: "ObjectiveCreate" });

const atLeastOneField = (value: object) => Object.keys(value).length > 0;
export const ObjectivePatchSchema = z
  .strictObject({
    perspectiveId: id("perspectiveId").optional().describe("Moves the objective to another perspective of its scorecard"),
    title: objectiveFields.title.optional(),
    description: z.string({ error: "description must be text" }).trim().max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`).optional(),
    ownerId: objectiveFields.ownerId.optional(),
    weight: objectiveFields.weight.optional(),
    stageIds: objectiveFields.stageIds.optional(),
    contributesTo: objectiveFields.contributesTo.optional(),
  })
  .refine(atLeastOneField, "Send at least one field to change")
  .register(apiComponents, { id: "ObjectivePatch" });

const kpiFields = {
  name: requiredText("name", NAME_MAX),
  description: z.string({ error: "description must be text" }).trim().max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`),
  unit: UnitSchema,
  currency: z.string({ error: "currency must be an ISO 4217 code such as USD" }).trim().toUpperCase().nullable(),
  direction: DirectionSchema,
  baseline: nullableNumber("baseline"),
  target: number("target"),
  targetMax: nullableNumber("targetMax"),
  redThreshold: number("redThreshold"),
  frequency: FrequencySchema,
  indicator: IndicatorSchema,
  source: SourceSchema,
  ownerId: id("ownerId").nullable(),
  weight: weight(),
};

type KpiDefinitionFields = { unit: z.infer<typeof UnitSchema>; currency: string | null; direction: z.infer<typeof DirectionSchema>; baseline: number | null; target: number; targetMax: number | null; redThreshold: number };

/** The scorecard editor's rules for unit, currency and thresholds, in its words. */
export function refineKpiDefinition(value: KpiDefinitionFields, ctx: z.RefinementCtx) {
  for (const [field, messages] of Object.entries(kpiDefinitionErrors(normalizeKpiDefinition(value)))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

export const KpiCreateSchema = z
  .strictObject({
    objectiveId: id("objectiveId"),
    ...kpiFields,
    description: kpiFields.description.default(""),
    currency: kpiFields.currency.default(null),
    baseline: kpiFields.baseline.default(null),
    targetMax: kpiFields.targetMax.default(null),
    source: kpiFields.source.default("api"),
    ownerId: kpiFields.ownerId.default(null),
    weight: kpiFields.weight.default(1),
  })
  .superRefine(refineKpiDefinition)
  .register(apiComponents, { id: "KpiCreate" });

export const KpiPatchSchema = z
  .strictObject({
    name: kpiFields.name.optional(),
    description: kpiFields.description.optional(),
    unit: kpiFields.unit.optional(),
    currency: kpiFields.currency.optional(),
    direction: kpiFields.direction.optional(),
    baseline: kpiFields.baseline.optional(),
    target: kpiFields.target.optional(),
    targetMax: kpiFields.targetMax.optional(),
    redThreshold: kpiFields.redThreshold.optional(),
    frequency: kpiFields.frequency.optional(),
    indicator: kpiFields.indicator.optional(),
    source: kpiFields.source.optional(),
    ownerId: kpiFields.ownerId.optional(),
    weight: kpiFields.weight.optional(),
    reason: z.string({ error: "reason must be text" }).trim().max(REASON_MAX, `reason must be at most ${REASON_MAX} characters`).optional().describe("Why, kept in the KPI's history (target changes)"),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "reason"), "Send at least one field to change")
  .register(apiComponents, { id: "KpiPatch" });

const note = z.string({ error: "note must be text" }).max(NOTE_MAX, `note must be at most ${NOTE_MAX} characters`);

export const MeasurementInputSchema = z
  .strictObject({ period: periodInput(), value: number("value"), note: note.optional().describe("Absent keeps the stored note; \"\" clears it") })
  .register(apiComponents, { id: "MeasurementInput" });

export const BatchItemSchema = z
  .strictObject({ kpiId: id("kpiId"), period: periodInput(), value: number("value"), note: note.optional().describe("Absent keeps the stored note; \"\" clears it") })
  .register(apiComponents, { id: "BatchItem" });

export const BatchSchema = z
  .strictObject({
    items: z
      .array(BatchItemSchema, { error: "items must be a list of { kpiId, period, value, note? }" })
      .min(1, "items must hold at least one item")
      .max(BATCH_MAX, `A batch holds at most ${BATCH_MAX.toLocaleString("en")} items: split it into several batches`),
  })
  .register(apiComponents, { id: "MeasurementBatch" });

// ---------------------------------------------------------------------------------------------
// Query strings

export const PageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(PAGE_LIMIT_MAX, `limit must be at most ${PAGE_LIMIT_MAX}`)
    .default(PAGE_LIMIT_DEFAULT)
    .describe("Items per page"),
  cursor: z.string().max(500, "cursor is not valid").optional().describe("nextCursor of the previous page"),
});

export const MeasurementQuerySchema = PageQuerySchema.extend({
  from: periodInput("from").optional().describe("Only periods starting on or after this date"),
  to: periodInput("to").optional().describe("Only periods starting on or before this date"),
});

export type KpiJson = z.infer<typeof KpiSchema>;
export type ObjectiveJson = z.infer<typeof ObjectiveSchema>;
export type ScorecardJson = z.infer<typeof ScorecardSchema>;
export type ScorecardSummaryJson = z.infer<typeof ScorecardSummarySchema>;
export type JourneyJson = z.infer<typeof JourneySchema>;
export type JourneySummaryJson = z.infer<typeof JourneySummarySchema>;
export type MeasurementJson = z.infer<typeof MeasurementSchema>;

/** What a DELETE answers: the recycle-bin entry the item went into (restorable for 30 days). */
export const RecycleBinEntrySchema = z
  .object({
    id: z.uuid().describe("The recycle-bin entry (the id of this delete)"),
    entityType: z.enum(["objective", "kpi"]),
    entityId: z.uuid(),
    label: z.string(),
    deletedAt: z.string().describe("ISO 8601 instant"),
    purgeAfter: z.string().describe("When it is removed for good, unless restored first (ISO 8601 instant)"),
  })
  .register(apiComponents, { id: "RecycleBinEntry" });
