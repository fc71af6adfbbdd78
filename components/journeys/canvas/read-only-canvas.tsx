// The journey canvas for people who cannot edit it (viewers, and everyone on an archived
// journey), rendered on the server: the same table as the editable canvas without its controls,
// so its only browser code is each stage's comments button and who-is-editing mark.
import { CommentsButton } from "@/components/comments/comments-button";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { CardContent, cardClass } from "./card-content";
import { CanvasIntro } from "./canvas-intro";
import { CanvasTable } from "./canvas-table";
import { EmotionChart } from "./emotion-chart";
import { LANE, type Card } from "./lanes";
import { StageFieldList } from "./stage-field-list";
import { StageSummary, stageHeaderClass } from "./stage-summary";

export function ReadOnlyCanvas({ team, journeyId, journeyName, stages }: { team: string; journeyId: string; journeyName: string; stages: CanvasStage[] }) {
  return (
    <section aria-labelledby="canvas-heading" className="flex flex-col gap-3">
      <CanvasIntro editable={false} />
      <CanvasTable
        journeyName={journeyName}
        stages={stages}
        source={{ team, journeyId }}
        cells={{
          header: (stage, index) => (
            <th scope="col" data-stage-id={stage.id} className={stageHeaderClass(stage)}>
              <div className="flex items-start gap-1">
                <StageSummary stage={stage} index={index} count={stages.length} />
              </div>
            </th>
          ),
          customer: (stage) => (
            <div className="flex flex-col gap-2">
              <EditingMarker scope={`journey:${journeyId}`} target={`stage:${stage.id}`} />
              <StageFieldList stage={stage} />
              <div className="self-start">
                <CommentsButton entityType="stage" entityId={stage.id} label={stage.name} />
              </div>
            </div>
          ),
          cards: (stage, _index, lane) => {
            const cards = stage[lane] as Card[];
            return (
              <div className="flex min-h-16 flex-col gap-2 rounded-md">
                {cards.length ? (
                  <ul className="flex flex-col gap-2" aria-label={`${stage.name}: ${LANE[lane].many}`}>
                    {cards.map((card) => (
                      <li key={card.id} data-card-id={card.id} className={cardClass(lane)}>
                        <div className="flex items-start gap-1">
                          <CardContent card={card} />
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-xs text-muted-foreground">No {LANE[lane].many} yet.</p>
                )}
              </div>
            );
          },
          emotion: <EmotionChart stages={stages} />,
        }}
      />
    </section>
  );
}
