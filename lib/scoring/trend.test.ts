import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trend } from "./trend";

describe("trend", () => {
  it("compares this period's score with the previous one", () => {
    expect(trend(7, 5)).toBe("improving");
    expect(trend(5, 7)).toBe("declining");
    expect(trend(5, 5)).toBe("flat");
  });

  it("is flat within ±0.05, floating-point noise included", () => {
    expect(trend(5.05, 5)).toBe("flat");
    expect(trend(4.95, 5)).toBe("flat");
    expect(trend(0.14, 0.09)).toBe("flat"); // 0.05000000000000002
    expect(trend(0.09, 0.14)).toBe("flat");
    expect(trend(5.06, 5)).toBe("improving");
    expect(trend(4.94, 5)).toBe("declining");
  });

  it("is null when either score is missing", () => {
    expect(trend(null, 5)).toBeNull();
    expect(trend(5, null)).toBeNull();
    expect(trend(null, null)).toBeNull();
    expect(trend(Number.NaN, 5)).toBeNull();
    expect(trend(5, Infinity)).toBeNull();
  });

  it("is antisymmetric", () => {
    const score = fc.double({ min: 0, max: 10, noNaN: true });
    const opposite = { improving: "declining", declining: "improving", flat: "flat" } as const;
    fc.assert(
      fc.property(score, score, (a, b) => {
        expect(trend(b, a)).toBe(opposite[trend(a, b)!]);
      }),
    );
  });
});
