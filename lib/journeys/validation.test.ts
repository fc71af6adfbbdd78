// The journey schemas (lib/validation/journeys.ts): every refusal names its field.
import { describe, expect, it } from "vitest";
import { touchpointChannelEnum } from "@/db/schema";
import { zodFieldErrors } from "@/lib/validation/errors";
import {
  addStageSchema, addTouchpointSchema, createJourneySchema, emotion, journeyDocumentSchema, moveCardSchema, moveStageSchema, updateStageSchema,
} from "@/lib/validation/journeys";
import { TOUCHPOINT_CHANNELS } from "./channels";

const id = "5b3f9a3e-3c1f-4f43-9a7e-2f7d0b4f8a11";
const errorsOf = (result: { success: boolean; error?: unknown }) => (result.success ? {} : zodFieldErrors(result.error as never));

describe("journey fields", () => {
  it("accepts a name and a template, trimming text", () => {
    expect(createJourneySchema.parse({ name: "  Hiker  ", template: "funnel" })).toMatchObject({ name: "Hiker", template: "funnel", personaName: "", goal: "" });
  });

  it("refuses an empty name, a 500-character name and an unknown template by field", () => {
    expect(errorsOf(createJourneySchema.safeParse({ name: "", template: "blank" }))).toEqual({ name: ["Name is required"] });
    expect(errorsOf(createJourneySchema.safeParse({ name: "x".repeat(500), template: "blank" }))).toEqual({ name: ["Name must be at most 200 characters"] });
    expect(errorsOf(createJourneySchema.safeParse({ template: "blank" }))).toEqual({ name: ["Name is required"] });
    expect(Object.keys(errorsOf(createJourneySchema.safeParse({ name: "Ok", template: "spiral" })))).toEqual(["template"]);
  });
});

describe("emotion", () => {
  it("takes -2 … +2 as numbers or form strings, and empty as not scored", () => {
    for (const v of [-2, -1, 0, 1, 2]) expect(emotion.parse(v)).toBe(v);
    expect(emotion.parse("-1")).toBe(-1);
    expect(emotion.parse("")).toBeNull();
    expect(emotion.parse(null)).toBeNull();
  });

  it("refuses 7, -3, 1.5 and words with one message naming the field", () => {
    for (const bad of [7, -3, 1.5, "7", "happy"]) {
      expect(errorsOf(updateStageSchema.safeParse({ stageId: id, version: 1, emotion: bad })), String(bad)).toEqual({ emotion: ["Emotion must be a whole number from -2 to +2"] });
    }
  });
});

describe("stages", () => {
  it("parses a partial update: only the fields sent", () => {
    expect(updateStageSchema.parse({ stageId: id, version: "3", emotion: "2" })).toEqual({ stageId: id, version: 3, emotion: 2 });
    expect(updateStageSchema.parse({ stageId: id, version: 1, name: " Discovery ", doing: "" })).toEqual({ stageId: id, version: 1, name: "Discovery", doing: "" });
  });

  it("needs the version the person saw", () => {
    expect(errorsOf(updateStageSchema.safeParse({ stageId: id, name: "x" }))).toEqual({ version: ["version is required"] });
    expect(errorsOf(updateStageSchema.safeParse({ stageId: id, version: 0, name: "x" }))).toEqual({ version: ["version is required"] });
  });

  it("refuses a negative or fractional position by field; the upper bound is checked against the journey", () => {
    expect(errorsOf(moveStageSchema.safeParse({ stageId: id, version: 1, position: -1 }))).toEqual({ position: ["Position must be 0 or more"] });
    expect(errorsOf(moveStageSchema.safeParse({ stageId: id, version: 1, position: "1.5" }))).toEqual({ position: ["Position must be a whole number"] });
    expect(moveStageSchema.parse({ stageId: id, version: 1, position: "4" }).position).toBe(4);
    expect(addStageSchema.parse({ journeyId: id, name: "New", position: "" }).position).toBeUndefined();
  });

  it("refuses a stage id that is not an id", () => {
    expect(Object.keys(errorsOf(moveStageSchema.safeParse({ stageId: "1; drop table", version: 1, position: 0 })))).toEqual(["stageId"]);
  });
});

describe("cards", () => {
  it("offers exactly the channels the database knows", () => {
    expect([...TOUCHPOINT_CHANNELS]).toEqual(touchpointChannelEnum.enumValues);
  });

  it("takes an empty owner as none and refuses a bad channel and an empty description", () => {
    expect(addTouchpointSchema.parse({ stageId: id, channel: "email", description: "Welcome", ownerId: "" }).ownerId).toBeNull();
    expect(errorsOf(addTouchpointSchema.safeParse({ stageId: id, channel: "fax", description: "" }))).toEqual({
      channel: ["Channel must be one from the list"],
      description: ["Description is required"],
    });
  });

  it("moves only touchpoints or notes", () => {
    expect(Object.keys(errorsOf(moveCardSchema.safeParse({ cardType: "stage", cardId: id, version: 1, stageId: id, position: 0 })))).toEqual(["cardType"]);
  });
});

describe("the journey document", () => {
  const document = {
    format: "cairn.journey",
    formatVersion: 1,
    journey: {
      name: "Hiker",
      stages: [{ name: "Discovery", emotion: 1, touchpoints: [{ channel: "social", description: "Reels", owner: { email: "a@b.test", name: "A" } }], painPoints: ["Too much choice"] }],
    },
  };

  it("fills defaults for optional parts", () => {
    const parsed = journeyDocumentSchema.parse(document);
    expect(parsed.journey.stages[0]).toMatchObject({ customerGoal: "", opportunities: [], emotion: 1 });
    expect(parsed.journey.stages[0]!.touchpoints[0]).toMatchObject({ channelDetail: "", owner: { email: "a@b.test" } });
  });

  it("names the path of every bad field", () => {
    const bad = structuredClone(document) as unknown as { journey: { name: string; stages: Array<Record<string, unknown>> }; formatVersion: number };
    bad.formatVersion = 2;
    bad.journey.stages[0]!.emotion = 7;
    bad.journey.stages.push({ name: "", touchpoints: "none" });
    expect(errorsOf(journeyDocumentSchema.safeParse(bad))).toEqual({
      formatVersion: ["formatVersion must be 1"],
      "journey.stages.0.emotion": ["Emotion must be a whole number from -2 to +2"],
      "journey.stages.1.name": ["Stage name is required"],
      "journey.stages.1.touchpoints": ["Touchpoints must be a list"],
    });
  });

  it("refuses more stages than a journey may hold", () => {
    const many = { ...document, journey: { name: "Big", stages: Array.from({ length: 51 }, (_, i) => ({ name: `S${i}` })) } };
    expect(errorsOf(journeyDocumentSchema.safeParse(many))).toEqual({ "journey.stages": ["Stages may hold at most 50 items"] });
  });
});
