// What a new scorecard starts with: Kaplan & Norton's four perspectives, effects on top
// (Financial) and causes at the bottom (Learning & Growth), equally weighted.
import type { PerspectiveKind } from "@/lib/kpi-library";

export const DEFAULT_PERSPECTIVES: ReadonlyArray<{ kind: PerspectiveKind; name: string; weight: number }> = [
  { kind: "financial", name: "Financial", weight: 1 },
  { kind: "customer", name: "Customer", weight: 1 },
  { kind: "internal", name: "Internal Processes", weight: 1 },
  { kind: "learning", name: "Learning & Growth", weight: 1 },
];
