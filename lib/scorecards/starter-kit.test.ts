import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "@/lib/journey-templates";
import { findKpiTemplate, PERSPECTIVE_KINDS } from "@/lib/kpi-library";
import { DEFAULT_PERSPECTIVES } from "./defaults";
import { templateIssue } from "./library";
import { STARTER_OBJECTIVES } from "./starter-kit";

describe("the starter kit's plan", () => {
  const keys = Object.values(STARTER_OBJECTIVES).flatMap((list) => list.flatMap((o) => o.kpis));

  it("names only library templates that are valid as they are, each in its own perspective", () => {
    for (const kind of PERSPECTIVE_KINDS) {
      for (const objective of STARTER_OBJECTIVES[kind]) {
        for (const key of objective.kpis) {
          const template = findKpiTemplate(key);
          expect(template, key).toBeDefined();
          expect(template!.perspective, key).toBe(kind);
          expect(templateIssue(template!), key).toBeNull();
        }
      }
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(JOURNEY_TEMPLATES.filter((t) => t.stages.length > 0).map((t) => [t.key, t] as const))("serves every stage of the %s template", (_key, template) => {
    const served = new Set<string>(keys.flatMap((key) => findKpiTemplate(key)!.stages));
    for (const stage of template.stages) expect(served.has(stage.name), stage.name).toBe(true);
    for (const kind of PERSPECTIVE_KINDS) {
      for (const objective of STARTER_OBJECTIVES[kind]) {
        const stages = objective.kpis.flatMap((key) => findKpiTemplate(key)!.stages);
        expect(template.stages.some((s) => stages.includes(s.name as never)), `${objective.title} in ${template.key}`).toBe(true);
      }
    }
  });

  it("starts a scorecard with the four perspectives, effects on top, equally weighted", () => {
    expect(DEFAULT_PERSPECTIVES.map((p) => p.kind)).toEqual(["financial", "customer", "internal", "learning"]);
    expect(new Set(DEFAULT_PERSPECTIVES.map((p) => p.weight))).toEqual(new Set([1]));
  });
});
