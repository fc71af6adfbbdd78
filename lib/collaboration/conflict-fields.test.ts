import { describe, expect, it } from "vitest";
import { conflictRows, formValueOf, versionOf, type FormFieldSnapshot } from "./conflict-fields";

const owners = { "": "Nobody yet", u1: "Dana Whitfield", u2: "Eli Novak" };
const stages = { s1: "Discovery", s2: "Evaluation", s3: "Purchase" };

describe("conflictRows", () => {
  it("lists only the fields that differ from the saved row, both values in the form's words", () => {
    const fields: FormFieldSnapshot[] = [
      { name: "title", label: "Title", kind: "text", mine: "Grow repeat trips " },
      { name: "description", label: "Description", kind: "text", mine: "" },
      { name: "ownerId", label: "Owner", kind: "choice", mine: "u2", options: owners },
      { name: "weight", label: "Weight", kind: "number", mine: "1.50" },
      { name: "stageIds", label: "Journey stages it serves", kind: "choices", mine: ["s3", "s1"], options: stages },
      { name: "reason", label: "Reason", kind: "text", mine: "Because" },
    ];
    const saved = { id: "o1", version: 4, title: "Grow repeat trips", description: "Second trip within 90 days", ownerId: "u1", weight: 1.5, stageIds: ["s2", "s1"] };
    expect(conflictRows(fields, saved)).toEqual([
      { name: "description", label: "Description", mine: "(empty)", theirs: "Second trip within 90 days" },
      { name: "ownerId", label: "Owner", mine: "Eli Novak", theirs: "Dana Whitfield" },
      { name: "stageIds", label: "Journey stages it serves", mine: "Discovery, Purchase", theirs: "Discovery, Evaluation" },
    ]);
  });

  it("reads numbers as numbers: an empty field is no value, a decimal comma is a point", () => {
    const field = (mine: string): FormFieldSnapshot => ({ name: "baseline", label: "Baseline", kind: "number", mine });
    expect(conflictRows([field("")], { baseline: null })).toEqual([]);
    expect(conflictRows([field("2,5")], { baseline: 2.5 })).toEqual([]);
    expect(conflictRows([field("")], { baseline: 3 })).toEqual([{ name: "baseline", label: "Baseline", mine: "(empty)", theirs: "3" }]);
    expect(conflictRows([field("40")], { baseline: 45 })).toEqual([{ name: "baseline", label: "Baseline", mine: "40", theirs: "45" }]);
  });

  it("says (none) for an empty choice the form has no words for, and keeps unknown values as they are", () => {
    const field: FormFieldSnapshot = { name: "journeyId", label: "Journey", kind: "choice", mine: "j9", options: { j1: "Weekend hiker" } };
    expect(conflictRows([field], { journeyId: null })).toEqual([{ name: "journeyId", label: "Journey", mine: "j9", theirs: "(none)" }]);
    expect(conflictRows([{ ...field, kind: "choices", mine: [] }], { journeyId: ["j1"] })).toEqual([{ name: "journeyId", label: "Journey", mine: "(none)", theirs: "Weekend hiker" }]);
  });
});

describe("formValueOf and versionOf", () => {
  it("turns a saved value into what a control holds", () => {
    expect(formValueOf("number", null)).toBe("");
    expect(formValueOf("number", 85)).toBe("85");
    expect(formValueOf("choice", null)).toBe("");
    expect(formValueOf("choices", ["s1"])).toEqual(["s1"]);
    expect(formValueOf("text", "Hello")).toBe("Hello");
  });

  it("finds the saved row's version, or none", () => {
    expect(versionOf({ version: 3 })).toBe(3);
    expect(versionOf({ version: "3" })).toBe(3);
    expect(versionOf({})).toBeNull();
    expect(versionOf(null)).toBeNull();
  });
});
