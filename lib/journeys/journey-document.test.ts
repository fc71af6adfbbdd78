import { describe, expect, it } from "vitest";
import type { LoadedJourneyTree } from "@/db/queries/journeys";
import { buildJourneyDocument, documentFileName, parseJourneyDocument } from "./journey-document";

const tree = {
  journey: { id: "j1", name: "Weekend hiker", personaName: "Hanna", personaDescription: "", goal: "Trek", description: "" },
  stages: [
    {
      id: "s1", name: "Discovery", customerGoal: "Find", doing: "", thinking: "", feeling: "", emotion: 1,
      touchpoints: [
        { id: "t1", channel: "social", channelDetail: "Reels", description: "Trail videos", ownerId: "u1", ownerName: "Eli", ownerEmail: "eli@acme.test" },
        { id: "t2", channel: "website", channelDetail: "", description: "Blog", ownerId: null, ownerName: null, ownerEmail: null },
      ],
      painPoints: [{ id: "n1", text: "Too much choice" }],
      opportunities: [],
    },
  ],
} as unknown as LoadedJourneyTree;

describe("buildJourneyDocument", () => {
  it("writes the journey without ids, owners by e-mail, and parses back to itself", () => {
    const document = buildJourneyDocument(tree, new Date("2026-03-01T10:00:00Z"));
    const text = JSON.stringify(document);
    for (const id of ["j1", "s1", "t1", "n1", "u1"]) expect(text).not.toContain(`"${id}"`);
    expect(document.journey.stages[0]!.touchpoints.map((t) => t.owner)).toEqual([{ email: "eli@acme.test", name: "Eli" }, null]);
    const parsed = parseJourneyDocument(text);
    expect(parsed).toEqual({ ok: true, document });
  });
});

describe("parseJourneyDocument", () => {
  it("reports text that is not JSON under `document`", () => {
    const parsed = parseJourneyDocument("{ oops");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors.document![0]).toMatch(/^The document is not valid JSON/);
  });

  it("reports each bad field by its path and sums them up under `document`", () => {
    const document = buildJourneyDocument(tree) as unknown as { journey: { stages: Array<{ emotion: unknown }> } };
    document.journey.stages[0]!.emotion = 7;
    const parsed = parseJourneyDocument(JSON.stringify(document));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors["journey.stages.0.emotion"]).toEqual(["Emotion must be a whole number from -2 to +2"]);
    expect(parsed.fieldErrors.document).toEqual(["journey.stages.0.emotion: Emotion must be a whole number from -2 to +2"]);
  });

  it("refuses something that is not a Cairn journey at all", () => {
    const parsed = parseJourneyDocument(JSON.stringify({ hello: "world" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.fieldErrors)).toEqual(["format", "formatVersion", "journey", "document"]);
  });
});

describe("documentFileName", () => {
  it("makes a safe download name", () => {
    expect(documentFileName("Weekend hiker")).toBe("weekend-hiker.journey.json");
    expect(documentFileName("Ünïcode / \"quotes\"")).toBe("unicode-quotes.journey.json");
    expect(documentFileName("!!!")).toBe("journey.journey.json");
  });
});
