// What the canvas shows the moment a person moves or scores something, before the server
// answers (optimistic state). Pure, and built on the same ordering rules as the server, so
// the optimistic picture and the saved one agree; an impossible move changes nothing.
import type { CanvasNote, CanvasStage, CanvasTouchpoint } from "./canvas";
import { moveBetween, moveWithin } from "./ordering";

export type LaneKey = "touchpoints" | "painPoints" | "opportunities";

export type CanvasOp =
  | { type: "moveStage"; stageId: string; position: number }
  | { type: "moveCard"; lane: LaneKey; cardId: string; toStageId: string; position: number }
  | { type: "setEmotion"; stageId: string; emotion: number | null };

type Card = CanvasTouchpoint | CanvasNote;

function reorder<T extends { id: string }>(items: readonly T[], order: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return order.map((id) => byId.get(id)!);
}

export function applyCanvasOp(stages: CanvasStage[], op: CanvasOp): CanvasStage[] {
  switch (op.type) {
    case "setEmotion":
      return stages.map((s) => (s.id === op.stageId ? { ...s, emotion: op.emotion } : s));
    case "moveStage": {
      const plan = moveWithin(stages.map((s) => s.id), op.stageId, op.position);
      return plan.ok ? reorder(stages, plan.order) : stages;
    }
    case "moveCard": {
      const from = stages.find((s) => (s[op.lane] as Card[]).some((c) => c.id === op.cardId));
      const to = stages.find((s) => s.id === op.toStageId);
      if (!from || !to) return stages;
      const source = from[op.lane] as Card[];
      if (from.id === to.id) {
        const plan = moveWithin(source.map((c) => c.id), op.cardId, op.position);
        return plan.ok ? stages.map((s) => (s.id === from.id ? { ...s, [op.lane]: reorder(source, plan.order) } : s)) : stages;
      }
      const target = to[op.lane] as Card[];
      const plan = moveBetween(source.map((c) => c.id), target.map((c) => c.id), op.cardId, op.position);
      if (!plan.ok) return stages;
      const card = { ...source.find((c) => c.id === op.cardId)!, stageId: to.id };
      const all = new Map<string, Card>([...source, ...target].map((c) => [c.id, c]));
      all.set(card.id, card);
      return stages.map((s) => {
        if (s.id === from.id) return { ...s, [op.lane]: plan.source.map((id) => all.get(id)!) };
        if (s.id === to.id) return { ...s, [op.lane]: plan.target.map((id) => all.get(id)!) };
        return s;
      });
    }
  }
}
