// ObjectivesTable: one perspective's objectives with their owner, score, status and trend,
// rendered with the perspective's KPI cards: in the browser on the members' dashboard
// (team-kpi-cards), on the server on the share page.
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatScore } from "@/lib/dashboards/format";
import type { ObjectiveRowData } from "@/lib/dashboards/kpi-cards";
import { TrendIndicator } from "./trend-indicator";

export function ObjectivesTable({ objectives, perspectiveName, previousLabel }: { objectives: ObjectiveRowData[]; perspectiveName: string; previousLabel: string }) {
  if (objectives.length === 0) return <p className="text-sm text-muted-foreground">No objectives in this perspective yet.</p>;
  return (
    <Table scrollLabel={`Objectives of ${perspectiveName}`} className="objectives-table" containerClassName="rounded-lg border bg-card print:overflow-visible">
      <TableHeader>
        <TableRow>
          <TableHead>Objective</TableHead>
          <TableHead>Owner</TableHead>
          <TableHead align="right">Score</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>{`Since ${previousLabel}`}</TableHead>
        </TableRow>
      </TableHeader>
      {/* Cell looks by column: the .objectives-table component class (globals.css). */}
      <TableBody>
        {objectives.map((o) => (
          <TableRow key={o.id}>
            <TableCell>
              {o.title}
              <span className="hint">{`${o.coverage.scored} of ${o.coverage.total} KPIs scored`}</span>
            </TableCell>
            <TableCell>{o.ownerName ?? <span className="text-muted-foreground">Unassigned</span>}</TableCell>
            <TableCell>{formatScore(o.score)}</TableCell>
            <TableCell>
              <StatusBadge status={o.status} size="sm" />
            </TableCell>
            <TableCell>
              <TrendIndicator trend={o.trend} score={o.score} previousScore={o.previousScore} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
