// Reads behind the organisation dashboard: a unit (scorecard) and every live unit below it, each
// with what its own dashboard's scores and needs-attention depend on. A fixed number of
// statements whatever the number of units (the team's scorecards, as the org tree, the units'
// trees with their values at both dates, the initiatives and the owners' names).
import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { scorecards, type Scorecard } from "../schema";
import { explanationsOf, listInitiativesOf, loadMemberNames } from "./dashboards";
import { loadScorecardTrees } from "./scorecards";
import type { DashboardSource } from "@/lib/dashboards/build-dashboard";
import { pushTo } from "@/lib/collections";
import { buildOrgTree, descendantsOf } from "@/lib/scorecards/org-tree";

export interface OrgUnitRow {
  id: string;
  name: string;
  parentId: string | null;
  /** Below the unit the dashboard is for (0 for that unit itself). */
  depth: number;
  childCount: number;
}

export interface OrgDashboardSource {
  units: OrgUnitRow[];
  /** Each unit's dashboard source, by unit id (no journey stages: the organisation view has no journey heatmap). */
  sources: Map<string, DashboardSource>;
}

/**
 * The live units of `rootId`'s subtree in display order (depth first, by name), with their rows,
 * from one read of the team's scorecards; undefined when the scorecard is not the team's. An
 * archived unit below the root is left out with what is under it, as the team overview leaves
 * archived scorecards out.
 */
export async function loadOrgUnits(tx: Tx, ctx: { teamId: string }, rootId: string): Promise<{ units: OrgUnitRow[]; rows: Scorecard[] } | undefined> {
  const tree = buildOrgTree(await tx.select().from(scorecards).where(eq(scorecards.teamId, ctx.teamId)));
  const root = tree.byId.get(rootId);
  if (!root) return undefined;
  const left = new Set<string>();
  const units: OrgUnitRow[] = [{ id: root.scorecard.id, name: root.scorecard.name, parentId: root.scorecard.parentId, depth: 0, childCount: 0 }];
  const rows: Scorecard[] = [root.scorecard];
  for (const s of descendantsOf(tree, rootId)) {
    if (s.archivedAt || (s.parentId && left.has(s.parentId))) {
      left.add(s.id);
      continue;
    }
    units.push({ id: s.id, name: s.name, parentId: s.parentId, depth: tree.byId.get(s.id)!.depth - root.depth, childCount: 0 });
    rows.push(s);
  }
  const shown = new Map(units.map((u) => [u.id, u]));
  for (const u of units) if (u !== units[0] && u.parentId) shown.get(u.parentId)!.childCount++;
  return { units, rows };
}

export async function loadOrgDashboardSource(
  tx: Tx,
  ctx: { teamId: string },
  rootId: string,
  asOf: string,
  previousAsOf: string,
): Promise<OrgDashboardSource | undefined> {
  const subtree = await loadOrgUnits(tx, ctx, rootId);
  if (!subtree) return undefined;
  const trees = await loadScorecardTrees(tx, ctx, subtree.rows, asOf, { previousAsOf });
  const objectiveIds = trees.flatMap((t) => t.objectives.map((o) => o.id));
  const initiativeRows = await listInitiativesOf(tx, ctx, objectiveIds);
  const ownerIds = [
    ...trees.flatMap((t) => [...t.objectives.map((o) => o.ownerId), ...t.kpis.map((k) => k.ownerId)]),
    ...initiativeRows.map((i) => i.ownerId),
  ].filter((id): id is string => id !== null);
  const ownerNames = await loadMemberNames(tx, ctx, ownerIds);

  const objectiveUnit = new Map(trees.flatMap((t) => t.objectives.map((o) => [o.id, t.scorecard.id] as const)));
  const initiativesByUnit = new Map<string | undefined, typeof initiativeRows>();
  for (const i of initiativeRows) pushTo(initiativesByUnit, objectiveUnit.get(i.objectiveId), i);
  const sources = new Map<string, DashboardSource>();
  for (const { previousMeasurements, ...tree } of trees) {
    const id = tree.scorecard.id;
    sources.set(id, {
      tree,
      previousMeasurements,
      initiatives: initiativesByUnit.get(id) ?? [],
      stages: [],
      ownerNames,
      explanations: explanationsOf(tree.measurements),
    });
  }
  return { units: subtree.units, sources };
}
