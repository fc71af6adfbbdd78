// Which stage is the adoption phase: where the customer starts getting value, and where
// leading indicators (activation, time to first value) predict the lagging ones (retention, churn).
// Stages carry no flag of their own, so the phase is recognised by the names the templates
// give it (and a few common synonyms).
import { JOURNEY_TEMPLATES } from "@/lib/journey-templates";

const ADOPTION_NAMES = new Set([
  ...JOURNEY_TEMPLATES.flatMap((t) => t.stages.filter((s) => s.adoptionPhase).map((s) => s.name.toLowerCase())),
  "activation",
  "first value",
  "onboard",
]);

export function isAdoptionStageName(name: string): boolean {
  return ADOPTION_NAMES.has(name.trim().toLowerCase());
}
