import { describe, expect, it } from "vitest";
import { DEFAULT_LAYOUT, layoutStrategyMap, type LayoutObjective, type LayoutPerspective } from "./layout";

// Listed in the scorecard's own order (financial first), as the demo seed stores them.
const perspectives: LayoutPerspective[] = [
  { id: "fin", kind: "financial", position: 0 },
  { id: "cus", kind: "customer", position: 1 },
  { id: "int", kind: "internal", position: 2 },
  { id: "lrn", kind: "learning", position: 3 },
];
const objectives: LayoutObjective[] = [
  { id: "f1", perspectiveId: "fin", position: 0 },
  { id: "f2", perspectiveId: "fin", position: 1 },
  { id: "c1", perspectiveId: "cus", position: 0 },
  { id: "i2", perspectiveId: "int", position: 1 },
  { id: "i1", perspectiveId: "int", position: 0 },
  { id: "i3", perspectiveId: "int", position: 2 },
  { id: "l1", perspectiveId: "lrn", position: 0 },
];

describe("layoutStrategyMap", () => {
  const layout = layoutStrategyMap(perspectives, objectives);
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;
  const band = (id: string) => layout.bands.find((b) => b.perspectiveId === id)!;

  it("stacks bands with learning at the bottom and financial at the top, whatever the listing order", () => {
    expect(layout.bands.map((b) => b.perspectiveId)).toEqual(["fin", "cus", "int", "lrn"]);
    const reversed = layoutStrategyMap([...perspectives].reverse().map((p, i) => ({ ...p, position: i })), objectives);
    expect(reversed.bands.map((b) => b.perspectiveId)).toEqual(["fin", "cus", "int", "lrn"]);
    expect(node("l1").y).toBeGreaterThan(node("i1").y);
    expect(node("i1").y).toBeGreaterThan(node("c1").y);
    expect(node("c1").y).toBeGreaterThan(node("f1").y);
  });

  it("puts every objective inside its own band, bands touching and covering the height", () => {
    for (const n of layout.nodes) {
      const b = band(n.perspectiveId);
      expect(n.y).toBeGreaterThanOrEqual(b.y);
      expect(n.y + DEFAULT_LAYOUT.nodeHeight).toBeLessThanOrEqual(b.y + b.height);
      expect(n.x).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.labelWidth);
      expect(n.x + DEFAULT_LAYOUT.nodeWidth).toBeLessThanOrEqual(layout.width);
    }
    layout.bands.forEach((b, i) => expect(b.y).toBe(i === 0 ? 0 : layout.bands[i - 1]!.y + layout.bands[i - 1]!.height));
    expect(layout.height).toBe(layout.bands.reduce((sum, b) => sum + b.height, 0));
  });

  it("orders objectives by position inside a band, without overlaps, centred on the widest band", () => {
    expect([node("i1"), node("i2"), node("i3")].map((n) => n.x)).toEqual([...[node("i1"), node("i2"), node("i3")].map((n) => n.x)].sort((a, b) => a - b));
    expect(node("i2").x - node("i1").x).toBe(DEFAULT_LAYOUT.nodeWidth + DEFAULT_LAYOUT.gapX);
    const centre = (ids: string[]) => (Math.min(...ids.map((id) => node(id).x)) + Math.max(...ids.map((id) => node(id).x)) + DEFAULT_LAYOUT.nodeWidth) / 2;
    expect(centre(["c1"])).toBeCloseTo(centre(["i1", "i3"]));
    expect(centre(["f1", "f2"])).toBeCloseTo(centre(["l1"]));
  });

  it("wraps a crowded band onto more lines and keeps empty bands", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, perspectiveId: "cus", position: i }));
    const wrapped = layoutStrategyMap(perspectives, many, { ...DEFAULT_LAYOUT, perLine: 4 });
    const customer = wrapped.bands.find((b) => b.perspectiveId === "cus")!;
    expect(customer.height).toBe(2 * DEFAULT_LAYOUT.bandPadding + 2 * DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.gapY);
    expect(new Set(wrapped.nodes.map((n) => n.y)).size).toBe(2);
    expect(wrapped.bands).toHaveLength(4);
    const positions = new Set(wrapped.nodes.map((n) => `${n.x},${n.y}`));
    expect(positions.size).toBe(6);
  });

  it("leaves out objectives of unknown perspectives and copes with an empty map", () => {
    expect(layoutStrategyMap(perspectives, [{ id: "x", perspectiveId: "nope", position: 0 }]).nodes).toEqual([]);
    expect(layoutStrategyMap([], [])).toEqual({ bands: [], nodes: [], width: DEFAULT_LAYOUT.labelWidth + DEFAULT_LAYOUT.nodeWidth + 2 * DEFAULT_LAYOUT.bandPadding, height: 0 });
  });
});
