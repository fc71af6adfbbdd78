import { describe, expect, it } from "vitest";
import { describeActivity, fieldLabel, formatValue, labelFromRow } from "./activity-format";

const owner = "5b0d7c9e-6c3f-4b7e-9a55-1d2f3e4a5b6c";
const names = new Map([[owner, "Dana Whitfield"]]);
const row = (over: Partial<Parameters<typeof describeActivity>[0]>) => ({ entityType: "kpi", action: "update", field: null, before: null, after: null, reason: null, ...over });

describe("describeActivity", () => {
  it("says which field changed, from what to what, and why", () => {
    expect(describeActivity(row({ field: "target", before: 40, after: 45.5, reason: " board asked " }))).toEqual({
      verb: "changed the target of",
      noun: "KPI",
      detail: "40 → 45.5",
      reason: "board asked",
    });
  });

  it("names owners instead of showing their ids", () => {
    expect(describeActivity(row({ entityType: "objective", field: "ownerId", before: null, after: owner }), names).detail).toBe("— → Dana Whitfield");
  });

  it("words creation, deletion and comments", () => {
    expect(describeActivity(row({ action: "create", after: { name: "NPS" } }))).toMatchObject({ verb: "created", noun: "KPI" });
    expect(describeActivity(row({ entityType: "objective_link", action: "delete" }))).toMatchObject({ verb: "deleted", noun: "strategy-map link" });
    expect(describeActivity(row({ entityType: "comment", action: "create", after: { excerpt: "Looks good" } }))).toEqual({ verb: "commented on", noun: "", detail: "“Looks good”" });
    expect(describeActivity(row({ entityType: "comment", action: "update", field: "body", before: "a", after: "b" })).verb).toBe("edited a comment on");
  });

  it("words the recycle bin: moved there, restored, purged for good", () => {
    expect(describeActivity(row({ action: "delete", before: { name: "NPS" }, reason: "Moved to the recycle bin" }))).toEqual({ verb: "deleted", noun: "KPI", reason: "Moved to the recycle bin" });
    expect(describeActivity(row({ entityType: "objective", action: "restore", after: { title: "Grow" } }))).toMatchObject({ verb: "restored", noun: "objective" });
    expect(describeActivity(row({ action: "purge", before: { name: "NPS" } }))).toMatchObject({ verb: "permanently deleted", noun: "KPI" });
    expect(labelFromRow({ before: null, after: { title: "Grow", recycleBinId: owner } })).toBe("Grow");
  });
});

describe("formatValue", () => {
  it("never prints raw objects, ids or NaN", () => {
    expect(formatValue(null)).toBe("—");
    expect(formatValue("")).toBe("—");
    expect(formatValue(Number.NaN)).toBe("—");
    expect(formatValue({ a: 1 })).toBe("…");
    expect(formatValue(owner)).toBe("another item");
    expect(formatValue([owner], names)).toBe("Dana Whitfield");
    expect(formatValue([owner, "6b0d7c9e-6c3f-4b7e-9a55-1d2f3e4a5b6c"], names)).toBe("2 items");
    expect(formatValue([])).toBe("none");
    expect(formatValue(true)).toBe("yes");
    expect(formatValue(1234.56789)).toBe("1,234.5679");
    expect(formatValue("2026-03-01")).toBe("2026-03-01");
    expect(formatValue("x".repeat(200))).toHaveLength(82);
  });
});

describe("labels", () => {
  it("turns field names into words", () => {
    expect(fieldLabel("redThreshold")).toBe("red threshold");
    expect(fieldLabel("targetMax")).toBe("top of the target range");
    expect(fieldLabel("customerGoal")).toBe("customer goal");
  });

  it("recovers a deleted item's label from its own row", () => {
    expect(labelFromRow({ before: { name: "Old KPI" }, after: null })).toBe("Old KPI");
    expect(labelFromRow({ before: null, after: { title: "New objective" } })).toBe("New objective");
    expect(labelFromRow({ before: 3, after: null })).toBeUndefined();
  });
});
