"use client";
// One objective in the editor: its score, owner, weight and stages; its KPIs with latest value,
// status, score and trend; its initiatives. Edit controls only for editors. A client component
// drawn from the objective's own fields and figures (lib/scorecards/editor-view.ts): the page's
// RSC payload then carries each value once instead of every row's markup, and what rows share
// (members, stages, perspectives, actions) comes from the editor's context. Its look is the
// .objective and .kpi-table classes of globals.css, written once instead of on every row.
import Link from "next/link";
import { startTransition, useEffect, useState } from "react";
import { HistoryButton } from "@/components/activity/history-button";
import { CommentsButton } from "@/components/comments/comments-button";
import { EditingMarker } from "@/components/realtime/presence-avatars";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/scroll-table";
import type { PerspectiveKind } from "@/lib/kpi-library";
import type { EditorKpi, EditorObjective, InitiativeFormValues } from "@/lib/scorecards/editor-view";
import { INDICATOR_LABELS, INITIATIVE_STATUS_LABELS } from "@/lib/scorecards/display";
import { ConfirmDelete } from "./confirm-delete";
import { useEditor } from "./editor-context";
import { InitiativeDialog } from "./initiative-dialog";
import { KpiDialog } from "./kpi-dialog";
import { KpiLibraryPicker } from "./kpi-library-picker";
import { ObjectiveContributions } from "./objective-contributions";
import { ObjectiveDialog } from "./objective-dialog";
import { RollupSummary, TrendLabel } from "./rollup-summary";

const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * A perspective's objective cards. The server draws the first `eager` (the page's first screens,
 * see eagerObjectiveCounts); the browser draws the others as soon as the page has hydrated, from
 * the same data, which the page already carries. A large scorecard's HTML then holds its first
 * screens once, not every row twice (markup and payload), and the server renders a quarter of it.
 */
export function ObjectiveCards({
  objectives, perspectiveId, perspectiveKind, eager,
}: {
  objectives: readonly EditorObjective[];
  perspectiveId: string;
  perspectiveKind: PerspectiveKind;
  eager: number;
}) {
  const [all, setAll] = useState(eager >= objectives.length);
  useEffect(() => {
    // A transition: the rows below the first screens never hold up a click or a keystroke.
    if (!all) startTransition(() => setAll(true));
  }, [all]);
  const shown = all ? objectives : objectives.slice(0, eager);
  return (
    <>
      {shown.map((objective) => (
        <ObjectiveCard key={objective.id} objective={objective} perspectiveId={perspectiveId} perspectiveKind={perspectiveKind} />
      ))}
      {shown.length < objectives.length ? (
        <p className="text-sm text-muted-foreground" data-testid="objectives-pending">
          {`${objectives.length - shown.length} more ${objectives.length - shown.length === 1 ? "objective" : "objectives"} below, shown once the page has loaded.`}
        </p>
      ) : null}
    </>
  );
}

export function ObjectiveCard({ objective, perspectiveId, perspectiveKind }: { objective: EditorObjective; perspectiveId: string; perspectiveKind: PerspectiveKind }) {
  const editor = useEditor();
  const { team, canWrite, actions, presenceScope, members, stages, perspectives } = editor;
  const { id, title, kpis, initiatives } = objective;
  const served = objective.stageIds.map((s) => editor.stageName.get(s)).filter((n): n is string => Boolean(n));
  const headingId = `objective-${id}`;

  return (
    <article aria-labelledby={headingId} className="objective" data-testid="objective">
      <div className="objective-head">
        <div className="objective-info">
          <h3 id={headingId}>{title}</h3>
          <EditingMarker scope={presenceScope} target={`objective:${id}`} />
          {objective.description ? <p className="muted">{objective.description}</p> : null}
          <p className="objective-meta">
            <span>{`Owner: ${editor.memberName(objective.ownerId, "nobody yet")}`}</span>
            <span>{`Weight ${objective.weight} (${objective.share} of the perspective)`}</span>
          </p>
          <div className="objective-stages">
            <span className="muted">Serves:</span>
            {served.length ? served.map((name) => <Badge key={name} variant="secondary">{name}</Badge>) : <span className="muted">no journey stage</span>}
          </div>
          <ObjectiveContributions objective={objective} />
          <div className="objective-tools">
            <CommentsButton entityType="objective" entityId={id} label={title} />
            <HistoryButton entityType="objective" entityId={id} label={title} />
          </div>
        </div>
        <div className="objective-side">
          <RollupSummary rollup={objective.rollup} of={title} counted="KPIs" testId={`objective-score-${id}`} />
          {canWrite ? (
            <div className="row-actions">
              <ObjectiveDialog
                action={actions.updateObjective}
                team={team}
                perspectiveId={perspectiveId}
                perspectiveName=""
                perspectives={perspectives}
                stages={stages}
                members={members}
                objective={{ ...objective, perspectiveId }}
                presenceScope={presenceScope}
              />
              <ConfirmDelete
                action={actions.deleteObjective}
                team={team}
                version={objective.version}
                fields={{ objectiveId: id }}
                title={`Delete objective “${title}”?`}
                description="It moves to the recycle bin with its KPIs, their values, its initiatives and its strategy-map links, where it can be restored for 30 days."
                trigger={
                  <Button variant="ghost" size="icon" aria-label={`Delete objective ${title}`}>
                    <SpriteIcon name="trash" />
                  </Button>
                }
              />
            </div>
          ) : null}
        </div>
      </div>

      {kpis.length ? (
        <Table scrollLabel={`KPIs of ${title}`} className="kpi-table">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Latest</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              <th scope="col">Score</th>
              <th scope="col">Trend</th>
              <th scope="col">Owner</th>
              <th scope="col">Weight</th>
              {canWrite ? <th scope="col" className="end">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => (
              <KpiRow key={kpi.id} kpi={kpi} objective={objective} />
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="muted">No KPI yet: this objective cannot be scored until it has one.</p>
      )}

      {initiatives.length ? (
        <div className="objective-initiatives">
          <h4>Initiatives</h4>
          <ul>
            {initiatives.map((initiative) => (
              <InitiativeItem key={initiative.id} initiative={initiative} objective={objective} />
            ))}
          </ul>
        </div>
      ) : null}

      {canWrite ? (
        <div className="objective-add">
          <KpiLibraryPicker
            action={actions.addKpisFromLibrary}
            team={team}
            objectiveId={id}
            objectiveTitle={title}
            perspectiveKind={perspectiveKind}
            stages={stages.map((s) => s.name)}
            existingNames={kpis.map((k) => k.name)}
          />
          <KpiDialog action={actions.createKpi} team={team} objectiveId={id} objectiveTitle={title} members={members} />
          <InitiativeDialog action={actions.createInitiative} team={team} objectiveId={id} objectiveTitle={title} members={members} />
        </div>
      ) : null}
    </article>
  );
}

function KpiRow({ kpi, objective }: { kpi: EditorKpi; objective: EditorObjective }) {
  const editor = useEditor();
  const { team, scorecardId, canWrite, actions, presenceScope } = editor;
  return (
    <tr data-testid="kpi-row">
      <td className="kpi-name">
        {/* No prefetch: each live refresh would prefetch every visible KPI page again. */}
        <Link href={`/t/${team}/scorecards/${scorecardId}/kpis/${kpi.id}`} prefetch={false}>
          {kpi.name}
        </Link>
        <span className="sub">{INDICATOR_LABELS[kpi.indicator]}</span>
        <EditingMarker scope={presenceScope} target={`kpi:${kpi.id}`} />
        <CommentsButton entityType="kpi" entityId={kpi.id} label={kpi.name} compact />
      </td>
      <td className="nowrap">
        <span className="num">{kpi.latest}</span>
        {kpi.period ? <span className="sub">{kpi.period}</span> : null}
      </td>
      <td>{kpi.thresholds}</td>
      <td>
        <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" />
      </td>
      <td className="num">{kpi.score}</td>
      <td>
        <TrendLabel trend={kpi.trend} />
      </td>
      <td>{editor.memberName(kpi.ownerId, "—")}</td>
      <td className="num">
        {`${kpi.weight} `}
        <span className="muted">{`(${kpi.share})`}</span>
      </td>
      {canWrite ? (
        <td>
          <div className="row-actions">
            <KpiDialog action={actions.updateKpi} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={editor.members} kpi={kpi} presenceScope={presenceScope} />
            <ConfirmDelete
              action={actions.deleteKpi}
              team={team}
              version={kpi.version}
              fields={{ kpiId: kpi.id }}
              title={`Delete KPI “${kpi.name}”?`}
              description="It moves to the recycle bin with its values and target history, where it can be restored for 30 days."
              trigger={
                <Button variant="ghost" size="icon" aria-label={`Delete KPI ${kpi.name}`}>
                  <SpriteIcon name="trash" />
                </Button>
              }
            />
          </div>
        </td>
      ) : null}
    </tr>
  );
}

function InitiativeItem({ initiative, objective }: { initiative: InitiativeFormValues; objective: EditorObjective }) {
  const editor = useEditor();
  const { team, canWrite, actions } = editor;
  return (
    <li>
      <div className="objective-info">
        <span className="initiative-title">{initiative.title}</span>
        <span className="initiative-meta">
          <Badge variant="outline">{INITIATIVE_STATUS_LABELS[initiative.status]}</Badge>
          <span>{editor.memberName(initiative.ownerId, "No owner")}</span>
          <span>{`${initiative.startDate ?? "…"} → ${initiative.dueDate ?? "…"}`}</span>
          {initiative.budget !== null ? <span>{`Budget ${money.format(initiative.budget)}`}</span> : null}
        </span>
      </div>
      {/* The native progressbar: its name, value and bar in one element (globals.css draws it). */}
      <div className="initiative-progress">
        <span aria-hidden="true">{`${initiative.progress}%`}</span>
        <progress value={initiative.progress} max={100} aria-label={`Progress of ${initiative.title}`} />
      </div>
      <div className="row-actions">
        <CommentsButton entityType="initiative" entityId={initiative.id} label={initiative.title} compact />
        {canWrite ? (
          <>
            <InitiativeDialog action={actions.updateInitiative} team={team} objectiveId={objective.id} objectiveTitle={objective.title} members={editor.members} initiative={initiative} />
            <ConfirmDelete
              action={actions.deleteInitiative}
              team={team}
              version={initiative.version}
              fields={{ initiativeId: initiative.id }}
              title={`Delete initiative “${initiative.title}”?`}
              description="It moves to the recycle bin, where it can be restored for 30 days."
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
  );
}

/** "Add objective" under a perspective's objectives, for editors. */
export function NewObjectiveButton({ perspectiveId, perspectiveName }: { perspectiveId: string; perspectiveName: string }) {
  const { team, canWrite, actions, perspectives, stages, members } = useEditor();
  if (!canWrite) return null;
  return (
    <div>
      <ObjectiveDialog
        action={actions.createObjective}
        team={team}
        perspectiveId={perspectiveId}
        perspectiveName={perspectiveName}
        perspectives={perspectives}
        stages={stages}
        members={members}
      />
    </div>
  );
}
