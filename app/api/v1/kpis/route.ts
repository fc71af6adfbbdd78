// POST /api/v1/kpis — create a KPI under an objective (through the editor's service).
import { createKpi } from "@/lib/scorecards/manage-kpis";
import { normalizeKpiDefinition } from "@/lib/validation/scorecards";
import { operations } from "@/lib/api/operations";
import { loadKpiJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";

export const POST = apiRoute(operations.createKpi, async ({ tx, ctx, calendar, body }) => {
  const kpi = await createKpi(tx, ctx, normalizeKpiDefinition(body));
  const json = (await loadKpiJson(tx, ctx, calendar, kpi.id))!;
  return { body: json, version: json.version };
});
