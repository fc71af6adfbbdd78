// OrgDashboardView: the organisation dashboard of one unit — every unit of its subtree (indented
// by depth) with its overall score, trend and coverage; a units × perspectives heatmap (a real
// table: score and status in words in every cell, colour only as an extra); and needs-attention
// by unit (the counts of each unit's own dashboard's list, and its worst KPIs). Shared by the
// members' page and the public share page of a subtree. Server-rendered.
import type { ReactNode } from "react";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge, statusIcons } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatScore, STATUS_WORDS } from "@/lib/dashboards/format";
import { attentionCount, type OrgDashboardModel, type OrgPerspectiveCell, type OrgUnitView } from "@/lib/dashboards/org-dashboard";
import type { Status } from "@/lib/scoring";
import { PeriodSelector } from "./period-selector";
import { TrendIndicator } from "./trend-indicator";

/** The worst KPIs each unit names under needs-attention (its own dashboard lists them all). */
export const ORG_ATTENTION_LIMIT = 3;

/** Indentation by depth, capped so a deep tree still fits a phone (literal classes, for Tailwind to see). */
const INDENT = ["", "pl-4", "pl-8", "pl-12", "pl-16", "pl-20", "pl-24"] as const;
const indent = (depth: number) => INDENT[Math.min(depth, INDENT.length - 1)];

function UnitName({ unit, href }: { unit: OrgUnitView; href: string }) {
  return (
    <span className={cn("flex items-center gap-1", indent(unit.depth))}>
      {unit.depth > 0 ? (
        <span aria-hidden="true" className="text-muted-foreground">
          └
        </span>
      ) : null}
      <a href={href} className="font-medium text-primary underline-offset-4 hover:underline">
        {unit.name}
        <span className="sr-only">{unit.depth > 0 ? ` (level ${unit.depth + 1})` : ""}: open its dashboard</span>
      </a>
    </span>
  );
}

function HeatCell({ score, status, detail }: { score: number | null; status: Status; detail: string | null }) {
  return (
    <td className="heat-cell">
      <div data-status={status}>
        <strong>{formatScore(score)}</strong>
        <span>
          <SpriteIcon name={statusIcons[status]} />
          {STATUS_WORDS[status]}
        </span>
        {detail ? <span className="sr-only">{`, ${detail}`}</span> : null}
      </div>
    </td>
  );
}

function perspectiveDetail(cell: OrgPerspectiveCell): string | null {
  if (!cell.coverage) return "no perspective of this kind";
  return `${cell.coverage.scored} of ${cell.coverage.total} objectives scored`;
}

export function OrgDashboardView({
  model,
  basePath,
  unitHref,
  actions,
  eyebrow,
}: {
  model: OrgDashboardModel;
  /** Where period links point: the organisation page's own path. */
  basePath: string;
  /** A unit's own dashboard, for the selected period. */
  unitHref: (unitId: string) => string;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  const { period, units } = model;
  const previousLabel = period.previous.label;
  const attended = units.filter((u) => attentionCount(u.attention) > 0);
  const clear = units.filter((u) => attentionCount(u.attention) === 0);
  return (
    <div className="flex flex-col gap-6 print:gap-4 print:text-[12px]">
      <PageHeader
        title={`${model.root.name}: organisation`}
        flush
        description={
          <>
            {units.length} {units.length === 1 ? "unit" : "units"} · {period.label} · scores as of {period.asOf} · compared with {previousLabel}
          </>
        }
        actions={actions}
      >
        {eyebrow}
      </PageHeader>
      {period.notice ? <Alert variant="warning">{period.notice}</Alert> : null}
      <PeriodSelector period={period} basePath={basePath} />

      <section aria-labelledby="units-heading" data-slot="card" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
        <div>
          <h2 id="units-heading" className="text-lg font-semibold">
            Units
          </h2>
          <p className="text-sm text-muted-foreground">Each unit&rsquo;s overall score out of 10, from its own scorecard, with the trend since {previousLabel}.</p>
        </div>
        <Table scrollLabel="Units" data-testid="org-units" className="min-w-[40rem] print:min-w-0">
          <TableHeader>
            <TableRow>
              <TableHead>Unit</TableHead>
              <TableHead align="right">Overall</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Trend</TableHead>
              <TableHead>Coverage</TableHead>
              <TableHead align="right">Needs attention</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {units.map((u) => (
              <TableRow key={u.id} data-unit={u.id} data-depth={u.depth}>
                <th scope="row" className="tbl-cell text-left font-normal">
                  <UnitName unit={u} href={unitHref(u.id)} />
                </th>
                <TableCell className="text-right font-semibold tabular-nums" data-score>
                  {formatScore(u.overall.score)}
                </TableCell>
                <TableCell>
                  <StatusBadge status={u.overall.status} size="sm" />
                </TableCell>
                <TableCell>
                  <TrendIndicator trend={u.overall.trend} score={u.overall.score} previousScore={u.overall.previousScore} />
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap text-muted-foreground">
                  {u.overall.coverage.scored} of {u.overall.coverage.total} perspectives scored
                  <span className="block">
                    {u.kpisReporting} of {u.kpiCount} KPIs current
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{attentionCount(u.attention)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="org-heatmap-heading" data-slot="card" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
        <div>
          <h2 id="org-heatmap-heading" className="text-lg font-semibold">
            Units × perspectives
          </h2>
          <p className="text-sm text-muted-foreground">Each unit&rsquo;s perspective scores out of 10, with their status in words.</p>
        </div>
        <Table scrollLabel="Heatmap of units by perspective" data-testid="org-heatmap" className="table-fixed min-w-[44rem] print:min-w-0">
          <TableHeader>
            <tr>
              <TableHead className="w-56">Unit</TableHead>
              <th scope="col" className="h-10 px-1 text-center align-middle font-medium text-muted-foreground">
                Overall
              </th>
              {model.kinds.map((k) => (
                <th key={k.kind} scope="col" className="h-10 px-1 text-center align-middle font-medium text-muted-foreground">
                  {k.label}
                </th>
              ))}
            </tr>
          </TableHeader>
          <TableBody>
            {units.map((u) => (
              <tr key={u.id} data-unit={u.id}>
                <th scope="row" className="h-10 px-3 text-left align-middle font-medium text-foreground">
                  <span className={cn("block truncate", indent(u.depth))}>
                    {u.name}
                  </span>
                </th>
                <HeatCell score={u.overall.score} status={u.overall.status} detail={`${u.overall.coverage.scored} of ${u.overall.coverage.total} perspectives scored`} />
                {u.perspectives.map((cell) => (
                  <HeatCell key={cell.kind} score={cell.score} status={cell.status} detail={perspectiveDetail(cell)} />
                ))}
              </tr>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="org-attention-heading" data-slot="card" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
        <div>
          <h2 id="org-attention-heading" className="text-lg font-semibold">
            Needs attention across the organisation
          </h2>
          <p className="text-sm text-muted-foreground">What each unit&rsquo;s own dashboard lists under &ldquo;Needs attention&rdquo;, counted, with its worst KPIs off track or at risk.</p>
        </div>
        {attended.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-status-green">
            <SpriteIcon name="circle-check" className="size-4" />
            Nothing needs attention in any unit: every KPI is on track and current, and no initiative is past due.
          </p>
        ) : (
          <Table scrollLabel="Needs attention by unit" data-testid="org-attention" className="min-w-[44rem] print:min-w-0">
            <TableHeader>
              <TableRow>
                <TableHead>Unit</TableHead>
                <TableHead align="right">Off track</TableHead>
                <TableHead align="right">of which no reason</TableHead>
                <TableHead align="right">At risk</TableHead>
                <TableHead align="right">No current value</TableHead>
                <TableHead align="right">Initiatives past due</TableHead>
                <TableHead>Worst KPIs</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {attended.map((u) => {
                const a = u.attention;
                const worst = [...a.offTrack, ...a.atRisk].slice(0, ORG_ATTENTION_LIMIT);
                return (
                  <TableRow key={u.id} data-unit={u.id}>
                    <th scope="row" className="tbl-cell text-left font-normal">
                      <UnitName unit={u} href={unitHref(u.id)} />
                    </th>
                    <TableCell className="text-right tabular-nums">{a.offTrack.length}</TableCell>
                    <TableCell className="text-right tabular-nums">{a.unexplained.length}</TableCell>
                    <TableCell className="text-right tabular-nums">{a.atRisk.length}</TableCell>
                    <TableCell className="text-right tabular-nums">{a.noCurrentValue.length}</TableCell>
                    <TableCell className="text-right tabular-nums">{a.pastDue.length}</TableCell>
                    <TableCell className="text-xs">
                      {worst.length ? (
                        <ul>
                          {worst.map((k) => (
                            <li key={k.id}>
                              {k.name}: {formatScore(k.score)} ({STATUS_WORDS[k.status]})
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-muted-foreground">None off track or at risk</span>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {attended.length > 0 && clear.length > 0 ? <p className="text-sm text-muted-foreground">Nothing needs attention in {clear.map((u) => u.name).join(", ")}.</p> : null}
      </section>
    </div>
  );
}
