import { describe, expect, it } from "vitest";
import { formatKpiValue } from "./format";

describe("formatKpiValue", () => {
  it("shows cents below a thousand and none above, whichever amount was formatted first", () => {
    expect(formatKpiValue(1250, "currency", "USD")).toBe("$1,250");
    expect(formatKpiValue(12.5, "currency", "USD")).toBe("$12.50");
    expect(formatKpiValue(1250.75, "currency", "USD")).toBe("$1,251");
    expect(formatKpiValue(12.5, "currency", "EUR")).toBe("€12.50");
  });

  it("reads percentages, plain numbers and missing values", () => {
    expect(formatKpiValue(42.46, "percent")).toBe("42.5%");
    expect(formatKpiValue(1204, "count")).toBe("1,204");
    expect(formatKpiValue(null, "score")).toBe("—");
  });
});
