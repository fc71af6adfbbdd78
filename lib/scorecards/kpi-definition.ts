// The rules that make a KPI definition scorable, per field, without zod: the server's schemas
// (lib/validation/scorecards) and the KPI library picker in the browser share them.
import type { FieldErrors } from "@/lib/errors";
import type { KpiUnit } from "@/lib/kpi-library";
import { kpiDefinitionIssue, type KpiDirection } from "@/lib/scoring";

export interface KpiDefinitionInput {
  unit: KpiUnit;
  currency: string | null;
  direction: KpiDirection;
  baseline: number | null;
  target: number;
  targetMax: number | null;
  redThreshold: number;
}

const CURRENCY_CODES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [],
);

function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (CURRENCY_CODES.size === 0 || CURRENCY_CODES.has(code));
}

const LABELS = { baseline: "Baseline", target: "Target", targetMax: "Top of the target range", redThreshold: "Red threshold" } as const;

/**
 * Everything wrong with a KPI's unit, currency and thresholds, per field: the rules that
 * make a KPI scorable (DESIGN.md, Scoring) plus the unit's own range. Empty when valid.
 */
export function kpiDefinitionErrors(def: KpiDefinitionInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (def.unit === "currency") {
    if (!def.currency) add("currency", "Currency is required when the unit is currency (an ISO 4217 code such as USD)");
    else if (!isCurrencyCode(def.currency)) add("currency", "Currency must be an ISO 4217 code such as USD or EUR");
  }

  if (def.unit === "percent") {
    for (const field of ["baseline", "target", "targetMax", "redThreshold"] as const) {
      const value = def[field];
      if (value !== null && (value < 0 || value > 100)) add(field, `${LABELS[field]} must be between 0 and 100 for a percentage (got ${value})`);
    }
  }

  if (def.direction === "range") {
    if (def.targetMax === null) add("targetMax", "A range needs the top of the target range (targetMax)");
    else if (def.targetMax < def.target) add("targetMax", "The top of the target range (targetMax) must be no lower than the target");
    if (!(def.redThreshold > 0)) add("redThreshold", "For a range, the red threshold is a distance outside the range and must be above 0");
  } else {
    const issue = kpiDefinitionIssue({ direction: def.direction, target: def.target, targetMax: null, redThreshold: def.redThreshold });
    if (issue) {
      const side = def.direction === "up" ? "below" : "above";
      add("redThreshold", `${issue} Here redThreshold ${def.redThreshold} must be ${side} target ${def.target}.`);
      add("target", `Target ${def.target} is on the wrong side of the red threshold ${def.redThreshold} for this direction`);
    }
  }
  return errors;
}

/** Stores what the direction and unit use: no currency without money, no range top without a range. */
