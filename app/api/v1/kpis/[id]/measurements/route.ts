// GET /api/v1/kpis/{id}/measurements — a KPI's values, newest first; POST — upsert one period's value.
import { findKpisWithScorecard, listKpiMeasurementsPage } from "@/db/queries/api-reads";
import { AppError } from "@/lib/errors";
import { saveMeasurements } from "@/lib/measurements/save-measurements";
import { teamToday } from "@/lib/scorecards/evaluate";
import { decodeCursor, pageOf, periodKey } from "@/lib/api/cursor";
import { operations } from "@/lib/api/operations";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(operations.listMeasurements, async ({ tx, ctx, params, query }) => {
  const found = (await findKpisWithScorecard(tx, ctx, [params.id!])).get(params.id!);
  if (!found) throw new AppError("not_found", "This KPI was not found.");
  const before = decodeCursor(`measurements:${found.kpi.id}`, query.cursor, periodKey);
  const rows = await listKpiMeasurementsPage(tx, ctx, found.kpi.id, { before, from: query.from, to: query.to, limit: query.limit + 1 });
  const page = pageOf(rows, query.limit, `measurements:${found.kpi.id}`, (row) => row.period);
  return { body: { data: page.items, nextCursor: page.nextCursor } };
});

export const POST = apiRoute(operations.upsertMeasurement, async ({ tx, ctx, calendar, params, body }) => {
  const found = (await findKpisWithScorecard(tx, ctx, [params.id!])).get(params.id!);
  if (!found) throw new AppError("not_found", "This KPI was not found.");
  // The grid's own write path: same checks, same history; the API's contract is an upsert of the period.
  const [saved] = await saveMeasurements(tx, ctx, {
    upsert: true,
    scorecardId: found.scorecardId,
    calendar,
    today: teamToday(calendar),
    items: [{ kpiId: found.kpi.id, period: body.period, value: body.value, note: body.note }],
  });
  return { status: saved!.outcome === "created" ? 201 : 200, body: { period: saved!.period, value: saved!.value, note: saved!.note } };
});
