import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "./decimal";

const value = (text: string) => {
  const result = parseDecimal(text);
  return result.ok ? result.value : result.reason;
};

describe("parseDecimal", () => {
  it.each([
    ["12", 12],
    ["12.5", 12.5],
    ["12,5", 12.5],
    ["-3", -3],
    ["−3", -3],
    ["+4", 4],
    [" 7 ", 7],
    [".5", 0.5],
    [",5", 0.5],
    ["5.", 5],
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    ["1,234,567", 1234567],
    ["1.234.567", 1234567],
    ["1 234,5", 1234.5],
    ["1\u00a0234", 1234],
    ["1\u202f234.25", 1234.25],
    ["42%", 42],
    ["42 %", 42],
    ["$1,200.50", 1200.5],
    ["1200€", 1200],
    ["-$12", -12],
    ["(15)", -15],
    ["1.5E+06", 1_500_000],
    ["2e-3", 0.002],
    ["0", 0],
    ["-0", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("treats a single comma as a decimal comma, as typed in most of Europe", () => {
    expect(value("1,234")).toBe(1.234);
  });

  it.each(["abc", "12abc", "1,2,3", "1.23.4", "1,234.5.6", "1.234,5,6", "--3", "-(3)", "12 34 5x", "e5", "1e", "N/A", "-", "%", "1,23,456.7", "Infinity", "NaN", "0x1F"])(
    "refuses %j",
    (text) => {
      expect(value(text)).toBe("not_a_number");
    },
  );

  it("reports blank input as empty, not as zero", () => {
    expect(value("")).toBe("empty");
    expect(value("   ")).toBe("empty");
  });

  it("reads back every finite number as JavaScript prints it, and with a decimal comma", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const text = String(n);
        expect(value(text)).toBe(n === 0 ? 0 : n);
        if (!text.includes("e")) expect(value(text.replace(".", ","))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
