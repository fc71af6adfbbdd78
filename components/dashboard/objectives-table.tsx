// ObjectivesTable: every objective by perspective with its owner, score, status and trend.
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DashboardModel } from "@/lib/dashboards/build-dashboard";
import { formatScore } from "@/lib/dashboards/format";
import { TrendIndicator } from "./trend-indicator";

export function ObjectivesTable({ model }: { model: DashboardModel }) {
  const previousLabel = model.period.previous.label;
  const hasObjectives = model.perspectives.some((p) => p.objectives.length > 0);
  return (
    <section aria-labelledby="objectives-heading" className="flex flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs" data-slot="card">
      <h2 id="objectives-heading" className="text-lg font-semibold">
        Objectives
      </h2>
      {hasObjectives ? (
        <Table scrollLabel="Objectives" containerClassName="print:overflow-visible">
          <TableHeader>
            <TableRow>
              <TableHead>Objective</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead align="right">Score</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Since {previousLabel}</TableHead>
            </TableRow>
          </TableHeader>
          {model.perspectives.map((p) => (
            <TableBody key={p.id}>
              <TableRow className="bg-muted/60 hover:bg-muted/60">
                <th scope="rowgroup" colSpan={5} className="h-8 px-3 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-foreground uppercase">
                  {p.name}
                </th>
              </TableRow>
              {p.objectives.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className="min-w-56 font-medium">
                    {o.title}
                    <span className="block text-xs font-normal text-muted-foreground">
                      {o.coverage.scored} of {o.coverage.total} KPIs scored
                    </span>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{o.ownerName ?? <span className="text-muted-foreground">Unassigned</span>}</TableCell>
                  <TableCell className="text-right font-semibold tabular-nums">{formatScore(o.score)}</TableCell>
                  <TableCell>
                    <StatusBadge status={o.status} size="sm" />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <TrendIndicator trend={o.trend} score={o.score} previousScore={o.previousScore} />
                  </TableCell>
                </TableRow>
              ))}
              {p.objectives.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={5} className="text-muted-foreground">
                    No objectives in this perspective yet.
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">This scorecard has no objectives yet.</p>
      )}
    </section>
  );
}
