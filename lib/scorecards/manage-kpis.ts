// KPIs: create (by hand or from the library), edit, change the target with a reason, delete.
// Target, range top and red threshold changes are logged one field per activity row with
// the reason: that log is the KPI's target history.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteKpiRow, insertKpis, type NewKpi } from "@/db/queries/kpis";
import { getInTeamOrThrow, staleWrite, updateVersioned } from "@/db/queries/versioned";
import { kpis, objectives, type Kpi } from "@/db/schema";
import type { ActivityEntry } from "@/db/queries/activity";
import type { TeamContext } from "@/db/tenant";
import { notifyAssignment } from "@/lib/collaboration/notify";
import { validationError } from "@/lib/errors";
import { findKpiTemplate } from "@/lib/kpi-library";
import {
  kpiDefinitionErrors, normalizeKpiDefinition, type KpiCreateInput, type KpiTargetInput, type KpiUpdateInput,
} from "@/lib/validation/scorecards";
import { DELETE_REASON, moveToRecycleBin } from "@/lib/recycle-bin/recycle-bin";
import { changeEntries } from "./changes";
import { assertOwnerIsMember, explainMissedDelete } from "./guards";
import { kpiValuesFromTemplate, templateErrors } from "./library";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

const STALE = "This KPI was changed by someone else since you opened it.";

const EDITABLE_FIELDS = [
  "name", "description", "unit", "currency", "direction", "baseline", "target", "targetMax", "redThreshold",
  "frequency", "indicator", "source", "ownerId", "weight",
] as const satisfies ReadonlyArray<keyof Kpi>;

function createdEntry(ctx: Ctx, kpi: Kpi, extra: Record<string, unknown> = {}): ActivityEntry {
  const after: Record<string, unknown> = { ...extra };
  for (const field of EDITABLE_FIELDS) after[field] = kpi[field];
  return { actorId: ctx.userId, entityType: "kpi", entityId: kpi.id, action: "create", after };
}

export async function createKpi(tx: Tx, ctx: Ctx, input: KpiCreateInput) {
  const { objectiveId, ...values } = input;
  const objective = await getInTeamOrThrow(tx, objectives, ctx, objectiveId, "This objective");
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  const [kpi] = await insertKpis(tx, ctx, objective.id, [values]);
  await notifyAssignment(tx, ctx, { entityType: "kpi", entityId: kpi!.id, from: null, to: kpi!.ownerId });
  await recordChange(tx, ctx, createdEntry(ctx, kpi!), { version: kpi!.version, parentId: objective.scorecardId });
  return kpi!;
}

/** Adds library templates to one objective, all or none; the acting person owns them. */
export async function addKpisFromLibrary(tx: Tx, ctx: Ctx, input: { objectiveId: string; templateKeys: string[] }) {
  const objective = await getInTeamOrThrow(tx, objectives, ctx, input.objectiveId, "This objective");
  const keys = [...new Set(input.templateKeys)];
  const values: NewKpi[] = [];
  for (const key of keys) {
    const template = findKpiTemplate(key);
    if (!template) throw validationError({ templateKeys: [`"${key}" is not in the KPI library`] });
    const errors = Object.entries(templateErrors(template));
    if (errors.length) throw validationError({ templateKeys: [`${template.name} cannot be added as it is: ${errors[0]![1][0]}`] });
    values.push({ ...kpiValuesFromTemplate(template), ownerId: ctx.userId });
  }
  const created = await insertKpis(tx, ctx, objective.id, values);
  await recordChange(tx, ctx, created.map((kpi, i) => createdEntry(ctx, kpi, { template: keys[i] })), { parentId: objective.scorecardId });
  return created;
}

async function applyKpiChange(tx: Tx, ctx: Ctx, current: Kpi, version: number, values: Partial<NewKpi>, reason: string | undefined) {
  const entries = changeEntries({ entityType: "kpi", entityId: current.id, actorId: ctx.userId }, current, values, EDITABLE_FIELDS, reason);
  // Nothing changed: keep the version, so nobody else's open form turns stale for nothing.
  if (entries.length === 0) {
    if (current.version !== version) throw await staleWrite(tx, ctx, current, STALE);
    return current;
  }
  const updated = await updateVersioned(tx, kpis, ctx, current.id, version, values, "This KPI");
  await notifyAssignment(tx, ctx, { entityType: "kpi", entityId: current.id, from: current.ownerId, to: updated.ownerId });
  const objective = await getInTeamOrThrow(tx, objectives, ctx, current.objectiveId, "This objective");
  await recordChange(tx, ctx, entries, { version: updated.version, parentId: objective.scorecardId });
  return updated;
}

export async function updateKpi(tx: Tx, ctx: Ctx, input: KpiUpdateInput) {
  const { kpiId, version, reason, ...values } = input;
  const current = await getInTeamOrThrow(tx, kpis, ctx, kpiId, "This KPI");
  await assertOwnerIsMember(tx, ctx, input.ownerId);
  return applyKpiChange(tx, ctx, current, version, values, reason);
}

/** A new target (and red threshold, range top) for the KPI's stored unit and direction. */
export async function changeKpiTarget(tx: Tx, ctx: Ctx, input: KpiTargetInput) {
  const current = await getInTeamOrThrow(tx, kpis, ctx, input.kpiId, "This KPI");
  if (current.version !== input.version) throw await staleWrite(tx, ctx, current, STALE);
  const def = normalizeKpiDefinition({
    unit: current.unit,
    currency: current.currency,
    direction: current.direction,
    baseline: current.baseline,
    target: input.target,
    targetMax: input.targetMax,
    redThreshold: input.redThreshold,
  });
  const errors = kpiDefinitionErrors(def);
  if (Object.keys(errors).length) throw validationError(errors);
  const values: Partial<NewKpi> = { target: def.target, targetMax: def.targetMax, redThreshold: def.redThreshold };
  return applyKpiChange(tx, ctx, current, input.version, values, input.reason);
}

export async function deleteKpi(tx: Tx, ctx: Ctx, input: { kpiId: string; version: number }) {
  const bin = await moveToRecycleBin(tx, ctx, { kind: "kpi", id: input.kpiId, version: input.version });
  const [deleted] = bin ? await deleteKpiRow(tx, ctx, input.kpiId, input.version) : [];
  if (!deleted || !bin) return explainMissedDelete(tx, kpis, ctx, input.kpiId, "This KPI");
  const objective = await getInTeamOrThrow(tx, objectives, ctx, deleted.objectiveId, "This objective");
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "kpi", entityId: deleted.id, action: "delete", before: { name: deleted.name }, after: { recycleBinId: bin.id }, reason: DELETE_REASON },
    { parentId: objective.scorecardId },
  );
  return { ...deleted, recycleBinId: bin.id };
}
