// The emotion scale of a stage (-2 … +2) and how its points are drawn and described.

export const EMOTION_SCALE = [2, 1, 0, -1, -2] as const;

export const EMOTION_LABELS: Record<number, string> = {
  2: "Very positive",
  1: "Positive",
  0: "Neutral",
  [-1]: "Negative",
  [-2]: "Very negative",
};

/** "+2", "+1", "0", "-1", "-2", or "not scored". */
export function formatEmotion(emotion: number | null): string {
  if (emotion === null) return "not scored";
  return emotion > 0 ? `+${emotion}` : String(emotion);
}

export interface CurvePoint {
  stageId: string;
  name: string;
  emotion: number | null;
  /** Centre of the stage's column, 0 … 1 across the canvas. */
  x: number;
  /** 0 at +2 (top) … 1 at -2 (bottom); null when not scored. */
  y: number | null;
}

export interface EmotionCurve {
  points: CurvePoint[];
  /** Runs of consecutive scored stages: an unscored stage breaks the line rather than faking a value. */
  segments: CurvePoint[][];
  /** For screen readers and tests: the stages in order with their scores. */
  description: string;
  /** Machine-readable, in order: "Discovery:1|Evaluation:0|Purchase:" (empty when not scored). */
  data: string;
}

export function emotionCurve(stages: ReadonlyArray<{ id: string; name: string; emotion: number | null }>): EmotionCurve {
  const n = stages.length;
  const points = stages.map((s, i) => ({
    stageId: s.id,
    name: s.name,
    emotion: s.emotion,
    x: n === 0 ? 0 : (i + 0.5) / n,
    y: s.emotion === null ? null : (2 - s.emotion) / 4,
  }));
  const segments: CurvePoint[][] = [];
  let run: CurvePoint[] = [];
  for (const point of points) {
    if (point.y === null) {
      if (run.length) segments.push(run);
      run = [];
    } else run.push(point);
  }
  if (run.length) segments.push(run);
  const description =
    n === 0
      ? "Emotion curve: no stages yet."
      : `Emotion curve across ${n} stage${n === 1 ? "" : "s"}: ${points.map((p) => `${p.name} ${formatEmotion(p.emotion)}`).join(", ")}.`;
  const data = points.map((p) => `${p.name}:${p.emotion ?? ""}`).join("|");
  return { points, segments, description, data };
}
