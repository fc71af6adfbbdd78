// The customer's side of a stage as a definition list (goal, doing, thinking, feeling), or a
// line saying there is none yet.
import type { CanvasStage } from "@/lib/journeys/canvas";
import { STAGE_FIELDS as FIELDS } from "./stage-fields";

export function StageFieldList({ stage }: { stage: CanvasStage }) {
  if (FIELDS.every((f) => !stage[f.key])) return <p className="text-xs text-muted-foreground">No customer goal or mindset yet.</p>;
  return (
    <dl className="flex flex-col gap-1.5">
      {FIELDS.filter((f) => stage[f.key]).map((f) => (
        <div key={f.key}>
          <dt className="text-xs font-medium text-muted-foreground">{f.label}</dt>
          <dd className="break-words whitespace-pre-line">{stage[f.key]}</dd>
        </div>
      ))}
    </dl>
  );
}
