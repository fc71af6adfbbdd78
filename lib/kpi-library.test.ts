import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "./journey-templates";
import { findKpiTemplate, KPI_LIBRARY, kpiTemplatesFor, PERSPECTIVE_KINDS } from "./kpi-library";
import { FREQUENCIES } from "./periods";
import { KPI_DIRECTIONS, kpiDefinitionIssue, kpiScore, kpiStatus, SCORE_AT_RED, SCORE_AT_TARGET } from "./scoring";

const templateStages = JOURNEY_TEMPLATES.flatMap((journey) => journey.stages.map((stage) => stage.name));

describe("KPI_LIBRARY", () => {
  it("has at least 24 templates with unique keys", () => {
    expect(KPI_LIBRARY.length).toBeGreaterThanOrEqual(24);
    const keys = KPI_LIBRARY.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("includes the KPIs teams ask for first", () => {
    for (const key of [
      "nps", "csat", "customer-effort-score", "churn-rate", "retention-rate", "adoption-rate", "activation-rate",
      "time-to-first-value", "customer-lifetime-value", "arpu", "revenue-growth", "gross-margin", "cac-payback",
      "average-resolution-time", "first-response-time", "process-cycle-time", "defect-rate", "on-time-delivery",
      "employee-nps", "training-hours", "trial-to-paid", "onboarding-completion", "feature-adoption",
      "website-conversion", "support-backlog",
    ]) {
      expect(findKpiTemplate(key), key).toBeDefined();
    }
  });

  describe.each(KPI_LIBRARY.map((t) => [t.key, t] as const))("%s", (_, template) => {
    it("is a sound definition for the scoring module", () => {
      expect(kpiDefinitionIssue(template)).toBeNull();
      expect(kpiScore(template, template.target)).toBe(SCORE_AT_TARGET);
      expect(kpiStatus(template, template.target)).toBe("green");
      if (template.direction === "range") {
        expect(template.targetMax).not.toBeNull();
        expect(kpiScore(template, template.targetMax)).toBe(SCORE_AT_TARGET);
        expect(kpiScore(template, template.target - template.redThreshold)).toBe(SCORE_AT_RED);
      } else {
        expect(template.targetMax).toBeNull();
        expect(kpiScore(template, template.redThreshold)).toBe(SCORE_AT_RED);
      }
      expect(kpiScore(template, template.baseline)).not.toBeNull();
    });

    it("has well-formed fields", () => {
      expect(template.name.trim()).not.toBe("");
      expect(template.description.trim()).not.toBe("");
      expect(PERSPECTIVE_KINDS).toContain(template.perspective);
      expect(KPI_DIRECTIONS).toContain(template.direction);
      expect(FREQUENCIES).toContain(template.frequency);
      expect(template.currency !== undefined).toBe(template.unit === "currency");
      expect(Number.isFinite(template.baseline)).toBe(true);
      expect(template.stages.length).toBeGreaterThan(0);
      for (const stage of template.stages) expect(templateStages).toContain(stage);
      if (template.unit === "duration") expect(template.name).toMatch(/\((hours|days|months)\)$|hours/i);
    });
  });

  it("covers every perspective", () => {
    for (const perspective of PERSPECTIVE_KINDS) {
      expect(kpiTemplatesFor({ perspective }).length, perspective).toBeGreaterThan(0);
    }
  });

  it("covers every stage of every journey template", () => {
    for (const stage of templateStages) expect(kpiTemplatesFor({ stage }).length, stage).toBeGreaterThan(0);
  });

  it("has leading and lagging indicators in every perspective", () => {
    for (const perspective of PERSPECTIVE_KINDS) {
      const indicators = new Set(kpiTemplatesFor({ perspective }).map((t) => t.indicator));
      expect([...indicators].sort(), perspective).toEqual(["lagging", "leading"]);
    }
  });
});

describe("kpiTemplatesFor", () => {
  it("combines filters and matches stage names case-insensitively", () => {
    const support = kpiTemplatesFor({ stage: "  support " });
    expect(support.map((t) => t.key)).toContain("first-response-time");
    const internalSupport = kpiTemplatesFor({ stage: "Support", perspective: "internal" });
    expect(internalSupport.length).toBeGreaterThan(0);
    expect(internalSupport.every((t) => t.perspective === "internal" && t.stages.includes("Support"))).toBe(true);
    expect(kpiTemplatesFor({})).toHaveLength(KPI_LIBRARY.length);
    expect(kpiTemplatesFor({ stage: "Nowhere" })).toEqual([]);
  });

  it("finds templates by key", () => {
    expect(findKpiTemplate("nps")?.name).toBe("Net Promoter Score");
    expect(findKpiTemplate("nope")).toBeUndefined();
  });
});
