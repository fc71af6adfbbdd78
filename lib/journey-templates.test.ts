import { describe, expect, it } from "vitest";
import {
  adoptionStage,
  DEFAULT_JOURNEY_TEMPLATE_KEY,
  JOURNEY_TEMPLATE_KEYS,
  JOURNEY_TEMPLATES,
  journeyTemplate,
} from "./journey-templates";

const names = (key: (typeof JOURNEY_TEMPLATE_KEYS)[number]) => journeyTemplate(key).stages.map((s) => s.name);

describe("journey templates", () => {
  it("has one template per key, the default first", () => {
    expect(JOURNEY_TEMPLATES.map((t) => t.key)).toEqual([...JOURNEY_TEMPLATE_KEYS]);
    expect(JOURNEY_TEMPLATES[0]?.key).toBe(DEFAULT_JOURNEY_TEMPLATE_KEY);
  });

  it("has the stages from the design, in order", () => {
    expect(names("lifecycle")).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
    expect(names("funnel")).toEqual(["Awareness", "Consideration", "Decision", "Adoption", "Loyalty"]);
    expect(names("blank")).toEqual([]);
  });

  it("marks exactly one adoption stage per non-blank template", () => {
    expect(adoptionStage(journeyTemplate("lifecycle"))?.name).toBe("Onboarding");
    expect(adoptionStage(journeyTemplate("funnel"))?.name).toBe("Adoption");
    expect(adoptionStage(journeyTemplate("blank"))).toBeNull();
    for (const template of JOURNEY_TEMPLATES) {
      expect(template.stages.filter((s) => s.adoptionPhase).length).toBe(template.stages.length > 0 ? 1 : 0);
    }
  });

  it("gives every stage a goal, lanes and an emotion in -2…+2", () => {
    for (const stage of JOURNEY_TEMPLATES.flatMap((t) => t.stages)) {
      for (const text of [stage.customerGoal, stage.doing, stage.thinking, stage.feeling]) expect(text.trim()).not.toBe("");
      expect(Number.isInteger(stage.emotion)).toBe(true);
      expect(Math.abs(stage.emotion)).toBeLessThanOrEqual(2);
    }
  });

  it("has names and descriptions", () => {
    for (const template of JOURNEY_TEMPLATES) {
      expect(template.name.trim()).not.toBe("");
      expect(template.description.trim()).not.toBe("");
    }
  });
});
