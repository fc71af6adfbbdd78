// The emotion lane's drawing: a curve through the stages' scores across the columns, and each
// stage's score below it. The editable lane (emotion-lane.tsx) passes a select per stage; the
// written score then shows on paper only.
import type { ReactNode } from "react";
import { EMOTION_LABELS, EMOTION_SCALE, emotionCurve, formatEmotion } from "@/lib/journeys/emotion";

const TOP = 12;
const SPAN = 76;
const yOf = (y: number) => TOP + y * SPAN;

type ScoredStage = { id: string; name: string; emotion: number | null };

export function EmotionChart({ stages, control }: { stages: ScoredStage[]; control?: (stage: ScoredStage) => ReactNode }) {
  const curve = emotionCurve(stages);
  const n = Math.max(stages.length, 1);
  return (
    <figure className="m-0" data-emotion-curve={curve.data} aria-describedby="emotion-curve-description">
      <div className="relative h-32 print:h-24">
        <svg viewBox={`0 0 ${n * 100} 100`} preserveAspectRatio="none" className="absolute inset-0 size-full" aria-hidden="true">
          {EMOTION_SCALE.map((e) => (
            <line
              key={e}
              x1={0}
              x2={n * 100}
              y1={yOf((2 - e) / 4)}
              y2={yOf((2 - e) / 4)}
              stroke="currentColor"
              className={e === 0 ? "text-input" : "text-border"}
              strokeDasharray={e === 0 ? undefined : "4 4"}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {curve.segments.map((segment, i) => (
            <polyline
              key={i}
              points={segment.map((p) => `${p.x * n * 100},${yOf(p.y!)}`).join(" ")}
              fill="none"
              stroke="currentColor"
              strokeWidth={3}
              strokeLinejoin="round"
              strokeLinecap="round"
              className="text-primary"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        {curve.points.map((p) =>
          p.y === null ? null : (
            <span
              key={p.stageId}
              aria-hidden="true"
              className="absolute flex size-7 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-primary bg-background text-xs font-semibold tabular-nums"
              style={{ left: `${p.x * 100}%`, top: `${yOf(p.y)}%` }}
            >
              {formatEmotion(p.emotion)}
            </span>
          ),
        )}
        <span aria-hidden="true" className="absolute top-1 left-1 text-[10px] text-muted-foreground">+2</span>
        <span aria-hidden="true" className="absolute bottom-1 left-1 text-[10px] text-muted-foreground">-2</span>
      </div>
      <figcaption id="emotion-curve-description" className="sr-only">
        {curve.description}
      </figcaption>
      <div className="grid border-t" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
        {stages.map((stage) => (
          <div key={stage.id} className="border-r px-2 py-2 last:border-r-0">
            {control ? <div data-print-hidden>{control(stage)}</div> : null}
            <p className={control ? "hidden print:block" : "text-sm"}>
              {stage.emotion === null ? "Not scored" : `${formatEmotion(stage.emotion)} ${EMOTION_LABELS[stage.emotion]}`}
            </p>
          </div>
        ))}
      </div>
    </figure>
  );
}
