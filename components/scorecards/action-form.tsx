"use client";
// A form bound to one team action: hidden team (and version), the form-level message, the
// submit button with its pending state, and on a 409 the conflict panel: both values of every
// field that differs, and the choice of keep mine / take theirs / edit.
import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConflictValues, theirsLabel } from "@/components/ui/conflict-values";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { conflictRows, versionOf, type ConflictRow, type FormFieldSnapshot } from "@/lib/collaboration/conflict-fields";
import type { SavedBy } from "@/lib/errors";
import { controlOf, fillFields, snapshotFields } from "./form-snapshot";

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionResult>;

export interface ActionFormProps {
  action: FormAction;
  team: string;
  /** The version the person is editing: captured once, so a live refresh never moves it silently. */
  version?: number;
  submitLabel: ReactNode;
  pendingLabel?: string;
  submitVariant?: "default" | "destructive" | "outline" | "secondary";
  /** When the visible label is ambiguous in a list ("Archive" → "Archive Acme 2026"). */
  submitAriaLabel?: string;
  onSuccess?: (result: Extract<ActionResult, { ok: true }>) => void;
  /** Extra buttons beside submit (e.g. Cancel). */
  secondary?: ReactNode;
  className?: string;
  children?: (state: ActionState) => ReactNode;
}

interface Conflict {
  current: Record<string, unknown>;
  version: number | null;
  savedBy?: SavedBy;
  fields: FormFieldSnapshot[];
  rows: ConflictRow[];
  /** The person chose to edit: the panel becomes a reference beside the fields. */
  editing: boolean;
}

export function ActionForm({ action, team, version, submitLabel, pendingLabel = "Saving…", submitVariant = "default", submitAriaLabel, onSuccess, secondary, className, children }: ActionFormProps) {
  const [baseVersion, setBaseVersion] = useState(version);
  const form = useRef<HTMLFormElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [state, setState] = useState<ActionState>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();

  // The choice is the next thing to do: focus goes to it as soon as it shows.
  const asking = conflict !== null && !conflict.editing;
  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking, conflict]);

  // The action is awaited directly, outside any transition: our own state (result, pending,
  // dialog open) then commits even when the router's refresh after a revalidating action is
  // held up by a live refresh landing at the same moment (useActionState would stay pending).
  async function submit(formData: FormData) {
    setPending(true);
    try {
      const result = await action(state, formData);
      setState(result);
      if (result.ok) {
        setConflict(null);
        // A form that stays open edits the version it just wrote.
        const written = result.data && typeof result.data === "object" && "version" in result.data ? Number(result.data.version) : NaN;
        if (Number.isInteger(written)) setBaseVersion(written);
        onSuccess?.(result);
      } else if (result.status === 409) {
        const current = result.current && typeof result.current === "object" ? (result.current as Record<string, unknown>) : {};
        // What the person has in the form, read as it was sent, beside what is saved now.
        const fields = form.current ? snapshotFields(form.current) : [];
        setConflict({ current, version: versionOf(current), savedBy: result.savedBy, fields, rows: conflictRows(fields, current), editing: false });
      } else {
        setConflict(null);
      }
    } catch {
      setState({ ok: false, status: 0, code: "network", message: "The server could not be reached. Nothing was saved; please try again." });
    } finally {
      setPending(false);
    }
  }

  function keepMine(c: Conflict) {
    if (c.version === null) return;
    setBaseVersion(c.version);
    setConflict(null);
    // Submit once React has rendered the new version into the hidden field.
    setTimeout(() => form.current?.requestSubmit(), 0);
  }

  function takeTheirs(c: Conflict) {
    if (form.current) fillFields(form.current, c.fields, c.current);
    if (c.version !== null) setBaseVersion(c.version);
    setConflict(null);
    setState(null);
    router.refresh();
    onSuccess?.({ ok: true });
  }

  function edit(c: Conflict) {
    if (c.version !== null) setBaseVersion(c.version);
    setConflict({ ...c, editing: true });
    const first = c.rows[0] && form.current ? controlOf(form.current, c.rows[0].name) : undefined;
    // After the re-render, so focus lands on the field and not on a panel about to change.
    setTimeout(() => (first ?? form.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea"))?.focus(), 0);
  }

  const values = conflict?.rows.map((row) => ({ key: row.name, label: row.label, mine: row.mine, theirs: row.theirs })) ?? [];
  const labels = { theirs: theirsLabel(conflict?.savedBy), mine: "Yours" };

  return (
    <form
      ref={form}
      noValidate
      className={cn("flex flex-col gap-4", className)}
      // Submitting by hand (not <form action>) also keeps what the person typed when the server
      // refuses it: React resets uncontrolled fields after a form action, even a failed one.
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) void submit(new FormData(event.currentTarget));
      }}
    >
      <input type="hidden" name="team" value={team} />
      {baseVersion !== undefined ? <input type="hidden" name="version" value={baseVersion} /> : null}
      {conflict && !conflict.editing ? (
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
              <Button size="sm" onClick={() => keepMine(conflict)}>
                Keep mine
              </Button>
            ) : null}
            <Button size="sm" variant="outline" onClick={() => takeTheirs(conflict)}>
              Take theirs
            </Button>
            {conflict.version !== null && values.length > 0 ? (
              <Button size="sm" variant="outline" onClick={() => edit(conflict)}>
                Edit
              </Button>
            ) : null}
          </div>
        </div>
      ) : conflict?.editing ? (
        <section aria-labelledby={`${id}-reference-title`} data-testid="conflict-reference" className="flex flex-col gap-2 rounded-md border bg-muted p-3 text-sm">
          <p id={`${id}-reference-title`} className="font-semibold">
            Editing over their version
          </p>
          <p>Saving now replaces theirs with what the form holds. What they saved, beside what you had:</p>
          <ConflictValues values={values} labels={labels} />
        </section>
      ) : state && !state.ok && state.status !== 409 ? (
        <Alert variant="error">{state.message}</Alert>
      ) : null}
      {children?.(state)}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {secondary}
        <Button type="submit" variant={submitVariant} disabled={pending} aria-label={submitAriaLabel}>
          {pending ? (
            <>
              <LoaderCircle aria-hidden="true" className="animate-spin" />
              {pendingLabel}
            </>
          ) : (
            submitLabel
          )}
        </Button>
      </div>
    </form>
  );
}
