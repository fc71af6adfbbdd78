// Used update links, bound to one team. The link's nonce is the row's id: recording a use is
// an insert that a second use of the same link cannot repeat.
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { updateLinkUses, type UpdateLinkUse } from "../schema";

type Ctx = { teamId: string };

/** Records the use of link `nonce`; false when it was used before (or is being used right now). */
export async function recordLinkUse(tx: Tx, ctx: Ctx, values: { nonce: string; kpiId: string; period: string; userId: string }): Promise<boolean> {
  const rows = await tx
    .insert(updateLinkUses)
    .values({ teamId: ctx.teamId, id: values.nonce, kpiId: values.kpiId, period: values.period, userId: values.userId })
    .onConflictDoNothing({ target: [updateLinkUses.teamId, updateLinkUses.id] })
    .returning({ id: updateLinkUses.id });
  return rows.length === 1;
}

export async function setLinkUseMeasurement(tx: Tx, ctx: Ctx, nonce: string, measurementId: string): Promise<void> {
  await tx.update(updateLinkUses).set({ measurementId }).where(and(eq(updateLinkUses.teamId, ctx.teamId), eq(updateLinkUses.id, nonce)));
}

export async function findLinkUse(tx: Tx, ctx: Ctx, nonce: string): Promise<UpdateLinkUse | undefined> {
  const [row] = await tx.select().from(updateLinkUses).where(and(eq(updateLinkUses.teamId, ctx.teamId), eq(updateLinkUses.id, nonce))).limit(1);
  return row;
}
