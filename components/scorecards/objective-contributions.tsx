"use client";
// Cascade on one objective of the editor: the objectives of scorecards above that it contributes
// to (each removable), and a choice among the others to add. Shown only below a root scorecard:
// the options are the ancestors' objectives, the only ones the server accepts.
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { ActionForm } from "./action-form";
import { useEditor } from "./editor-context";

export function ObjectiveContributions({ objective }: { objective: { id: string; title: string; version: number } }) {
  const { team, canWrite, actions, contributions } = useEditor();
  if (!contributions || contributions.targets.length === 0) return null;
  const current = new Set(contributions.byObjective[objective.id] ?? []);
  const chosen = contributions.targets.filter((t) => current.has(t.id));
  const open = contributions.targets.filter((t) => !current.has(t.id));
  const selectId = `contribute-${objective.id}`;
  return (
    <div className="objective-stages" data-testid="objective-contributions">
      <span className="muted">Contributes to:</span>
      {chosen.length === 0 ? <span className="muted">nothing above yet</span> : null}
      {chosen.map((t) => (
        <span key={t.id} className="inline-flex items-center gap-1">
          <Badge variant="outline">{`${t.title} · ${t.scorecardName}`}</Badge>
          {canWrite ? (
            <ActionForm
              key={objective.version}
              action={actions.removeContribution}
              team={team}
              version={objective.version}
              submitLabel="×"
              pendingLabel="…"
              submitVariant="outline"
              submitAriaLabel={`Stop “${objective.title}” contributing to “${t.title}”`}
              gap={1}
            >
              {() => (
                <>
                  <input type="hidden" name="objectiveId" value={objective.id} />
                  <input type="hidden" name="parentObjectiveId" value={t.id} />
                </>
              )}
            </ActionForm>
          ) : null}
        </span>
      ))}
      {canWrite && open.length ? (
        <ActionForm
          key={`add-${objective.version}`}
          action={actions.addContribution}
          team={team}
          version={objective.version}
          submitLabel="Add"
          pendingLabel="Adding…"
          submitVariant="outline"
          submitAriaLabel={`Add a contribution of “${objective.title}”`}
          gap={1}
          className="flex-row items-center"
        >
          {() => (
            <span className="inline-flex items-center gap-2">
              <input type="hidden" name="objectiveId" value={objective.id} />
              <label htmlFor={selectId} className="sr-only">{`Objective above that “${objective.title}” contributes to`}</label>
              <Select id={selectId} name="parentObjectiveId" defaultValue="">
                <option value="" disabled>
                  Choose an objective above…
                </option>
                {open.map((t) => (
                  <option key={t.id} value={t.id}>{`${t.title} (${t.scorecardName})`}</option>
                ))}
              </Select>
            </span>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
