// The organisation as a tree of scorecards (company → division → department, any depth).
// Pure: built from one query of every scorecard's id and parent, then asked about ancestors,
// descendants and moves without going back to the database.

export interface OrgNodeInput {
  id: string;
  name: string;
  parentId: string | null;
  archivedAt?: Date | null;
}

export interface OrgNode<T extends OrgNodeInput = OrgNodeInput> {
  scorecard: T;
  depth: number;
  children: OrgNode<T>[];
}

export interface OrgTree<T extends OrgNodeInput = OrgNodeInput> {
  roots: OrgNode<T>[];
  byId: Map<string, OrgNode<T>>;
}

const byName = (a: OrgNode, b: OrgNode) => a.scorecard.name.localeCompare(b.scorecard.name) || a.scorecard.id.localeCompare(b.scorecard.id);

/**
 * Builds the tree. A parent that is missing (another team's id cannot be stored, but a row may
 * be mid-delete) makes its child a root; a cycle that slipped past the checks is broken at the
 * node first met, so rendering never loops.
 */
export function buildOrgTree<T extends OrgNodeInput>(scorecards: readonly T[]): OrgTree<T> {
  const byId = new Map<string, OrgNode<T>>();
  for (const scorecard of scorecards) byId.set(scorecard.id, { scorecard, depth: 0, children: [] });
  const roots: OrgNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.scorecard.parentId ? byId.get(node.scorecard.parentId) : undefined;
    if (parent && !reaches(byId, parent.scorecard.id, node.scorecard.id)) parent.children.push(node);
    else roots.push(node);
  }
  const visit = (nodes: OrgNode<T>[], depth: number) => {
    nodes.sort(byName);
    for (const node of nodes) {
      node.depth = depth;
      visit(node.children, depth + 1);
    }
  };
  visit(roots, 0);
  return { roots, byId };
}

/** Whether walking up from `fromId` meets `targetId` (bounded, so a stored cycle cannot hang). */
function reaches(byId: Map<string, OrgNode<OrgNodeInput>>, fromId: string, targetId: string): boolean {
  let current: string | null = fromId;
  for (let steps = 0; current && steps <= byId.size; steps++) {
    if (current === targetId) return true;
    current = byId.get(current)?.scorecard.parentId ?? null;
  }
  return false;
}

/** From the root down to the scorecard's parent (the breadcrumb, without the scorecard itself). */
export function ancestorsOf<T extends OrgNodeInput>(tree: OrgTree<T>, id: string): T[] {
  const path: T[] = [];
  const seen = new Set<string>([id]);
  let parentId = tree.byId.get(id)?.scorecard.parentId ?? null;
  while (parentId && !seen.has(parentId)) {
    const parent = tree.byId.get(parentId);
    if (!parent) break;
    seen.add(parentId);
    path.unshift(parent.scorecard);
    parentId = parent.scorecard.parentId;
  }
  return path;
}

/** Every scorecard below `id`, depth first in display order (not including `id`). */
export function descendantsOf<T extends OrgNodeInput>(tree: OrgTree<T>, id: string): T[] {
  const out: T[] = [];
  const walk = (node: OrgNode<T>) => {
    for (const child of node.children) {
      out.push(child.scorecard);
      walk(child);
    }
  };
  const node = tree.byId.get(id);
  if (node) walk(node);
  return out;
}

/** `id` and everything below it. */
export function subtreeIds(tree: OrgTree, id: string): Set<string> {
  return new Set([id, ...descendantsOf(tree, id).map((s) => s.id)]);
}

export function isAncestor(tree: OrgTree, ancestorId: string, id: string): boolean {
  return ancestorsOf(tree, id).some((s) => s.id === ancestorId);
}

/**
 * Why `id` cannot move under `newParentId`, or null when it can. The reason names both
 * scorecards, so "Sales cannot go under EMEA: EMEA is inside Sales" says what to fix.
 */
export function moveProblem(tree: OrgTree, id: string, newParentId: string | null): string | null {
  if (newParentId === null) return null;
  const node = tree.byId.get(id);
  const parent = tree.byId.get(newParentId);
  if (!node || !parent) return "That scorecard was not found.";
  const name = node.scorecard.name;
  if (newParentId === id) return `“${name}” cannot be its own parent.`;
  if (isAncestor(tree, id, newParentId)) {
    return `“${name}” cannot go under “${parent.scorecard.name}”: “${parent.scorecard.name}” is inside “${name}”, so the tree would loop.`;
  }
  return null;
}

/** The tree flattened in display order, each with its depth: what lists and pickers show. */
export function flattenOrgTree<T extends OrgNodeInput>(tree: OrgTree<T>): Array<{ scorecard: T; depth: number; childCount: number }> {
  const out: Array<{ scorecard: T; depth: number; childCount: number }> = [];
  const walk = (nodes: OrgNode<T>[]) => {
    for (const node of nodes) {
      out.push({ scorecard: node.scorecard, depth: node.depth, childCount: node.children.length });
      walk(node.children);
    }
  };
  walk(tree.roots);
  return out;
}
