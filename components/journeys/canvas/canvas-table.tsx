// The canvas's table: stages as columns, swim lanes as rows. A table, so every cell is announced
// with its stage and its lane; it scrolls sideways inside its own region and keeps fixed column
// widths, so 12 stages and hundreds of cards never squash the layout. No hooks and no directive:
// the read-only canvas renders it on the server, the editable one in the browser, each filling
// the stage headers and the lanes people edit with its own parts.
import { Map as MapIcon } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { CanvasStage } from "@/lib/journeys/canvas";
import type { LaneKey } from "@/lib/journeys/canvas-ops";
import type { StageKpiSource } from "@/components/journeys/stage-kpis";
import { KpiHealth, LinkedObjectives } from "./alignment-cells";

const LANE_COLUMN = "9rem";
const STAGE_COLUMN = "17rem";

const CARD_LANES: Array<[LaneKey, string, string]> = [
  ["touchpoints", "Touchpoints", "Channel, description, owner"],
  ["painPoints", "Pain points", "What gets in the way"],
  ["opportunities", "Opportunities", "What could be better"],
];

/** What each canvas fills in: the stage headers, the customer and card lanes, the emotion lane. */
export interface CanvasCells {
  /** The stage's column header: a `<th scope="col">`. */
  header: (stage: CanvasStage, index: number) => ReactNode;
  customer: (stage: CanvasStage) => ReactNode;
  cards: (stage: CanvasStage, index: number, lane: LaneKey) => ReactNode;
  emotion: ReactNode;
}

const ROW_HEADER = "sticky left-0 z-10 border-r border-b bg-background p-2 text-left align-top print:static print:p-1";
const CELL = "border-r border-b p-2 align-top print:p-1";

function LaneHeader({ label, description }: { label: string; description: string }) {
  return (
    <th scope="row" className={ROW_HEADER}>
      <span className="font-semibold">{label}</span>
      <span className="block text-xs font-normal text-muted-foreground">{description}</span>
    </th>
  );
}

export function CanvasTable({
  journeyName,
  stages,
  source,
  cells,
  emptyAction,
}: {
  journeyName: string;
  stages: CanvasStage[];
  /** Where "Show all" fetches a stage's whole KPI list. */
  source: StageKpiSource;
  cells: CanvasCells;
  emptyAction?: ReactNode;
}) {
  if (stages.length === 0) {
    return (
      <EmptyState
        icon={<MapIcon />}
        title="No stages yet"
        description="A journey is a row of stages: what the customer goes through, from first contact to loyalty."
        action={emptyAction}
      />
    );
  }
  const n = stages.length;
  return (
    <div
      role="region"
      aria-label={`${journeyName}: canvas of ${n} stages (scrolls sideways)`}
      aria-describedby="canvas-keyboard-help"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border print:overflow-visible print:rounded-none"
      data-journey-canvas
    >
      <table
        className="table-fixed border-separate border-spacing-0 text-sm print:w-full! print:text-[8pt]"
        style={{ width: `calc(${LANE_COLUMN} + ${n} * ${STAGE_COLUMN})` }}
        data-stage-count={n}
      >
        <caption className="sr-only">
          {journeyName}: {n} stages as columns; customer, touchpoints, pain points, opportunities, emotion, linked objectives and KPI health as rows.
        </caption>
        <colgroup>
          {/* On paper the page width wins: the lane column narrows and the stages share the rest. */}
          <col style={{ width: LANE_COLUMN }} className="print:w-20!" />
          {stages.map((s) => (
            <col key={s.id} style={{ width: STAGE_COLUMN }} className="print:w-auto!" />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className={`${ROW_HEADER} bg-muted`}>
              <span className="sr-only">Lane</span>
            </td>
            {stages.map((stage, index) => (
              <Fragment key={stage.id}>{cells.header(stage, index)}</Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <LaneHeader label="Customer" description="Goal, doing, thinking, feeling" />
            {stages.map((stage) => (
              <td key={stage.id} className={CELL}>
                {cells.customer(stage)}
              </td>
            ))}
          </tr>
          {CARD_LANES.map(([lane, label, description]) => (
            <tr key={lane}>
              <LaneHeader label={label} description={description} />
              {stages.map((stage, index) => (
                <td key={stage.id} className={CELL}>
                  {cells.cards(stage, index, lane)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <LaneHeader label="Emotion" description="-2 to +2, as a curve" />
            <td colSpan={n} className="border-r border-b p-0 align-top">
              {cells.emotion}
            </td>
          </tr>
          <tr>
            <LaneHeader label="Linked objectives" description="From the scorecard" />
            {stages.map((stage) => (
              <td key={stage.id} className={CELL}>
                <LinkedObjectives stage={stage} />
              </td>
            ))}
          </tr>
          <tr>
            <LaneHeader label="KPI health" description="Latest value and status" />
            {stages.map((stage) => (
              <td key={stage.id} className={CELL}>
                <KpiHealth stage={stage} source={source} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
