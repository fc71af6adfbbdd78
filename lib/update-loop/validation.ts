// Input schemas of the update loop: the reminder schedule, My updates' block of values, the
// explanation of a red value, and the one-value form behind an update link. Messages name the field.
import { z } from "zod";
import { isIsoDate } from "@/lib/periods";
import { NOTE_MAX } from "@/lib/validation/measurements";
import { optionalText, requiredText, uuid } from "@/lib/validation/primitives";

export const REASON_MAX = 1000;
export const ACTION_MAX = 500;
export const MAX_MY_UPDATES_CELLS = 500;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A whole number of days from a form ("" → none). */
const optionalDays = (label: string, min: number) =>
  z.preprocess(
    (v) => blank(v) ?? null,
    z.coerce
      .number({ error: `${label} must be a whole number of days` })
      .int(`${label} must be a whole number of days`)
      .min(min, `${label} must be at least ${min}`)
      .max(30, `${label} must be at most 30`)
      .nullable(),
  );

/** A checkbox: "on"/"true" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const reminderScheduleSchema = z.object({
  enabled: checkbox,
  daysBefore: optionalDays("Days before the end", 0),
  daysAfter: optionalDays("Days after the end", 1),
  sendHour: z.coerce.number({ error: "Hour must be a number from 0 to 23" }).int("Hour must be a whole number").min(0, "Hour must be from 0 to 23").max(23, "Hour must be from 0 to 23"),
  /** The version the admin saw; absent when they saw the defaults. */
  version: z.preprocess((v) => blank(v) ?? null, z.coerce.number().int().positive("version must be positive").nullable()),
});

export const sendRemindersNowSchema = z.object({});

const rawValue = z.union([z.string().max(100, "Value must be at most 100 characters"), z.number()], { error: "Value is required" });
const period = z.string({ error: "Period is required" }).trim().min(1, "Period is required").max(20, "Period must be a date (YYYY-MM-DD)");
const note = z.string().max(NOTE_MAX, `Note must be at most ${NOTE_MAX} characters`).transform((s) => s.trim());

/** The version of the value the person saw; absent when the cell was empty (then a value entered meanwhile is a conflict). */
const seenVersion = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "version must be a whole number" }).int("version must be a whole number").positive("version must be positive").optional(),
);

export const myUpdatesSaveSchema = z.object({
  // A form posts the block as one JSON string; a direct call passes the array.
  cells: z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    },
    z
      .array(z.object({ kpiId: uuid("KPI"), period, value: rawValue, note: note.optional(), version: seenVersion }), { error: "cells must be a list of { kpiId, period, value }" })
      .min(1, "Enter at least one value")
      .max(MAX_MY_UPDATES_CELLS, `Enter at most ${MAX_MY_UPDATES_CELLS} values at once`),
  ),
});
export type MyUpdatesSaveInput = z.infer<typeof myUpdatesSaveSchema>;

const isoDateOrNull = (label: string) =>
  z.preprocess((v) => blank(v) ?? null, z.string().refine(isIsoDate, `${label} must be a date (YYYY-MM-DD)`).nullable());
const optionalUuid = (label: string) => z.preprocess((v) => blank(v) ?? null, uuid(label).nullable());

export const FOLLOW_UPS = ["none", "initiative", "action"] as const;

export const explainRedSchema = z
  .object({
    kpiId: uuid("KPI"),
    period: z.string().refine(isIsoDate, "Period must be a date (YYYY-MM-DD)"),
    reason: requiredText("Reason", REASON_MAX),
    followUp: z.preprocess((v) => blank(v) ?? "none", z.enum(FOLLOW_UPS, { error: "Choose a follow-up: none, an initiative or an action" })),
    initiativeTitle: optionalText("Initiative title", 200),
    initiativeOwnerId: optionalUuid("Initiative owner"),
    initiativeDueDate: isoDateOrNull("Initiative due date"),
    actionText: optionalText("Action", ACTION_MAX),
    actionOwnerId: optionalUuid("Action owner"),
    actionDueDate: isoDateOrNull("Action due date"),
  })
  .superRefine((v, ctx) => {
    if (v.followUp === "initiative" && !v.initiativeTitle) ctx.addIssue({ code: "custom", path: ["initiativeTitle"], message: "Initiative title is required to create an initiative" });
    if (v.followUp === "action" && !v.actionText) ctx.addIssue({ code: "custom", path: ["actionText"], message: "Say what the action is" });
    if (v.followUp === "action" && !v.actionOwnerId) ctx.addIssue({ code: "custom", path: ["actionOwnerId"], message: "Choose who does the action" });
  });
export type ExplainRedInput = z.infer<typeof explainRedSchema>;

export const updateLinkSubmitSchema = z.object({
  token: z.string({ error: "The link is missing" }).min(1, "The link is missing").max(500, "The link is not valid"),
  value: rawValue,
  note: note.optional(),
  /** Asked for when the value is off track. */
  reason: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`).optional()),
});
