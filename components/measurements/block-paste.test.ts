// The grid's early check must agree with the parser's own, or a block would be typed into one
// cell (or a single value refused as a block).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMultiCellText } from "@/lib/measurements/paste";
import { isBlockPaste } from "./block-paste";

describe("isBlockPaste", () => {
  it("agrees with isMultiCellText on typical clipboard text", () => {
    for (const text of ["", "12", "12\n", "12\r\n", "1,5\n\n", "1\t2", "1\n2", "1\r2\r\n", "\t", "a\tb\nc\td\n", "  3  \r\n\r\n"]) {
      expect(isBlockPaste(text), JSON.stringify(text)).toBe(isMultiCellText(text));
    }
  });

  it("agrees with isMultiCellText on any mix of digits, separators and line breaks", () => {
    const text = fc.array(fc.constantFrom("1", "2,5", " ", "\t", "\n", "\r", "\r\n", '"', "x"), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(text, (t) => isBlockPaste(t) === isMultiCellText(t)));
  });
});
