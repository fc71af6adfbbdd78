// Why a KPI is off track in a period, and the follow-up action given, bound to one team.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { kpiExplanations, type KpiExplanation } from "../schema";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };

export type ExplanationValues = Pick<KpiExplanation, "reason" | "actionText" | "actionOwnerId" | "actionDueDate">;

/** Writes the explanation of (KPI, period), replacing an earlier one (each rewrite bumps its version). */
export async function upsertExplanation(tx: Tx, ctx: Ctx, key: { kpiId: string; period: string }, values: ExplanationValues & { authorId: string | null }): Promise<{ row: KpiExplanation; before: KpiExplanation | undefined }> {
  const before = await findExplanation(tx, ctx, key.kpiId, key.period, { forUpdate: true });
  const [row] = await tx
    .insert(kpiExplanations)
    .values({ ...values, ...key, teamId: ctx.teamId })
    .onConflictDoUpdate({
      target: [kpiExplanations.teamId, kpiExplanations.kpiId, kpiExplanations.period],
      set: { ...values, version: sql`${kpiExplanations.version} + 1`, updatedAt: clock.now() },
    })
    .returning();
  return { row: row!, before };
}

export async function findExplanation(tx: Tx, ctx: Ctx, kpiId: string, period: string, options: { forUpdate?: boolean } = {}): Promise<KpiExplanation | undefined> {
  const query = tx
    .select()
    .from(kpiExplanations)
    .where(and(eq(kpiExplanations.teamId, ctx.teamId), eq(kpiExplanations.kpiId, kpiId), eq(kpiExplanations.period, period)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** The explanations of the given (KPI, period) pairs, in one statement. */
export async function listExplanations(tx: Tx, ctx: Ctx, keys: ReadonlyArray<{ kpiId: string; period: string }>): Promise<KpiExplanation[]> {
  if (keys.length === 0) return [];
  const kpiIds = [...new Set(keys.map((k) => k.kpiId))];
  const rows = await tx
    .select()
    .from(kpiExplanations)
    .where(and(eq(kpiExplanations.teamId, ctx.teamId), inArray(kpiExplanations.kpiId, kpiIds), or(...keys.map((k) => and(eq(kpiExplanations.kpiId, k.kpiId), eq(kpiExplanations.period, k.period))))));
  return rows;
}
