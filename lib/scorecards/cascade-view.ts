// The cascade view's data: for each objective of a scorecard, what contributes to it down the tree,
// each contributor scored with its own scorecard. A fixed number of queries whatever the tree's
// size: the organisation tree, the subtree's rows, their trees (loadScorecardTrees), their contributions.
import type { Tx } from "@/db/client";
import { listContributionsTouching } from "@/db/queries/contributions";
import { loadOrgTree } from "@/db/queries/org-tree";
import { listScorecardsByIds, loadScorecardTrees } from "@/db/queries/scorecards";
import type { TeamCalendar } from "@/lib/periods";
import { buildCascade, countGaps, type CascadeNode, type CascadeObjective } from "./cascade";
import { evaluateScorecard, teamToday } from "./evaluate";
import { subtreeIds } from "./org-tree";

export interface CascadeView {
  nodes: CascadeNode[];
  gaps: number;
  /** Units below this scorecard (at any depth). */
  unitsBelow: number;
  hasChildren: boolean;
}

export async function loadCascadeView(tx: Tx, ctx: { teamId: string }, scorecardId: string, calendar: TeamCalendar, asOf = teamToday(calendar)): Promise<CascadeView | undefined> {
  const tree = await loadOrgTree(tx, ctx);
  const node = tree.byId.get(scorecardId);
  if (!node) return undefined;
  const ids = [...subtreeIds(tree, scorecardId)];
  const rows = await listScorecardsByIds(tx, ctx, ids);
  const trees = await loadScorecardTrees(tx, ctx, rows, asOf);
  const objectives: CascadeObjective[] = [];
  for (const t of trees) {
    const evaluated = evaluateScorecard(t, asOf, calendar);
    for (const p of evaluated.perspectives) {
      for (const o of p.objectives) objectives.push({ id: o.objective.id, title: o.objective.title, scorecardId: o.objective.scorecardId, rollup: o.rollup });
    }
  }
  const links = await listContributionsTouching(tx, ctx, objectives.map((o) => o.id));
  const nodes = buildCascade(tree, scorecardId, objectives, links);
  return { nodes, gaps: countGaps(nodes), unitsBelow: ids.length - 1, hasChildren: node.children.length > 0 };
}
