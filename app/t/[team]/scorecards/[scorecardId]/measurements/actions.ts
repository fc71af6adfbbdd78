"use server";
// Server actions of the measurements grid: save one cell, paste a block (all-or-nothing),
// clear a cell, and read a cell's edit history.
import { revalidatePath } from "next/cache";
import { findKpisInScorecard, listMeasurementHistory } from "@/db/queries/measurements";
import type { Team } from "@/db/schema";
import { teamAction } from "@/lib/actions/team-action";
import { AppError } from "@/lib/errors";
import { removeMeasurement, saveMeasurements } from "@/lib/measurements/save-measurements";
import { isIsoDate } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";
import { findRedFollowUps } from "@/lib/update-loop/red-reason";
import { measurementDeleteSchema, measurementHistorySchema, measurementPasteSchema, measurementSaveSchema } from "@/lib/validation/measurements";

const calendarOf = (team: Team) => ({ timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth });

// Scores, statuses and the map's colours all move with a value: refresh every scorecard page.
const revalidateScorecard = () => revalidatePath("/t/[team]/scorecards/[scorecardId]", "layout");

export const saveMeasurement = teamAction("measurements.save", {
  permission: "measurements.write",
  schema: measurementSaveSchema,
  async handler(input, { tx, ctx, team }) {
    const calendar = calendarOf(team);
    const today = teamToday(calendar);
    const [saved] = await saveMeasurements(tx, ctx, { scorecardId: input.scorecardId, calendar, today, items: [input] });
    // Red needs a reason: a value that turns its KPI red comes back with the question to ask.
    const [redFollowUp] = await findRedFollowUps(tx, ctx, [saved!], calendar, today);
    return { ...saved!, redFollowUp };
  },
  after: revalidateScorecard,
});

export const pasteMeasurements = teamAction("measurements.paste", {
  permission: "measurements.write",
  schema: measurementPasteSchema,
  async handler(input, { tx, ctx, team }) {
    const calendar = calendarOf(team);
    const today = teamToday(calendar);
    const saved = await saveMeasurements(tx, ctx, { scorecardId: input.scorecardId, calendar, today, items: input.cells, fieldPrefix: "cells" });
    const redFollowUps = await findRedFollowUps(tx, ctx, saved, calendar, today);
    return saved.map((s) => ({ ...s, redFollowUp: redFollowUps.find((f) => f.kpiId === s.kpiId && f.period === s.period) }));
  },
  after: revalidateScorecard,
});

export const deleteMeasurement = teamAction("measurements.delete", {
  permission: "measurements.write",
  schema: measurementDeleteSchema,
  async handler(input, { tx, ctx, team }) {
    return removeMeasurement(tx, ctx, { ...input, calendar: calendarOf(team) });
  },
  after: revalidateScorecard,
});

export const measurementHistory = teamAction("measurements.history", {
  permission: "scorecards.read",
  schema: measurementHistorySchema,
  async handler(input, { tx, ctx }) {
    const kpi = (await findKpisInScorecard(tx, ctx, input.scorecardId, [input.kpiId])).get(input.kpiId);
    if (!kpi) throw new AppError("not_found", "This KPI was not found.");
    if (!isIsoDate(input.period)) throw new AppError("validation", "Period must be a date (YYYY-MM-DD).", { fieldErrors: { period: ["Period must be a date (YYYY-MM-DD)"] } });
    return listMeasurementHistory(tx, ctx, input.kpiId, input.period);
  },
});
