"use client";
// ActionForm's answer to a 409: what the person has beside what is saved now (and who saved it),
// and the choice of keep mine / take theirs / edit. Only needed once a write is refused as
// stale, so ActionForm fetches this module then instead of carrying it on every page.
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { ConflictValues, theirsLabel } from "@/components/ui/conflict-values";
import { conflictRows, versionOf, type ConflictRow, type FormFieldSnapshot } from "@/lib/collaboration/conflict-fields";
import type { SavedBy } from "@/lib/errors";
import { controlOf, fillFields, snapshotFields } from "./form-snapshot";

export interface Conflict {
  current: Record<string, unknown>;
  version: number | null;
  savedBy?: SavedBy;
  fields: FormFieldSnapshot[];
  rows: ConflictRow[];
  /** The person chose to edit: the panel becomes a reference beside the fields. */
  editing: boolean;
}

/** What the person has in the form, read as it was sent, beside what is saved now. */
export function readConflict(form: HTMLFormElement | null, result: { current?: unknown; savedBy?: SavedBy }): Conflict {
  const current = result.current && typeof result.current === "object" ? (result.current as Record<string, unknown>) : {};
  const fields = form ? snapshotFields(form) : [];
  return { current, version: versionOf(current), savedBy: result.savedBy, fields, rows: conflictRows(fields, current), editing: false };
}

export function ConflictPanel({
  id,
  conflict,
  form,
  panel,
  onKeepMine,
  onTakeTheirs,
  onEdit,
}: {
  id: string;
  conflict: Conflict;
  form: RefObject<HTMLFormElement | null>;
  panel: RefObject<HTMLDivElement | null>;
  onKeepMine: (conflict: Conflict) => void;
  onTakeTheirs: (conflict: Conflict) => void;
  onEdit: (conflict: Conflict) => void;
}) {
  const values = conflict.rows.map((row) => ({ key: row.name, label: row.label, mine: row.mine, theirs: row.theirs }));
  const labels = { theirs: theirsLabel(conflict.savedBy), mine: "Yours" };

  function takeTheirs() {
    if (form.current) fillFields(form.current, conflict.fields, conflict.current);
    onTakeTheirs(conflict);
  }

  function edit() {
    onEdit(conflict);
    const first = conflict.rows[0] && form.current ? controlOf(form.current, conflict.rows[0].name) : undefined;
    // After the re-render, so focus lands on the field and not on a panel about to change.
    setTimeout(() => (first ?? form.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea"))?.focus(), 0);
  }

  if (conflict.editing) {
    return (
      <section aria-labelledby={`${id}-reference-title`} data-testid="conflict-reference" className="flex flex-col gap-2 rounded-md border bg-muted p-3 text-sm">
        <p id={`${id}-reference-title`} className="font-semibold">
          Editing over their version
        </p>
        <p>Saving now replaces theirs with what the form holds. What they saved, beside what you had:</p>
        <ConflictValues values={values} labels={labels} />
      </section>
    );
  }
  return (
    <div
      ref={panel}
      role="alertdialog"
      aria-labelledby={`${id}-conflict-title`}
      aria-describedby={`${id}-conflict-description`}
      tabIndex={-1}
      data-testid="conflict"
      className="flex flex-col gap-3 rounded-md border border-status-amber-border bg-status-amber-bg p-3 text-sm text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <p id={`${id}-conflict-title`} className="font-semibold text-status-amber">
        Someone else changed this while you were editing
      </p>
      <p id={`${id}-conflict-description`}>
        {values.length > 0
          ? "Their change is saved. Keep yours to save it over theirs, take theirs and drop yours, or edit yours first."
          : "Their change is saved, and nothing on this form differs from it. Keep yours to save it over their version, or take theirs."}
      </p>
      {values.length > 0 ? <ConflictValues values={values} labels={labels} /> : null}
      <div className="flex flex-wrap gap-2">
        {conflict.version !== null ? (
          <Button size="sm" onClick={() => onKeepMine(conflict)}>
            Keep mine
          </Button>
        ) : null}
        <Button size="sm" variant="outline" onClick={takeTheirs}>
          Take theirs
        </Button>
        {conflict.version !== null && values.length > 0 ? (
          <Button size="sm" variant="outline" onClick={edit}>
            Edit
          </Button>
        ) : null}
      </div>
    </div>
  );
}
