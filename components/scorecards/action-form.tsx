"use client";
// A form bound to one team action: hidden team (and version), the form-level message, the
// submit button with its pending state, and on a 409 the conflict panel: both values of every
// field that differs, and the choice of keep mine / take theirs / edit.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import type { Conflict } from "./action-form-conflict";

// The conflict panel is needed only after a 409: its code is fetched then, once per page.
type ConflictUi = typeof import("./action-form-conflict");
let conflictUi: ConflictUi | null = null;
async function loadConflictUi(): Promise<ConflictUi> {
  conflictUi ??= await import("./action-form-conflict");
  return conflictUi;
}

const GAP = { 1: "gap-1", 2: "gap-2", 4: "gap-4" } as const;

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
  /** Space between the form's rows: 4 (1rem) by default; less for one-button forms in a row. */
  gap?: 1 | 2 | 4;
  className?: string;
  children?: (state: ActionState) => ReactNode;
}

export function ActionForm({ action, team, version, submitLabel, pendingLabel = "Saving…", submitVariant = "default", submitAriaLabel, onSuccess, secondary, gap = 4, className, children }: ActionFormProps) {
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
        const { readConflict } = await loadConflictUi();
        setConflict(readConflict(form.current, result));
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

  /** The panel has put their values in the fields. */
  function takeTheirs(c: Conflict) {
    if (c.version !== null) setBaseVersion(c.version);
    setConflict(null);
    setState(null);
    router.refresh();
    onSuccess?.({ ok: true });
  }

  /** The panel moves focus to the first differing field. */
  function edit(c: Conflict) {
    if (c.version !== null) setBaseVersion(c.version);
    setConflict({ ...c, editing: true });
  }

  return (
    <form
      ref={form}
      noValidate
      className={cn("flex flex-col", GAP[gap], className)}
      // Submitting by hand (not <form action>) also keeps what the person typed when the server
      // refuses it: React resets uncontrolled fields after a form action, even a failed one.
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) void submit(new FormData(event.currentTarget));
      }}
    >
      <input type="hidden" name="team" value={team} />
      {baseVersion !== undefined ? <input type="hidden" name="version" value={baseVersion} /> : null}
      {conflict && conflictUi ? (
        <conflictUi.ConflictPanel id={id} conflict={conflict} form={form} panel={panel} onKeepMine={keepMine} onTakeTheirs={takeTheirs} onEdit={edit} />
      ) : state && !state.ok && state.status !== 409 ? (
        <Alert variant="error">{state.message}</Alert>
      ) : null}
      {children?.(state)}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {secondary}
        <Button type="submit" variant={submitVariant} disabled={pending} aria-label={submitAriaLabel}>
          {pending ? (
            <>
              <SpriteIcon name="loader-circle" className="animate-spin" />
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
