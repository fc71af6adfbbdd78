// The team's scorecards as an organisation tree: one query of every scorecard's id, name and
// parent, whatever the depth (the tree is small; walking it happens in lib/scorecards/org-tree).
import { and, asc, eq, sql } from "drizzle-orm";
import { clock } from "@/lib/clock";
import type { Tx } from "../client";
import { scorecards } from "../schema";
import { buildOrgTree, type OrgTree } from "@/lib/scorecards/org-tree";

export interface OrgScorecard {
  id: string;
  name: string;
  parentId: string | null;
  restricted: boolean;
  archivedAt: Date | null;
  version: number;
}

export async function listOrgScorecards(tx: Tx, ctx: { teamId: string }): Promise<OrgScorecard[]> {
  return tx
    .select({
      id: scorecards.id,
      name: scorecards.name,
      parentId: scorecards.parentId,
      restricted: scorecards.restricted,
      archivedAt: scorecards.archivedAt,
      version: scorecards.version,
    })
    .from(scorecards)
    .where(eq(scorecards.teamId, ctx.teamId))
    .orderBy(asc(scorecards.name));
}

export async function loadOrgTree(tx: Tx, ctx: { teamId: string }): Promise<OrgTree<OrgScorecard>> {
  return buildOrgTree(await listOrgScorecards(tx, ctx));
}

/** Hangs every child of `id` under `parentId` (null: at the top); each child's version moves on. */
export async function reparentChildren(tx: Tx, ctx: { teamId: string }, id: string, parentId: string | null) {
  return tx
    .update(scorecards)
    .set({ parentId, version: sql`${scorecards.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.parentId, id)))
    .returning({ id: scorecards.id, version: scorecards.version });
}
