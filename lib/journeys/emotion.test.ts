import { describe, expect, it } from "vitest";
import { emotionCurve, formatEmotion } from "./emotion";

const stage = (name: string, emotion: number | null) => ({ id: name.toLowerCase(), name, emotion });

describe("emotionCurve", () => {
  it("places one point per stage at its column centre, +2 at the top and -2 at the bottom", () => {
    const curve = emotionCurve([stage("A", 2), stage("B", 0), stage("C", -2), stage("D", 1)]);
    expect(curve.points.map((p) => [p.x, p.y])).toEqual([[0.125, 0], [0.375, 0.5], [0.625, 1], [0.875, 0.25]]);
    expect(curve.segments).toHaveLength(1);
    expect(curve.description).toBe("Emotion curve across 4 stages: A +2, B 0, C -2, D +1.");
    expect(curve.data).toBe("A:2|B:0|C:-2|D:1");
  });

  it("breaks the line at an unscored stage instead of inventing a value", () => {
    const curve = emotionCurve([stage("A", 1), stage("B", null), stage("C", -1), stage("D", 0)]);
    expect(curve.segments.map((s) => s.map((p) => p.name))).toEqual([["A"], ["C", "D"]]);
    expect(curve.description).toContain("B not scored");
    expect(curve.data).toBe("A:1|B:|C:-1|D:0");
  });

  it("follows the order of the stages: a reorder changes the curve", () => {
    const before = emotionCurve([stage("A", 1), stage("B", -1)]);
    const after = emotionCurve([stage("B", -1), stage("A", 1)]);
    expect(after.data).not.toBe(before.data);
    expect(after.points[0]!.y).toBe(0.75);
  });

  it("handles an empty journey", () => {
    expect(emotionCurve([])).toMatchObject({ points: [], segments: [], description: "Emotion curve: no stages yet.", data: "" });
  });
});

describe("formatEmotion", () => {
  it("signs positive scores", () => {
    expect([2, 1, 0, -1, -2, null].map(formatEmotion)).toEqual(["+2", "+1", "0", "-1", "-2", "not scored"]);
  });
});
