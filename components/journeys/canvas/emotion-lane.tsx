"use client";
// The editable emotion lane: the curve (emotion-chart.tsx) with a select per stage. The curve
// follows the on-screen order, so it changes the moment a stage or a score changes.
import { updateStage } from "@/app/t/[team]/journeys/actions";
import { Select } from "@/components/ui/select";
import { EMOTION_LABELS, EMOTION_SCALE, formatEmotion } from "@/lib/journeys/emotion";
import { useCanvas } from "./canvas-context";
import { EmotionChart } from "./emotion-chart";

export function EmotionLane() {
  const { stages, run } = useCanvas();

  const score = (stageId: string, raw: string) => {
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) return;
    const emotion = raw === "" ? null : Number(raw);
    void run({
      action: updateStage,
      input: { stageId, version: stage.version, emotion: raw },
      op: { type: "setEmotion", stageId, emotion },
      success: `Emotion at ${stage.name}: ${formatEmotion(emotion)}.`,
    });
  };

  return (
    <EmotionChart
      stages={stages}
      control={(stage) => (
        <Select aria-label={`Emotion at ${stage.name}`} value={stage.emotion === null ? "" : String(stage.emotion)} onChange={(e) => score(stage.id, e.target.value)} compact>
          <option value="">Not scored</option>
          {EMOTION_SCALE.map((e) => (
            <option key={e} value={e}>
              {formatEmotion(e)} {EMOTION_LABELS[e]}
            </option>
          ))}
        </Select>
      )}
    />
  );
}
