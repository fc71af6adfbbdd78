// The three card lanes of a stage: what a card is called and how the server stores it.
import type { CanvasNote, CanvasTouchpoint } from "@/lib/journeys/canvas";

export type Card = CanvasTouchpoint | CanvasNote;

export const LANE = {
  touchpoints: { one: "touchpoint", many: "touchpoints", cardType: "touchpoint", kind: null },
  painPoints: { one: "pain point", many: "pain points", cardType: "note", kind: "pain_point" },
  opportunities: { one: "opportunity", many: "opportunities", cardType: "note", kind: "opportunity" },
} as const;
