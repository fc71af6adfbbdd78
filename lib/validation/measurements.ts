// Input schemas for measurements (one cell, a pasted block, a delete, a cell's history), and
// the checks that need the KPI (its unit and frequency) with messages naming the cell. Shared
// by the grid's server actions and, later, the REST API's measurement endpoints.
import { z } from "zod";
import type { Kpi } from "@/db/schema";
import type { FieldErrors } from "@/lib/errors";
import { MAX_PASTE_CELLS } from "@/lib/measurements/paste";
import { cellLabel, measurementPeriodIssue } from "@/lib/measurements/rules";
import { parseMeasurementValue } from "@/lib/measurements/values";
import type { TeamCalendar } from "@/lib/periods";
import { uuid } from "./primitives";

export const NOTE_MAX = 2000;

/** The value as typed or pasted ("12,5") or as a JSON number; read by the KPI's rules, which know its unit. */
const rawValue = z.union([z.string().max(100, "Value must be at most 100 characters"), z.number()], { error: "Value is required" });

const period = z.string({ error: "Period is required" }).trim().min(1, "Period is required").max(20, "Period must be a date (YYYY-MM-DD)");

/** Optional version: the one the person saw. Absent means "I saw no value here". */
const seenVersion = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "version must be a whole number" }).int("version must be a whole number").positive("version must be positive").optional(),
);

const note = z.string().max(NOTE_MAX, `Note must be at most ${NOTE_MAX} characters`).transform((s) => s.trim());

const cell = {
  kpiId: uuid("KPI"),
  period,
  value: rawValue,
  version: seenVersion,
};

export const measurementSaveSchema = z.object({
  scorecardId: uuid("scorecard"),
  ...cell,
  /** Absent keeps the note as it is; "" clears it. */
  note: note.optional(),
});

export const measurementPasteSchema = z.object({
  scorecardId: uuid("scorecard"),
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
      .array(z.object(cell), { error: "cells must be a list of { kpiId, period, value }" })
      .min(1, "Paste at least one value")
      .max(MAX_PASTE_CELLS, `Paste at most ${MAX_PASTE_CELLS} values at once`),
  ),
});

export const measurementDeleteSchema = z.object({
  scorecardId: uuid("scorecard"),
  kpiId: uuid("KPI"),
  period,
  version: z.coerce.number({ error: "version is required" }).int("version must be a whole number").positive("version is required"),
});

export const measurementHistorySchema = z.object({ scorecardId: uuid("scorecard"), kpiId: uuid("KPI"), period });

export type MeasurementSaveInput = z.infer<typeof measurementSaveSchema>;
export type MeasurementPasteInput = z.infer<typeof measurementPasteSchema>;

export interface CheckedMeasurement {
  /** Index of the item it came from. */
  index: number;
  kpi: Kpi;
  period: string;
  value: number;
  label: string;
}

/**
 * Checks each item against its KPI: the value is a number inside the unit's range, and the
 * period starts a period of the KPI's frequency that has begun. Errors are keyed by field
 * (`value`, `period`; or `cells.3.value` for item 3 of a block, with `prefix` "cells") and
 * each message names the cell ("Activation rate, Mar 2026: …").
 */
export function checkMeasurements(
  items: ReadonlyArray<{ kpiId: string; period: string; value: string | number }>,
  kpisById: ReadonlyMap<string, Kpi>,
  calendar: TeamCalendar,
  today: string,
  prefix?: string,
): { checked: CheckedMeasurement[]; errors: FieldErrors; firstMessage: string | null } {
  const errors: FieldErrors = {};
  let firstMessage: string | null = null;
  const add = (index: number, field: string, message: string) => {
    (errors[prefix ? `${prefix}.${index}.${field}` : field] ??= []).push(message);
    firstMessage ??= message;
  };
  const checked: CheckedMeasurement[] = [];
  items.forEach((item, index) => {
    const kpi = kpisById.get(item.kpiId);
    if (!kpi) return;
    const label = cellLabel(kpi.name, item.period, kpi.frequency, calendar);
    const periodIssue = measurementPeriodIssue(item.period, kpi.frequency, calendar, today);
    if (periodIssue) add(index, "period", `${kpi.name}: ${periodIssue}`);
    const value = parseMeasurementValue(item.value, kpi.unit, label);
    if (!value.ok) add(index, "value", value.message);
    if (!periodIssue && value.ok) checked.push({ index, kpi, period: item.period, value: value.value, label });
  });
  return { checked, errors, firstMessage };
}
