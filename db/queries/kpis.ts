// KPIs, bound to one team: positions, inserts, deletes, and a KPI's recent values.
import { and, desc, eq, max } from "drizzle-orm";
import type { Tx } from "../client";
import { kpis, measurements, type Kpi } from "../schema";

type Ctx = { teamId: string };

export type NewKpi = Omit<typeof kpis.$inferInsert, "teamId" | "id" | "version" | "createdAt" | "updatedAt" | "position" | "objectiveId">;

export async function nextKpiPosition(tx: Tx, ctx: Ctx, objectiveId: string): Promise<number> {
  const [row] = await tx
    .select({ top: max(kpis.position) })
    .from(kpis)
    .where(and(eq(kpis.teamId, ctx.teamId), eq(kpis.objectiveId, objectiveId)));
  return row?.top === null || row?.top === undefined ? 0 : row.top + 1;
}

/** Appends KPIs to one objective, in the order given. */
export async function insertKpis(tx: Tx, ctx: Ctx, objectiveId: string, values: readonly NewKpi[]): Promise<Kpi[]> {
  if (values.length === 0) return [];
  const first = await nextKpiPosition(tx, ctx, objectiveId);
  return tx
    .insert(kpis)
    .values(values.map((v, i) => ({ ...v, objectiveId, position: first + i, teamId: ctx.teamId })))
    .returning();
}

export async function deleteKpiRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number) {
  return tx
    .delete(kpis)
    .where(and(eq(kpis.teamId, ctx.teamId), eq(kpis.id, id), eq(kpis.version, expectedVersion)))
    .returning({ id: kpis.id, name: kpis.name, objectiveId: kpis.objectiveId });
}

/** The most recent values of one KPI, newest first (the KPI page's short history). */
export async function recentKpiValues(tx: Tx, ctx: Ctx, kpiId: string, limit = 12) {
  return tx
    .select({ period: measurements.period, value: measurements.value, note: measurements.note })
    .from(measurements)
    .where(and(eq(measurements.teamId, ctx.teamId), eq(measurements.kpiId, kpiId)))
    .orderBy(desc(measurements.period))
    .limit(limit);
}
