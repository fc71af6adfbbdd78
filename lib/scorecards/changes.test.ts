import { describe, expect, it } from "vitest";
import { changedFields, changeEntries, isTargetField } from "./changes";

describe("changedFields", () => {
  it("lists only fields present in `after` whose value differs", () => {
    const before = { name: "A", target: 10, ownerId: null as string | null, tags: ["x"] };
    expect(changedFields(before, { name: "A", target: 12, ownerId: null, tags: ["x"] }, ["name", "target", "ownerId", "tags"])).toEqual([
      { field: "target", before: 10, after: 12 },
    ]);
    expect(changedFields(before, { tags: ["x", "y"] }, ["name", "tags"])).toEqual([{ field: "tags", before: ["x"], after: ["x", "y"] }]);
    // undefined and null are the same "nothing".
    expect(changedFields({ a: null as number | null }, { a: undefined }, ["a"])).toEqual([]);
  });

  it("compares dates by instant", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(changedFields({ d: at }, { d: new Date(at.getTime()) }, ["d"])).toEqual([]);
    expect(changedFields({ d: at as Date | null }, { d: null }, ["d"])).toHaveLength(1);
  });
});

describe("changeEntries", () => {
  const subject = { entityType: "kpi" as const, entityId: "k1", actorId: "u1" };

  it("gives one update entry per changed field, the reason only on target fields", () => {
    const entries = changeEntries(subject, { name: "A", target: 1, redThreshold: 0 }, { name: "B", target: 2, redThreshold: 0 }, ["name", "target", "redThreshold"], "  budget cut ");
    expect(entries).toEqual([
      { ...subject, action: "update", field: "name", before: "A", after: "B", reason: null },
      { ...subject, action: "update", field: "target", before: 1, after: 2, reason: "budget cut" },
    ]);
  });

  it("stores an empty reason as none", () => {
    expect(changeEntries(subject, { target: 1 }, { target: 2 }, ["target"], "   ")[0]?.reason).toBeNull();
  });

  it("knows the target fields", () => {
    expect(["target", "targetMax", "redThreshold", "name", null].map(isTargetField)).toEqual([true, true, true, false, false]);
  });
});
