"use client";
// CellDetailsDialog: one cell's value and note (editable by editors) and its edit history —
// the activity rows of this KPI and period, newest first.
import { useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { MeasurementHistoryEntry } from "@/db/queries/measurements";
import { formatWithUnit, formatValue } from "@/lib/measurements/values";
import type { CellRef, CellState, GridAction } from "./measurement-grid";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function CellDetailsDialog({
  team,
  scorecardId,
  canEdit,
  cell,
  state,
  history,
  onSave,
  onClose,
}: {
  team: string;
  scorecardId: string;
  canEdit: boolean;
  cell: CellRef;
  state: CellState;
  history: GridAction<MeasurementHistoryEntry[]>;
  onSave: (value: string, note: string) => Promise<void>;
  onClose: () => void;
}) {
  const { kpi, column } = cell;
  const [value, setValue] = useState(state.value === null ? "" : formatValue(state.value));
  const [note, setNote] = useState(state.note);
  const [entries, setEntries] = useState<MeasurementHistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const show = (v: { value: number } | null) => (v ? formatWithUnit(v.value, kpi.unit, kpi.currency) : "no value");

  useEffect(() => {
    let cancelled = false;
    history({ team, scorecardId, kpiId: kpi.kpiId, period: column.period })
      .then((result) => {
        if (cancelled) return;
        if (result.ok) setEntries(result.data ?? []);
        else setHistoryError(result.message);
      })
      .catch(() => !cancelled && setHistoryError("The history could not be loaded."));
    return () => {
      cancelled = true;
    };
    // The history belongs to the cell; a new save re-opens the dialog with a new key.
  }, [history, team, scorecardId, kpi.kpiId, column.period, state.version]);

  const id = `cell-${kpi.kpiId}-${column.period}`;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent title={`${kpi.name}, ${column.label}`} description="Value, note and edit history of this cell." onCloseAutoFocus={(e) => e.preventDefault()}>
        {canEdit ? (
          <form
            className="flex flex-col gap-4"
            onSubmit={async (event) => {
              event.preventDefault();
              setSaving(true);
              try {
                await onSave(value, note);
              } finally {
                setSaving(false);
              }
            }}
          >
            <FormField id={`${id}-value`} label="Value" description={kpi.unit === "percent" ? "A percentage from 0 to 100." : undefined}>
              <Input inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
            </FormField>
            <FormField id={`${id}-note`} label="Note" description="Why the value is what it is: a source, an incident, a change of method.">
              <Textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose}>
                Close
              </Button>
              <Button type="submit" disabled={saving}>
                {saving ? "Saving…" : "Save value and note"}
              </Button>
            </DialogFooter>
          </form>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Value</dt>
            <dd className="tabular-nums">{state.value === null ? "no value" : formatWithUnit(state.value, kpi.unit, kpi.currency)}</dd>
            <dt className="text-muted-foreground">Note</dt>
            <dd>{state.note || "none"}</dd>
          </dl>
        )}

        <section aria-labelledby={`${id}-history`} className="flex flex-col gap-2">
          <h3 id={`${id}-history`} className="text-sm font-semibold">
            Edit history
          </h3>
          {historyError ? <Alert variant="error">{historyError}</Alert> : null}
          {entries === null && !historyError ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
          {entries && entries.length === 0 ? (
            <p className="text-sm text-muted-foreground">No edits recorded for this cell (values loaded before the history began have none).</p>
          ) : null}
          {entries && entries.length > 0 ? (
            <ol className="flex max-h-60 flex-col gap-2 overflow-y-auto text-sm" data-testid="cell-history">
              {entries.map((entry) => (
                <li key={entry.seq} className="rounded-md border px-3 py-2">
                  <p>
                    <span className="font-medium">{entry.actorName ?? "Someone"}</span>{" "}
                    {entry.action === "create" ? `entered ${show(entry.after)}` : entry.action === "delete" ? `removed ${show(entry.before)}` : `changed ${show(entry.before)} → ${show(entry.after)}`}
                  </p>
                  {entry.action === "update" && entry.before?.note !== entry.after?.note ? (
                    <p className="text-muted-foreground">
                      Note: {entry.before?.note ? `“${entry.before.note}”` : "none"} → {entry.after?.note ? `“${entry.after.note}”` : "none"}
                    </p>
                  ) : entry.after?.note && entry.action === "create" ? (
                    <p className="text-muted-foreground">Note: “{entry.after.note}”</p>
                  ) : null}
                  <p className="text-xs text-muted-foreground">
                    <time dateTime={new Date(entry.createdAt).toISOString()}>{when.format(new Date(entry.createdAt))}</time>
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      </DialogContent>
    </Dialog>
  );
}
