// My updates: every KPI the signed-in member owns that owes a value now, and saving a block of
// those values at once. The rows come from the same rule the reminders use (due.ts); the write
// goes through saveMeasurements, all-or-nothing, with values refused for periods that are not due.
import type { Tx } from "@/db/client";
import { findMeasurement } from "@/db/queries/measurements";
import { findKpisInContext, getReminderSchedule, latestValuesByKpi, listOwnedKpis } from "@/db/queries/reminders";
import type { Kpi, Team } from "@/db/schema";
import { clock } from "@/lib/clock";
import { AppError, validationError, type FieldErrors } from "@/lib/errors";
import { describeTarget } from "@/lib/measurements/grid";
import { formatWithUnit } from "@/lib/measurements/values";
import { saveMeasurements, type MeasurementItem, type SavedMeasurement } from "@/lib/measurements/save-measurements";
import { formatPeriod, localDate, type Frequency } from "@/lib/periods";
import type { KpiDefinition } from "@/lib/scoring";
import { checkMeasurements } from "@/lib/validation/measurements";
import { describeDue, dueItems, notDueReason, type DueKind } from "./due";
import { findRedFollowUps, type RedFollowUp } from "./red-reason";
import { reminderSettings, teamCalendarOf } from "./reminders";
import type { MyUpdatesSaveInput } from "./validation";
import { pushTo } from "@/lib/collections";

export interface MyUpdateRow {
  kpiId: string;
  period: string;
  periodLabel: string;
  kind: DueKind;
  /** "due since 2026-04-01" / "period ends 2026-04-30". */
  due: string;
  kpiName: string;
  objectiveTitle: string;
  scorecardId: string;
  scorecardName: string;
  unit: Kpi["unit"];
  currency: string | null;
  frequency: Frequency;
  target: string;
  def: KpiDefinition;
  last: { label: string; value: string } | null;
}

export interface MyUpdates {
  today: string;
  rows: MyUpdateRow[];
  /** KPIs the member owns (in live scorecards), and how many of them owe nothing now. */
  owned: number;
  upToDate: number;
}

export async function loadMyUpdates(tx: Tx, ctx: { teamId: string }, team: Pick<Team, "timeZone" | "fiscalYearStartMonth">, userId: string, now = clock.now()): Promise<MyUpdates> {
  const calendar = teamCalendarOf(team);
  const today = localDate(now, team.timeZone);
  const owned = await listOwnedKpis(tx, ctx, { ownerId: userId });
  if (owned.length === 0) return { today, rows: [], owned: 0, upToDate: 0 };
  const settings = reminderSettings(await getReminderSchedule(tx, ctx));
  const values = await latestValuesByKpi(tx, ctx, owned.map((o) => o.kpi.id), today);
  const rows: MyUpdateRow[] = [];
  let upToDate = 0;
  for (const o of owned) {
    const { kpi } = o;
    const latest = values.get(kpi.id)?.latest;
    const items = dueItems({ frequency: kpi.frequency, latestPeriod: latest?.period ?? null }, today, calendar, settings);
    if (items.length === 0) upToDate++;
    for (const item of items) {
      rows.push({
        kpiId: kpi.id,
        period: item.period,
        periodLabel: formatPeriod(item.period, kpi.frequency, calendar),
        kind: item.kind,
        due: describeDue(item, kpi.frequency, calendar),
        kpiName: kpi.name,
        objectiveTitle: o.objectiveTitle,
        scorecardId: o.scorecardId,
        scorecardName: o.scorecardName,
        unit: kpi.unit,
        currency: kpi.currency,
        frequency: kpi.frequency,
        target: describeTarget(kpi),
        def: { direction: kpi.direction, target: kpi.target, targetMax: kpi.targetMax, redThreshold: kpi.redThreshold },
        last: latest ? { label: formatPeriod(latest.period, kpi.frequency, calendar), value: formatWithUnit(latest.value, kpi.unit, kpi.currency) } : null,
      });
    }
  }
  return { today, rows, owned: owned.length, upToDate };
}

export interface MyUpdatesSaved {
  saved: SavedMeasurement[];
  followUps: RedFollowUp[];
}

/**
 * Saves the member's block of values: each must be a KPI they own, in a live scorecard, for a
 * period that is due (the reporting period or the current one). A cell they saw empty that has
 * a value now is a conflict, never an overwrite. All or nothing.
 */
export async function saveMyUpdates(
  tx: Tx,
  ctx: { teamId: string; userId: string },
  team: Pick<Team, "timeZone" | "fiscalYearStartMonth">,
  input: MyUpdatesSaveInput,
  now = clock.now(),
): Promise<MyUpdatesSaved> {
  const calendar = teamCalendarOf(team);
  const today = localDate(now, team.timeZone);
  const found = await findKpisInContext(tx, ctx, input.cells.map((c) => c.kpiId));
  for (const cell of input.cells) {
    const k = found.get(cell.kpiId);
    // Another team's KPI and a colleague's look the same from here: not one of yours.
    if (!k || k.kpi.ownerId !== ctx.userId) throw new AppError("not_found", "This KPI is not one of yours: My updates takes values of the KPIs you own. Nothing was saved.");
    if (k.scorecardArchived) throw new AppError("validation", `${k.kpi.name} belongs to the archived scorecard “${k.scorecardName}”. Nothing was saved.`);
  }

  const kpisById = new Map([...found].map(([id, k]) => [id, k.kpi]));
  const { errors, firstMessage } = checkMeasurements(input.cells, kpisById, calendar, today, "cells");
  const fieldErrors: FieldErrors = { ...errors };
  let first = firstMessage;
  input.cells.forEach((cell, index) => {
    const kpi = kpisById.get(cell.kpiId)!;
    if (fieldErrors[`cells.${index}.period`]) return;
    const reason = notDueReason(cell.period, kpi.frequency, calendar, today);
    if (!reason) return;
    const message = `${kpi.name}: ${reason}`;
    (fieldErrors[`cells.${index}.period`] ??= []).push(message);
    first ??= message;
  });
  if (first) throw validationError(fieldErrors, `${first}.${input.cells.length > 1 ? " Nothing was saved." : ""}`);

  for (const cell of input.cells) {
    if (cell.version !== undefined) continue;
    const existing = await findMeasurement(tx, ctx, cell.kpiId, cell.period, { forUpdate: true });
    if (existing) {
      const kpi = kpisById.get(cell.kpiId)!;
      throw new AppError("conflict", `${kpi.name}, ${formatPeriod(cell.period, kpi.frequency, calendar)} was entered by someone else meanwhile (${formatWithUnit(existing.value, kpi.unit, kpi.currency)}). Reload to see it. Nothing was saved.`, {
        current: { kpiId: cell.kpiId, period: cell.period, value: existing.value, note: existing.note, version: existing.version },
      });
    }
  }

  // saveMeasurements works per scorecard; one transaction keeps the whole block all-or-nothing.
  const byScorecard = new Map<string, MeasurementItem[]>();
  for (const cell of input.cells) {
    const scorecardId = found.get(cell.kpiId)!.scorecardId;
    pushTo(byScorecard, scorecardId, cell);
  }
  const saved: SavedMeasurement[] = [];
  for (const [scorecardId, items] of byScorecard) saved.push(...(await saveMeasurements(tx, ctx, { scorecardId, calendar, today, items })));
  return { saved, followUps: await findRedFollowUps(tx, ctx, saved, calendar, today) };
}
