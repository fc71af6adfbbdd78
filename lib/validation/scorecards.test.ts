import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiDefinitionIssue } from "@/lib/scoring";
import { kpiCreateSchema, kpiDefinitionErrors, normalizeKpiDefinition, type KpiDefinitionInput } from "./scorecards";

const def = (overrides: Partial<KpiDefinitionInput> = {}): KpiDefinitionInput => ({
  unit: "count", currency: null, direction: "up", baseline: null, target: 10, targetMax: null, redThreshold: 5, ...overrides,
});

describe("kpiDefinitionErrors", () => {
  it("accepts valid definitions in each direction", () => {
    expect(kpiDefinitionErrors(def())).toEqual({});
    expect(kpiDefinitionErrors(def({ direction: "down", target: 5, redThreshold: 10 }))).toEqual({});
    expect(kpiDefinitionErrors(def({ direction: "range", target: 5, targetMax: 5, redThreshold: 1 }))).toEqual({});
    expect(kpiDefinitionErrors(def({ unit: "currency", currency: "JPY" }))).toEqual({});
    expect(kpiDefinitionErrors(def({ unit: "percent", baseline: 0, target: 100, redThreshold: 0 }))).toEqual({});
  });

  it("names target and redThreshold when they sit on the wrong side, with an equal pair refused too", () => {
    expect(Object.keys(kpiDefinitionErrors(def({ target: 5, redThreshold: 5 }))).sort()).toEqual(["redThreshold", "target"]);
    expect(kpiDefinitionErrors(def({ direction: "down", target: 10, redThreshold: 5 })).redThreshold?.[0]).toMatch(/above the target/);
  });

  it("agrees with the scoring module on every up/down pair: valid here exactly when scorable there", () => {
    fc.assert(
      fc.property(fc.constantFrom("up" as const, "down" as const), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (direction, target, redThreshold) => {
        const valid = Object.keys(kpiDefinitionErrors(def({ direction, target, redThreshold }))).length === 0;
        expect(valid).toBe(kpiDefinitionIssue({ direction, target, targetMax: null, redThreshold }) === null);
      }),
    );
  });

  it("keeps percentages within 0–100 on every threshold field", () => {
    const errors = kpiDefinitionErrors(def({ unit: "percent", baseline: -1, target: 140, redThreshold: 101 }));
    expect(Object.keys(errors).sort()).toEqual(["baseline", "redThreshold", "target"]);
    expect(kpiDefinitionErrors(def({ unit: "percent", direction: "range", target: 20, targetMax: 120, redThreshold: 5 })).targetMax).toBeDefined();
  });

  it("needs an ISO currency exactly for money, and a valid top for a range", () => {
    expect(kpiDefinitionErrors(def({ unit: "currency" })).currency).toBeDefined();
    expect(kpiDefinitionErrors(def({ unit: "currency", currency: "XYZ" })).currency).toBeDefined();
    expect(kpiDefinitionErrors(def({ direction: "range", targetMax: null })).targetMax).toBeDefined();
    expect(kpiDefinitionErrors(def({ direction: "range", target: 10, targetMax: 9 })).targetMax).toBeDefined();
    expect(kpiDefinitionErrors(def({ direction: "range", targetMax: 12, redThreshold: 0 })).redThreshold).toBeDefined();
  });

  it("drops what the unit and direction do not use", () => {
    expect(normalizeKpiDefinition(def({ currency: "USD", targetMax: 20 }))).toMatchObject({ currency: null, targetMax: null });
    expect(normalizeKpiDefinition(def({ unit: "currency", currency: "USD", direction: "range", targetMax: 20 }))).toMatchObject({ currency: "USD", targetMax: 20 });
  });
});

describe("kpiCreateSchema", () => {
  const form = { objectiveId: "4a1b2c3d-1111-4222-8333-444455556666", name: "CSAT", unit: "percent", direction: "up", target: "85", redThreshold: "75", frequency: "monthly", indicator: "lagging" };

  it("coerces form strings, accepts a decimal comma and fills defaults", () => {
    const parsed = kpiCreateSchema.parse({ ...form, baseline: "", target: "85,5", weight: "", ownerId: "", source: "" });
    expect(parsed).toMatchObject({ baseline: null, target: 85.5, weight: 1, ownerId: null, source: "manual", currency: null, targetMax: null, description: "" });
  });

  it("reports every bad field at once", () => {
    const result = kpiCreateSchema.safeParse({ ...form, name: "x".repeat(501), weight: "-1", target: "140" });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((i) => i.path.join(".")))).toEqual(new Set(["name", "weight", "target"]));
  });
});
