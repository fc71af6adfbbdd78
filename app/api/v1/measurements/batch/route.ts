// POST /api/v1/measurements/batch — up to 10,000 values, all or nothing, idempotent on (KPI, period).
import { findKpisWithScorecard } from "@/db/queries/api-reads";
import { AppError, type FieldErrors } from "@/lib/errors";
import { saveMeasurementBatch } from "@/lib/measurements/save-measurement-batch";
import { teamToday } from "@/lib/scorecards/evaluate";
import { operations } from "@/lib/api/operations";
import { apiRoute } from "@/lib/api/route";

export const POST = apiRoute(operations.batchMeasurements, async ({ tx, ctx, calendar, body }) => {
  const kpis = await findKpisWithScorecard(tx, ctx, [...new Set(body.items.map((item) => item.kpiId))]);
  // Another team's KPI and an unknown one get the same answer: 404, naming the items.
  const missing: FieldErrors = {};
  body.items.forEach((item, index) => {
    if (!kpis.has(item.kpiId)) missing[`items.${index}.kpiId`] = [`No KPI ${item.kpiId} in this team`];
  });
  const count = Object.keys(missing).length;
  if (count) throw new AppError("not_found", `${count === 1 ? "One item names a KPI" : `${count} items name KPIs`} that this team does not have. Nothing was saved.`, { fieldErrors: missing });
  const result = await saveMeasurementBatch(tx, ctx, { items: body.items, kpis, calendar, today: teamToday(calendar), fieldPrefix: "items" });
  return { body: result };
});
