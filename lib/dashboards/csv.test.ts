import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, csvLine } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvLine(["plain", 'say "hi"', "a,b", "two\nlines", "cr\rhere"])).toBe('plain,"say ""hi""","a,b","two\nlines","cr\rhere"\r\n');
  });

  it("writes numbers as numbers, missing values as empty fields", () => {
    expect(csvLine([-12.5, 0, null, undefined, Number.NaN, 1e-7])).toBe("-12.5,0,,,,1e-7\r\n");
  });

  it("keeps leading and trailing spaces by quoting", () => {
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell("Net revenue")).toBe("Net revenue");
  });

  it("names files after the scorecard and the range", () => {
    expect(csvFileName("Acme Outdoor 2026", { from: "2026-01-01", to: "2026-01-31" })).toBe("acme-outdoor-2026_2026-01-01_2026-01-31.csv");
    expect(csvFileName("Über \"Plan\"", { from: "2026-01-01", to: "2026-03-31" })).toBe("uber-plan_2026-01-01_2026-03-31.csv");
    expect(csvFileName("***", { from: "2026-01-01", to: "2026-01-01" })).toBe("scorecard_2026-01-01_2026-01-01.csv");
  });
});
