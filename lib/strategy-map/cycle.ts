// A strategy map is a directed acyclic graph of cause → effect links: if A drives B, B cannot
// (through any chain) drive A. Pure, so the server enforces it and the canvas can warn early.
import { pushTo } from "@/lib/collections";

export interface CauseEffect {
  causeId: string;
  effectId: string;
}

/**
 * The chain that already leads from `effectId` back to `causeId` — the cycle the new link
 * cause → effect would close — as objective ids from effect to cause; null when the link is
 * safe. A self-link is a cycle of one: [causeId].
 */
export function findCyclePath(links: readonly CauseEffect[], causeId: string, effectId: string): string[] | null {
  if (causeId === effectId) return [causeId];
  const next = new Map<string, string[]>();
  for (const link of links) pushTo(next, link.causeId, link.effectId);

  // Breadth-first from the new effect, so the chain reported is a shortest one.
  const cameFrom = new Map<string, string | null>([[effectId, null]]);
  const queue = [effectId];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    if (node === causeId) {
      const path: string[] = [];
      for (let at: string | null = node; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const following of next.get(node) ?? []) {
      if (!cameFrom.has(following)) {
        cameFrom.set(following, node);
        queue.push(following);
      }
    }
  }
  return null;
}

/** The message for a refused link, naming both objectives and the chain that closes the loop. */
export function cycleMessage(path: readonly string[], titleOf: (id: string) => string): string {
  const cause = titleOf(path[path.length - 1]!);
  const effect = titleOf(path[0]!);
  if (path.length === 1) return `“${cause}” cannot be its own cause`;
  const chain = path.map((id) => `“${titleOf(id)}”`).join(" → ");
  return `“${cause}” → “${effect}” would make a cycle: ${chain} already links “${effect}” back to “${cause}”`;
}
