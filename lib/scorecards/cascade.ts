// Cascade (#21): an objective contributes to objectives of scorecards above its own. Pure: the
// ancestor rule, which contributions a move leaves off the tree, and the cascade view (for each
// objective, what contributes to it down the tree, level by level, and where nothing does).
import type { Rollup } from "@/lib/scoring/types";
import { isAncestor, type OrgTree } from "./org-tree";

export interface ContributionLink {
  objectiveId: string;
  parentObjectiveId: string;
  scorecardId: string;
  parentScorecardId: string;
}

/** The ancestor rule: the target's scorecard must be above the contributor's (not itself, not a sibling). */
export function contributionAllowed(tree: OrgTree, scorecardId: string, parentScorecardId: string): boolean {
  return isAncestor(tree, parentScorecardId, scorecardId);
}

/** The refusal, naming both ends: what to fix is in the message. */
export function contributionProblem(tree: OrgTree, from: { title: string; scorecardId: string }, to: { title: string; scorecardId: string }): string | null {
  if (contributionAllowed(tree, from.scorecardId, to.scorecardId)) return null;
  const name = (id: string) => tree.byId.get(id)?.scorecard.name ?? "another scorecard";
  return `“${to.title}” cannot receive a contribution from “${from.title}”: “${name(to.scorecardId)}” is not above “${name(from.scorecardId)}” in the tree.`;
}

/** Contributions that no longer point at an ancestor in `tree` (after a move, a delete or a restore). */
export function contributionsOffTree<T extends ContributionLink>(tree: OrgTree, links: readonly T[]): T[] {
  return links.filter((l) => !contributionAllowed(tree, l.scorecardId, l.parentScorecardId));
}

export interface CascadeObjective {
  id: string;
  title: string;
  scorecardId: string;
  rollup: Rollup;
}

export interface CascadeNode {
  objective: CascadeObjective;
  scorecardName: string;
  /** The objectives below that contribute to this one, each with its own contributors. */
  contributors: CascadeNode[];
  /** Its scorecard has units below, and none of their objectives contributes to it. */
  gap: boolean;
}

/**
 * For each objective of `scorecardId`, its contributors down the tree (recursively). `links` and
 * `objectives` cover the subtree; a contribution is followed once per path, so a stored loop
 * (impossible by the ancestor rule) cannot recurse forever.
 */
export function buildCascade(
  tree: OrgTree,
  scorecardId: string,
  objectives: readonly CascadeObjective[],
  links: ReadonlyArray<Pick<ContributionLink, "objectiveId" | "parentObjectiveId">>,
): CascadeNode[] {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const below = new Map<string, CascadeObjective[]>();
  for (const link of links) {
    const contributor = byId.get(link.objectiveId);
    if (!contributor || !byId.has(link.parentObjectiveId)) continue;
    const list = below.get(link.parentObjectiveId) ?? [];
    list.push(contributor);
    below.set(link.parentObjectiveId, list);
  }
  const hasChildren = (id: string) => (tree.byId.get(id)?.children.length ?? 0) > 0;
  const nameOf = (id: string) => tree.byId.get(id)?.scorecard.name ?? "";
  const node = (objective: CascadeObjective, path: Set<string>): CascadeNode => {
    const next = new Set(path).add(objective.id);
    const contributors = (below.get(objective.id) ?? [])
      .filter((c) => !next.has(c.id))
      .sort((a, b) => nameOf(a.scorecardId).localeCompare(nameOf(b.scorecardId)) || a.title.localeCompare(b.title))
      .map((c) => node(c, next));
    return { objective, scorecardName: nameOf(objective.scorecardId), contributors, gap: contributors.length === 0 && hasChildren(objective.scorecardId) };
  };
  return objectives.filter((o) => o.scorecardId === scorecardId).map((o) => node(o, new Set()));
}

/** How many gaps the view shows, at every level. */
export function countGaps(nodes: readonly CascadeNode[]): number {
  return nodes.reduce((n, node) => n + (node.gap ? 1 : 0) + countGaps(node.contributors), 0);
}
