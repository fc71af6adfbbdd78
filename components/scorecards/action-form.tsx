"use client";
// A form bound to one team action: hidden team (and version), the form-level message, the
// submit button with its pending state, and the "changed by someone else" choice on a 409.
import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { cn } from "@/lib/cn";

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

export function ActionForm({ action, team, version, submitLabel, pendingLabel = "Saving…", submitVariant = "default", submitAriaLabel, onSuccess, secondary, className, children }: ActionFormProps) {
  const [baseVersion, setBaseVersion] = useState(version);
  const [resolved, setResolved] = useState<ActionState>(null);
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [state, setState] = useState<ActionState>(null);
  const [pending, setPending] = useState(false);

  // The action is awaited directly, outside any transition: our own state (result, pending,
  // dialog open) then commits even when the router's refresh after a revalidating action is
  // held up by a live refresh landing at the same moment (useActionState would stay pending).
  async function submit(formData: FormData) {
    setPending(true);
    try {
      const result = await action(state, formData);
      setState(result);
      if (result.ok) {
        // A form that stays open edits the version it just wrote.
        const written = result.data && typeof result.data === "object" && "version" in result.data ? Number(result.data.version) : NaN;
        if (Number.isInteger(written)) setBaseVersion(written);
        onSuccess?.(result);
      }
    } catch {
      setState({ ok: false, status: 0, code: "network", message: "The server could not be reached. Nothing was saved; please try again." });
    } finally {
      setPending(false);
    }
  }

  const conflict = state && !state.ok && state.status === 409 && state !== resolved ? state : null;
  const currentVersion = conflict && typeof conflict.current === "object" && conflict.current && "version" in conflict.current ? Number(conflict.current.version) : null;

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
      {conflict ? (
        <Alert variant="warning" title="Someone else changed this while you were editing">
          <p>Their change is saved. Keep yours to save over it, or take theirs to reload.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {currentVersion !== null ? (
              <Button
                size="sm"
                variant="outline"
                onClick={() => {
                  setBaseVersion(currentVersion);
                  setResolved(conflict);
                  // Submit once React has rendered the new version into the hidden field.
                  setTimeout(() => form.current?.requestSubmit(), 0);
                }}
              >
                Keep mine
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                setResolved(conflict);
                router.refresh();
                onSuccess?.({ ok: true });
              }}
            >
              Take theirs
            </Button>
          </div>
        </Alert>
      ) : state && !state.ok && state !== resolved ? (
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
