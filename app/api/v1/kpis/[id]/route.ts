// PATCH /api/v1/kpis/{id} — change the fields sent; DELETE — move it to the recycle bin (both need If-Match).
import { findInTeam } from "@/db/queries/versioned";
import { kpis } from "@/db/schema";
import { AppError, validationError } from "@/lib/errors";
import { deleteKpi, updateKpi } from "@/lib/scorecards/manage-kpis";
import { kpiDefinitionErrors, normalizeKpiDefinition } from "@/lib/validation/scorecards";
import { operations } from "@/lib/api/operations";
import { loadKpiJson } from "@/lib/api/resources";
import { apiRoute } from "@/lib/api/route";
import { getBinEntryOrThrow, recycleBinEntryJson } from "@/lib/recycle-bin/recycle-bin";

export const PATCH = apiRoute(
  operations.updateKpi,
  async ({ tx, ctx, calendar, params, body, ifMatch }) => {
    const current = await findInTeam(tx, kpis, ctx, params.id!);
    if (!current) throw new AppError("not_found", "This KPI was not found.");
    const { reason, ...changes } = body;
    // The fields sent over the stored ones must still make a scorable KPI, by the editor's rules.
    const merged = normalizeKpiDefinition({
      name: current.name,
      description: current.description,
      unit: current.unit,
      currency: current.currency,
      direction: current.direction,
      baseline: current.baseline,
      target: current.target,
      targetMax: current.targetMax,
      redThreshold: current.redThreshold,
      frequency: current.frequency,
      indicator: current.indicator,
      source: current.source,
      ownerId: current.ownerId,
      weight: current.weight,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    });
    const errors = kpiDefinitionErrors(merged);
    if (Object.keys(errors).length) throw validationError(errors, `This change would leave the KPI unscorable: ${Object.values(errors)[0]![0]}`);
    await updateKpi(tx, ctx, { ...merged, kpiId: current.id, version: ifMatch, reason: reason ?? "" });
    const json = (await loadKpiJson(tx, ctx, calendar, current.id))!;
    return { body: json, version: json.version };
  },
  {
    async current(tx, { ctx, calendar }, params) {
      const json = await loadKpiJson(tx, ctx, calendar, params.id!);
      return json && { body: json, version: json.version };
    },
  },
);

// DELETE /api/v1/kpis/{id} — move it with its values to the team's recycle bin, if If-Match names the current version.
export const DELETE = apiRoute(
  operations.deleteKpi,
  async ({ tx, ctx, params, ifMatch }) => {
    const deleted = await deleteKpi(tx, ctx, { kpiId: params.id!, version: ifMatch });
    return { body: recycleBinEntryJson(await getBinEntryOrThrow(tx, ctx, deleted.recycleBinId)) };
  },
  {
    async current(tx, { ctx, calendar }, params) {
      const json = await loadKpiJson(tx, ctx, calendar, params.id!);
      return json && { body: json, version: json.version };
    },
  },
);
