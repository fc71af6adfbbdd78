// JourneyHeatmap: journey stages × perspectives, each cell tinted by health and carrying its
// score and status in words; a cell no objective serves is marked as a gap.
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { statusIcons } from "@/components/ui/status-badge";
import { Table, TableBody, TableHead, TableHeader } from "@/components/ui/table";
import type { HeatmapCell, HeatmapView } from "@/lib/dashboards/build-dashboard";
import { formatScore, STATUS_WORDS } from "@/lib/dashboards/format";

// Plain rows and cells: the heatmap has its own padding and no row borders or hover.
const ROW_HEAD = "h-10 w-36 px-3 text-left align-middle font-medium text-foreground";

/** A cell's look is the .heat-cell rules of globals.css: dozens per dashboard, written once. */
function Cell({ cell }: { cell: HeatmapCell }) {
  if (cell.objectiveCount === 0) {
    return (
      <td className="heat-cell">
        <div data-gap="">
          Gap<span className="sr-only">: no objective serves this stage</span>
        </div>
      </td>
    );
  }
  return (
    <td className="heat-cell">
      <div data-status={cell.status}>
        <strong>{formatScore(cell.score)}</strong>
        <span>
          <SpriteIcon name={statusIcons[cell.status]} />
          {STATUS_WORDS[cell.status]}
        </span>
      </div>
    </td>
  );
}

export function JourneyHeatmap({ heatmaps }: { heatmaps: HeatmapView[] }) {
  return (
    <section aria-labelledby="heatmap-heading" data-slot="card" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
      <div>
        <h2 id="heatmap-heading" className="text-lg font-semibold">
          Journey heatmap
        </h2>
        <p className="text-sm text-muted-foreground">Health of each stage by perspective, from the objectives that serve it (score out of 10).</p>
      </div>
      {heatmaps.length === 0 ? (
        <p className="text-sm text-muted-foreground">No journey is linked to this scorecard, and no objective serves a journey stage yet.</p>
      ) : (
        heatmaps.map((map) => (
          <Table key={map.journeyId} scrollLabel={`Heatmap of ${map.journeyName}`} className="table-fixed min-w-[40rem] print:min-w-0">
            <caption className="mb-2 caption-top text-left text-sm font-medium text-foreground">{map.journeyName}</caption>
            <TableHeader>
              <tr>
                <TableHead className="w-36">Perspective</TableHead>
                {map.stages.map((s) => (
                  <th key={s.id} scope="col" className="h-10 px-1 text-center align-middle font-medium text-muted-foreground">
                    {s.name}
                  </th>
                ))}
              </tr>
            </TableHeader>
            <TableBody>
              {map.rows.map((row) => (
                <tr key={row.perspectiveId}>
                  <th scope="row" className={ROW_HEAD}>
                    {row.perspectiveName}
                  </th>
                  {row.cells.map((cell) => (
                    <Cell key={cell.stageId} cell={cell} />
                  ))}
                </tr>
              ))}
              <tr className="border-t">
                <th scope="row" className={ROW_HEAD}>
                  All perspectives
                </th>
                {map.overall.map((cell) => (
                  <Cell key={cell.stageId} cell={cell} />
                ))}
              </tr>
            </TableBody>
          </Table>
        ))
      )}
    </section>
  );
}
