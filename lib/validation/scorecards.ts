// Input schemas for scorecards, perspectives, objectives, KPIs and initiatives: shared by the
// editor's forms, its server actions and (later) the REST API. Messages name the field.
import { z } from "zod";
import { JOURNEY_TEMPLATE_KEYS } from "@/lib/journey-templates";
import { KPI_INDICATORS, KPI_UNITS } from "@/lib/kpi-library";
import { FREQUENCIES, isIsoDate } from "@/lib/periods";
import { KPI_DIRECTIONS } from "@/lib/scoring";
import { kpiDefinitionErrors, type KpiDefinitionInput } from "@/lib/scorecards/kpi-definition";
import { optionalText, requiredText, uuid } from "./primitives";

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const REASON_MAX = 500;
export const WEIGHT_MAX = 1000;

export const KPI_SOURCES = ["manual", "csv", "api"] as const;
export const INITIATIVE_STATUSES = ["planned", "in_progress", "on_hold", "done", "canceled"] as const;

/** FormData sends "" for an empty input: treat it (and null) as "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const toNumber = (v: unknown) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v);

const number = (label: string) =>
  z.preprocess(
    (v) => toNumber(blankToUndefined(v)),
    z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`),
  );

/** An optional number: "" or absent → null. */
const optionalNumber = (label: string) =>
  z.preprocess(
    (v) => {
      const given = blankToUndefined(v);
      return given === undefined ? null : toNumber(given);
    },
    z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`).nullable(),
  );

export const weight = (label = "Weight") =>
  number(label)
    .refine((w) => w >= 0, `${label} must be 0 or more`)
    .refine((w) => w <= WEIGHT_MAX, `${label} must be at most ${WEIGHT_MAX}`);

/** A weight the form may leave empty: defaults to 1. */
const weightOrOne = (label = "Weight") => z.preprocess((v) => (blankToUndefined(v) === undefined ? 1 : v), weight(label));

export const version = z.coerce.number({ error: "version is required" }).int("version must be a whole number").positive("version is required");

/** An owner chosen among the members, or nobody ("" → null). Membership is checked by the handler. */
const ownerId = z.preprocess((v) => blankToUndefined(v) ?? null, uuid("Owner").nullable());

/** Checkbox lists arrive as one string, several strings, or nothing at all. */
const idList = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(uuid(label)).max(100, `${label}: at most 100`),
  );

const isoDate = (label: string) =>
  z.preprocess(
    (v) => blankToUndefined(v) ?? null,
    z.string().refine(isIsoDate, `${label} must be a date (YYYY-MM-DD)`).nullable(),
  );

const optionalUuid = (label: string) => z.preprocess((v) => blankToUndefined(v) ?? null, uuid(label).nullable());

// ---------------------------------------------------------------------------------------------
// Scorecards and perspectives

/** The parent in the organisation tree: "" is "at the top"; absent (update only) keeps the current one. */
const parentId = z.preprocess((v) => (v === "" ? null : v), uuid("Parent scorecard").nullable().optional());

export const scorecardCreateSchema = z.object({
  name: requiredText("Name", NAME_MAX),
  description: optionalText("Description", DESCRIPTION_MAX),
  journeyId: optionalUuid("Journey"),
  parentId,
});

export const scorecardUpdateSchema = scorecardCreateSchema.extend({ scorecardId: uuid("scorecard"), version });

export const scorecardRefSchema = z.object({ scorecardId: uuid("scorecard"), version });

/** Moving a scorecard in the tree: under another (`parentId`) or to the top (""). */
export const scorecardMoveSchema = z.object({ scorecardId: uuid("scorecard"), version, parentId: z.preprocess((v) => (v === "" || v === undefined ? null : v), uuid("Parent scorecard").nullable()) });

/** What becomes of a deleted scorecard's children: moved up to its parent, or deleted too. */
export const CHILDREN_CHOICES = ["move_up", "delete"] as const;
export const scorecardDeleteSchema = scorecardRefSchema.extend({
  children: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CHILDREN_CHOICES, { error: "Choose what becomes of its sub-scorecards: move them up or delete them too" }).optional()),
});

/** "Cascade": a child scorecard whose objectives start as contributors to this one's. */
export const scorecardCascadeSchema = z.object({ scorecardId: uuid("scorecard"), name: requiredText("Name", NAME_MAX) });

/** One contribution of an objective to an objective of a scorecard above (added or removed). */
export const contributionSchema = z.object({ objectiveId: uuid("objective"), version, parentObjectiveId: uuid("Parent objective") });

export const starterKitSchema = z.object({
  template: z.enum(JOURNEY_TEMPLATE_KEYS.filter((k) => k !== "blank") as ["lifecycle", "funnel"], {
    error: "Choose a journey template: lifecycle or funnel",
  }),
});

export const perspectiveUpdateSchema = z.object({
  perspectiveId: uuid("perspective"),
  version,
  name: requiredText("Name", NAME_MAX),
  weight: weight(),
});

export const perspectiveMoveSchema = z.object({
  perspectiveId: uuid("perspective"),
  version,
  direction: z.enum(["up", "down"], { error: "direction must be up or down" }),
});

// ---------------------------------------------------------------------------------------------
// Objectives

const objectiveFields = {
  title: requiredText("Title", NAME_MAX),
  description: optionalText("Description", DESCRIPTION_MAX),
  ownerId,
  weight: weightOrOne(),
  stageIds: idList("Stages"),
};

export const objectiveCreateSchema = z.object({ perspectiveId: uuid("perspective"), ...objectiveFields });
export const objectiveUpdateSchema = z.object({ objectiveId: uuid("objective"), version, perspectiveId: uuid("perspective"), ...objectiveFields });
export const objectiveRefSchema = z.object({ objectiveId: uuid("objective"), version });

// ---------------------------------------------------------------------------------------------
// KPIs

// The rules themselves live in a zod-free module so client components (the KPI library picker)
// can run them without shipping zod.
export { kpiDefinitionErrors, type KpiDefinitionInput } from "@/lib/scorecards/kpi-definition";

export function normalizeKpiDefinition<T extends KpiDefinitionInput>(def: T): T {
  return {
    ...def,
    currency: def.unit === "currency" ? (def.currency ?? null) : null,
    targetMax: def.direction === "range" ? def.targetMax : null,
  };
}

function refineKpi(value: KpiDefinitionInput, ctx: z.RefinementCtx) {
  for (const [field, messages] of Object.entries(kpiDefinitionErrors(normalizeKpiDefinition(value)))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

const currency = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() || null : (v ?? null)),
  z.string().max(3, "Currency must be an ISO 4217 code such as USD").nullable(),
);

const kpiFields = {
  name: requiredText("Name", NAME_MAX),
  description: optionalText("Description", DESCRIPTION_MAX),
  unit: z.enum(KPI_UNITS, { error: "Choose a unit: percent, currency, count, duration or score" }),
  currency,
  direction: z.enum(KPI_DIRECTIONS, { error: "Choose a direction: up (higher is better), down (lower is better) or range" }),
  baseline: optionalNumber("Baseline"),
  target: number("Target"),
  targetMax: optionalNumber("Top of the target range"),
  redThreshold: number("Red threshold"),
  frequency: z.enum(FREQUENCIES, { error: "Choose a frequency: weekly, monthly or quarterly" }),
  indicator: z.enum(KPI_INDICATORS, { error: "Choose leading or lagging" }),
  source: z.preprocess((v) => blankToUndefined(v) ?? "manual", z.enum(KPI_SOURCES, { error: "Choose a source: manual, csv or api" })),
  ownerId,
  weight: weightOrOne(),
};

const reason = optionalText("Reason", REASON_MAX);

export const kpiCreateSchema = z.object({ objectiveId: uuid("objective"), ...kpiFields }).superRefine(refineKpi).transform(normalizeKpiDefinition);
export const kpiUpdateSchema = z
  .object({ kpiId: uuid("KPI"), version, ...kpiFields, reason })
  .superRefine(refineKpi)
  .transform(normalizeKpiDefinition);

/** The target alone (direction and unit stay): checked against the stored KPI by the handler. */
export const kpiTargetSchema = z.object({
  kpiId: uuid("KPI"),
  version,
  target: number("Target"),
  targetMax: optionalNumber("Top of the target range"),
  redThreshold: number("Red threshold"),
  reason,
});

export const kpiLibrarySchema = z.object({
  objectiveId: uuid("objective"),
  templateKeys: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(100)).min(1, "Choose at least one KPI from the library").max(40, "Choose at most 40 KPIs at once"),
  ),
});

export const kpiRefSchema = z.object({ kpiId: uuid("KPI"), version });

// ---------------------------------------------------------------------------------------------
// Initiatives

const initiativeFields = {
  title: requiredText("Title", NAME_MAX),
  description: optionalText("Description", DESCRIPTION_MAX),
  ownerId,
  startDate: isoDate("Start date"),
  dueDate: isoDate("Due date"),
  status: z.preprocess(
    (v) => blankToUndefined(v) ?? "planned",
    z.enum(INITIATIVE_STATUSES, { error: "Choose a status: planned, in progress, on hold, done or canceled" }),
  ),
  progress: z.preprocess(
    (v) => (blankToUndefined(v) === undefined ? 0 : toNumber(v)),
    z
      .number({ error: "Progress must be a number" })
      .int("Progress must be a whole number")
      .min(0, "Progress must be between 0 and 100")
      .max(100, "Progress must be between 0 and 100"),
  ),
  budget: optionalNumber("Budget").refine((b) => b === null || b >= 0, "Budget must be 0 or more"),
};

function refineDates(value: { startDate: string | null; dueDate: string | null }, ctx: z.RefinementCtx) {
  if (value.startDate && value.dueDate && value.dueDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Due date must be on or after the start date" });
  }
}

export const initiativeCreateSchema = z.object({ objectiveId: uuid("objective"), ...initiativeFields }).superRefine(refineDates);
export const initiativeUpdateSchema = z.object({ initiativeId: uuid("initiative"), version, ...initiativeFields }).superRefine(refineDates);
export const initiativeRefSchema = z.object({ initiativeId: uuid("initiative"), version });

export type ScorecardCreateInput = z.infer<typeof scorecardCreateSchema>;
export type ScorecardUpdateInput = z.infer<typeof scorecardUpdateSchema>;
export type PerspectiveUpdateInput = z.infer<typeof perspectiveUpdateSchema>;
export type PerspectiveMoveInput = z.infer<typeof perspectiveMoveSchema>;
export type ObjectiveCreateInput = z.infer<typeof objectiveCreateSchema>;
export type ObjectiveUpdateInput = z.infer<typeof objectiveUpdateSchema>;
export type KpiCreateInput = z.infer<typeof kpiCreateSchema>;
export type KpiUpdateInput = z.infer<typeof kpiUpdateSchema>;
export type KpiTargetInput = z.infer<typeof kpiTargetSchema>;
export type InitiativeCreateInput = z.infer<typeof initiativeCreateSchema>;
export type InitiativeUpdateInput = z.infer<typeof initiativeUpdateSchema>;
