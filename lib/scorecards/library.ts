// KPI library templates as KPI values, and whether a template passes the same rules as a
// KPI typed by hand (a template that does not is offered but cannot be added).
import { KPI_LIBRARY, type KpiTemplate } from "@/lib/kpi-library";
import type { FieldErrors } from "@/lib/errors";
import { kpiDefinitionErrors } from "./kpi-definition";

export function kpiValuesFromTemplate(template: KpiTemplate) {
  return {
    name: template.name,
    description: template.description,
    unit: template.unit,
    currency: template.unit === "currency" ? (template.currency ?? "USD") : null,
    direction: template.direction,
    baseline: template.baseline,
    target: template.target,
    targetMax: template.direction === "range" ? template.targetMax : null,
    redThreshold: template.redThreshold,
    frequency: template.frequency,
    indicator: template.indicator,
  };
}

export function templateErrors(template: KpiTemplate): FieldErrors {
  return kpiDefinitionErrors(kpiValuesFromTemplate(template));
}

/** Why a template cannot be added as it is, in one sentence, or null. */
export function templateIssue(template: KpiTemplate): string | null {
  const first = Object.values(templateErrors(template))[0]?.[0];
  return first ?? null;
}

/** The library as the picker shows it: every template with its stages and any issue. */
export function libraryForPicker() {
  return KPI_LIBRARY.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    perspective: t.perspective,
    stages: [...t.stages],
    unit: t.unit,
    currency: t.currency ?? null,
    direction: t.direction,
    target: t.target,
    targetMax: t.targetMax,
    redThreshold: t.redThreshold,
    frequency: t.frequency,
    indicator: t.indicator,
    issue: templateIssue(t),
  }));
}
export type PickerTemplate = ReturnType<typeof libraryForPicker>[number];
