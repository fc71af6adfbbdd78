// Places a strategy map's objectives in horizontal perspective bands, in Kaplan & Norton's
// cause → effect order from the bottom up: Learning & Growth, Internal Processes, Customer,
// Financial. Pure (numbers in, numbers out), so the canvas only draws.
import type { PerspectiveKind } from "@/lib/kpi-library";

/** Top to bottom: effects above their causes. */
export const BAND_ORDER: readonly PerspectiveKind[] = ["financial", "customer", "internal", "learning"];

export interface LayoutPerspective {
  id: string;
  kind: PerspectiveKind;
  position: number;
}
export interface LayoutObjective {
  id: string;
  perspectiveId: string;
  position: number;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  gapX: number;
  gapY: number;
  /** Space inside a band above and below its nodes. */
  bandPadding: number;
  /** Room at the left of every band for its name. */
  labelWidth: number;
  /** Objectives per line in a band before it wraps to another line. */
  perLine: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { nodeWidth: 240, nodeHeight: 96, gapX: 48, gapY: 24, bandPadding: 28, labelWidth: 180, perLine: 4 };

export interface Band {
  perspectiveId: string;
  y: number;
  height: number;
}
export interface PlacedNode {
  id: string;
  perspectiveId: string;
  x: number;
  y: number;
}
export interface StrategyMapLayout {
  bands: Band[];
  nodes: PlacedNode[];
  width: number;
  height: number;
}

/**
 * Bands follow the kind order (so learning is always at the bottom, whatever order the
 * scorecard lists its perspectives in); perspectives of the same kind keep their position
 * order. Inside a band, objectives keep their position order and are centred.
 */
export function layoutStrategyMap(
  perspectives: readonly LayoutPerspective[],
  objectives: readonly LayoutObjective[],
  options: LayoutOptions = DEFAULT_LAYOUT,
): StrategyMapLayout {
  const { nodeWidth, nodeHeight, gapX, gapY, bandPadding, labelWidth } = options;
  const perLine = Math.max(1, Math.floor(options.perLine));
  const ordered = [...perspectives].sort(
    (a, b) => BAND_ORDER.indexOf(a.kind) - BAND_ORDER.indexOf(b.kind) || a.position - b.position || a.id.localeCompare(b.id),
  );
  const members = new Map(ordered.map((p) => [p.id, [] as LayoutObjective[]]));
  for (const objective of objectives) members.get(objective.perspectiveId)?.push(objective);

  const widest = Math.min(perLine, Math.max(1, ...[...members.values()].map((list) => list.length)));
  const lineWidth = widest * nodeWidth + (widest - 1) * gapX;
  const width = labelWidth + lineWidth + 2 * bandPadding;

  const bands: Band[] = [];
  const nodes: PlacedNode[] = [];
  let y = 0;
  for (const perspective of ordered) {
    const list = members.get(perspective.id)!.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    const lines = Math.max(1, Math.ceil(list.length / perLine));
    const height = 2 * bandPadding + lines * nodeHeight + (lines - 1) * gapY;
    list.forEach((objective, index) => {
      const line = Math.floor(index / perLine);
      const inLine = Math.min(perLine, list.length - line * perLine);
      const offset = (lineWidth - (inLine * nodeWidth + (inLine - 1) * gapX)) / 2;
      nodes.push({
        id: objective.id,
        perspectiveId: perspective.id,
        x: labelWidth + bandPadding + offset + (index % perLine) * (nodeWidth + gapX),
        y: y + bandPadding + line * (nodeHeight + gapY),
      });
    });
    bands.push({ perspectiveId: perspective.id, y, height });
    y += height;
  }
  return { bands, nodes, width, height: y };
}
