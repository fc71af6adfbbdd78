// One objective in the editor: its score, owner, weight and stages; its KPIs with latest
// value, status, score and trend; its initiatives. Edit controls only for editors.
import Link from "next/link";
import { HistoryButton } from "@/components/activity/history-button";
import { CommentsButton } from "@/components/comments/comments-button";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Initiative } from "@/db/schema";
import type { PerspectiveKind } from "@/lib/kpi-library";
import { formatPeriod, type TeamCalendar } from "@/lib/periods";
import type { EvaluatedObjective } from "@/lib/scorecards/evaluate";
import { describeThresholds, formatKpiValue, formatScore, INDICATOR_LABELS, INITIATIVE_STATUS_LABELS, weightShare } from "@/lib/scorecards/format";
import type { FormAction } from "./action-form";
import type { MemberOption } from "./fields";
import { ConfirmDelete } from "./confirm-delete";
import { InitiativeDialog } from "./initiative-dialog";
import { KpiDialog } from "./kpi-dialog";
import { KpiLibraryPicker } from "./kpi-library-picker";
import { ObjectiveDialog } from "./objective-dialog";
import { RollupSummary, TrendLabel } from "./rollup-summary";

export interface EditorActions {
  updateObjective: FormAction;
  deleteObjective: FormAction;
  createKpi: FormAction;
  addKpisFromLibrary: FormAction;
  updateKpi: FormAction;
  deleteKpi: FormAction;
  createInitiative: FormAction;
  updateInitiative: FormAction;
  deleteInitiative: FormAction;
}

const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function ObjectiveCard({
  team, scorecardId, item, siblingWeights, perspectiveKind, perspectives, stages, members, initiatives, calendar, canWrite, actions,
}: {
  team: string;
  scorecardId: string;
  item: EvaluatedObjective;
  siblingWeights: number[];
  perspectiveKind: PerspectiveKind;
  perspectives: ReadonlyArray<{ id: string; name: string }>;
  stages: ReadonlyArray<{ id: string; name: string }>;
  members: readonly MemberOption[];
  initiatives: readonly Initiative[];
  calendar: TeamCalendar;
  canWrite: boolean;
  actions: EditorActions;
}) {
  const { objective, rollup, kpis } = item;
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const served = item.stageIds.map((id) => stageName.get(id)).filter((n): n is string => Boolean(n));
  const headingId = `objective-${objective.id}`;
  const kpiSiblingWeights = kpis.map((k) => k.kpi.weight);
  const presenceScope = `scorecard:${scorecardId}`;

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border p-4" data-testid="objective">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <h3 id={headingId} className="text-base font-semibold break-words">
            {objective.title}
          </h3>
          <EditingMarker scope={presenceScope} target={`objective:${objective.id}`} />
          {objective.description ? <p className="text-sm text-muted-foreground">{objective.description}</p> : null}
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            <span>Owner: {objective.ownerId ? (memberName.get(objective.ownerId) ?? "Former member") : "nobody yet"}</span>
            <span>
              Weight {objective.weight} ({weightShare(objective.weight, siblingWeights)} of the perspective)
            </span>
          </p>
          <div className="flex flex-wrap items-center gap-1 text-sm">
            <span className="text-muted-foreground">Serves:</span>
            {served.length ? served.map((name) => <Badge key={name} variant="secondary">{name}</Badge>) : <span className="text-muted-foreground">no journey stage</span>}
          </div>
          <div className="flex flex-wrap gap-1">
            <CommentsButton entityType="objective" entityId={objective.id} label={objective.title} />
            <HistoryButton entityType="objective" entityId={objective.id} label={objective.title} />
          </div>
        </div>
        <div className="flex shrink-0 flex-col items-start gap-2 sm:items-end">
          <RollupSummary rollup={rollup} of={objective.title} counted="KPIs" testId={`objective-score-${objective.id}`} />
          {canWrite ? (
            <div className="flex items-center gap-1">
              <ObjectiveDialog
                action={actions.updateObjective}
                team={team}
                perspectiveId={objective.perspectiveId}
                perspectiveName=""
                perspectives={perspectives}
                stages={stages}
                members={members}
                objective={{ ...objective, stageIds: item.stageIds }}
                presenceScope={presenceScope}
              />
              <ConfirmDelete
                action={actions.deleteObjective}
                team={team}
                version={objective.version}
                fields={{ objectiveId: objective.id }}
                title={`Delete objective “${objective.title}”?`}
                description="Its KPIs, their values, its initiatives and its strategy-map links are deleted with it. This cannot be undone."
                trigger={
                  <Button variant="ghost" size="icon" aria-label={`Delete objective ${objective.title}`}>
                    <SpriteIcon name="trash" />
                  </Button>
                }
              />
            </div>
          ) : null}
        </div>
      </div>

      {kpis.length ? (
        <Table scrollLabel={`KPIs of ${objective.title}`}>
          <TableHeader>
            <TableRow>
              <TableHead>KPI</TableHead>
              <TableHead>Latest</TableHead>
              <TableHead>Target</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Score</TableHead>
              <TableHead>Trend</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead>Weight</TableHead>
              {canWrite ? <TableHead align="right">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.map(({ kpi, evaluation }) => (
              <TableRow key={kpi.id} data-testid="kpi-row">
                <TableCell className="min-w-48">
                  {/* No prefetch: each live refresh would prefetch every visible KPI page again. */}
                  <Link href={`/t/${team}/scorecards/${scorecardId}/kpis/${kpi.id}`} prefetch={false} className="font-medium underline-offset-4 hover:underline">
                    {kpi.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">{INDICATOR_LABELS[kpi.indicator]}</span>
                  <EditingMarker scope={presenceScope} target={`kpi:${kpi.id}`} />
                  <CommentsButton entityType="kpi" entityId={kpi.id} label={kpi.name} compact />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <span className="tabular-nums">{formatKpiValue(evaluation.value, kpi)}</span>
                  {evaluation.period ? <span className="block text-xs text-muted-foreground">{formatPeriod(evaluation.period, kpi.frequency, calendar)}</span> : null}
                </TableCell>
                <TableCell className="text-sm">{describeThresholds(kpi)}</TableCell>
                <TableCell>
                  <StatusBadge status={evaluation.status} stale={evaluation.stale} size="sm" data-testid={`kpi-status-${kpi.id}`} />
                </TableCell>
                <TableCell className="tabular-nums" data-testid={`kpi-score-${kpi.id}`}>
                  {formatScore(evaluation.score)}
                </TableCell>
                <TableCell className="text-sm">
                  <TrendLabel trend={evaluation.trend} />
                </TableCell>
                <TableCell className="text-sm">{kpi.ownerId ? (memberName.get(kpi.ownerId) ?? "Former member") : "—"}</TableCell>
                <TableCell className="text-sm tabular-nums">
                  {kpi.weight} <span className="text-muted-foreground">({weightShare(kpi.weight, kpiSiblingWeights)})</span>
                </TableCell>
                {canWrite ? (
                  <TableCell>
                    <div className="flex justify-end gap-1">
                      <KpiDialog action={actions.updateKpi} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={members} kpi={kpi} presenceScope={presenceScope} />
                      <ConfirmDelete
                        action={actions.deleteKpi}
                        team={team}
                        version={kpi.version}
                        fields={{ kpiId: kpi.id }}
                        title={`Delete KPI “${kpi.name}”?`}
                        description="Its values and target history go with it. This cannot be undone."
                        trigger={
                          <Button variant="ghost" size="icon" aria-label={`Delete KPI ${kpi.name}`}>
                            <SpriteIcon name="trash" />
                          </Button>
                        }
                      />
                    </div>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">No KPI yet: this objective cannot be scored until it has one.</p>
      )}

      {initiatives.length ? (
        <div className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Initiatives</h4>
          <ul className="flex flex-col gap-2">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="grid gap-2 rounded-md bg-muted/60 p-3 text-sm sm:grid-cols-[1fr_12rem_auto] sm:items-center">
                <div className="flex min-w-0 flex-col gap-1">
                  <span className="font-medium break-words">{initiative.title}</span>
                  <span className="flex flex-wrap gap-x-3 text-muted-foreground">
                    <Badge variant="outline">{INITIATIVE_STATUS_LABELS[initiative.status]}</Badge>
                    <span>{initiative.ownerId ? (memberName.get(initiative.ownerId) ?? "Former member") : "No owner"}</span>
                    <span>
                      {initiative.startDate ?? "…"} → {initiative.dueDate ?? "…"}
                    </span>
                    {initiative.budget !== null ? <span>Budget {money.format(initiative.budget)}</span> : null}
                  </span>
                </div>
                <Progress value={initiative.progress} label={`Progress of ${initiative.title}`} hideLabel />
                <div className="flex justify-end gap-1">
                  <CommentsButton entityType="initiative" entityId={initiative.id} label={initiative.title} compact />
                  {canWrite ? (
                    <>
                      <InitiativeDialog action={actions.updateInitiative} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={members} initiative={initiative} />
                      <ConfirmDelete
                        action={actions.deleteInitiative}
                        team={team}
                        version={initiative.version}
                        fields={{ initiativeId: initiative.id }}
                        title={`Delete initiative “${initiative.title}”?`}
                        description="This cannot be undone."
                        trigger={
                          <Button variant="ghost" size="icon" aria-label={`Delete initiative ${initiative.title}`}>
                            <SpriteIcon name="trash" />
                          </Button>
                        }
                      />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <KpiLibraryPicker
            action={actions.addKpisFromLibrary}
            team={team}
            objectiveId={objective.id}
            objectiveTitle={objective.title}
            perspectiveKind={perspectiveKind}
            stages={stages.map((s) => s.name)}
            existingNames={kpis.map((k) => k.kpi.name)}
          />
          <KpiDialog action={actions.createKpi} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={members} />
          <InitiativeDialog action={actions.createInitiative} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={members} />
        </div>
      ) : null}
    </article>
  );
}
