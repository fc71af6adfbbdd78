import { describe, expect, it } from "vitest";
import type { CanvasStage } from "./canvas";
import { applyCanvasOp } from "./canvas-ops";
import { emotionCurve } from "./emotion";

function stage(name: string, emotion: number | null, cards: string[] = []): CanvasStage {
  const id = name.toLowerCase();
  return {
    id, name, version: 1, customerGoal: "", doing: "", thinking: "", feeling: "", emotion, adoptionPhase: false,
    health: { status: "grey", score: null, scored: 0, total: 0 }, objectives: [], kpis: [], kpiCount: 0, staleKpiCount: 0,
    touchpoints: cards.map((c) => ({ id: c, stageId: id, channel: "email", channelDetail: "", description: c, ownerId: null, ownerName: null, version: 1 })),
    painPoints: [], opportunities: [],
  };
}

const stages = [stage("Discovery", 1, ["a", "b", "c"]), stage("Evaluation", 0, ["x"]), stage("Purchase", -1)];
const names = (list: CanvasStage[]) => list.map((s) => s.name);
const cards = (list: CanvasStage[]) => list.map((s) => s.touchpoints.map((t) => `${t.id}@${t.stageId}`).join(","));

describe("applyCanvasOp", () => {
  it("moves a stage, and the emotion curve follows the new order", () => {
    const next = applyCanvasOp(stages, { type: "moveStage", stageId: "discovery", position: 1 });
    expect(names(next)).toEqual(["Evaluation", "Discovery", "Purchase"]);
    expect(emotionCurve(next).data).toBe("Evaluation:0|Discovery:1|Purchase:-1");
  });

  it("ignores an impossible move instead of guessing", () => {
    expect(applyCanvasOp(stages, { type: "moveStage", stageId: "discovery", position: 3 })).toBe(stages);
    expect(applyCanvasOp(stages, { type: "moveCard", lane: "touchpoints", cardId: "a", toStageId: "purchase", position: 2 })).toBe(stages);
  });

  it("moves a card within its lane and to another stage's lane", () => {
    expect(cards(applyCanvasOp(stages, { type: "moveCard", lane: "touchpoints", cardId: "c", toStageId: "discovery", position: 0 }))).toEqual(["c@discovery,a@discovery,b@discovery", "x@evaluation", ""]);
    expect(cards(applyCanvasOp(stages, { type: "moveCard", lane: "touchpoints", cardId: "b", toStageId: "evaluation", position: 0 }))).toEqual(["a@discovery,c@discovery", "b@evaluation,x@evaluation", ""]);
  });

  it("sets a stage's emotion", () => {
    expect(applyCanvasOp(stages, { type: "setEmotion", stageId: "purchase", emotion: 2 })[2]!.emotion).toBe(2);
  });
});
