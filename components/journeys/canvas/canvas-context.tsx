"use client";
// The editable canvas's shared client state: the one way a canvas control saves (with optimistic
// moves, a polite announcement, a form-level error, and the keep-mine / take-theirs choice on
// a 409), the drag in progress, and where keyboard focus goes after a move.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useOptimistic, useRef, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { SavedBy } from "@/lib/errors";
import type { CanvasStage } from "@/lib/journeys/canvas";
import { applyCanvasOp, type CanvasOp, type LaneKey } from "@/lib/journeys/canvas-ops";

export type CanvasAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export interface RunOptions {
  action: CanvasAction;
  input: Record<string, unknown>;
  /** Applied at once, undone if the save fails. */
  op?: CanvasOp;
  /** Announced to screen readers when the save succeeds. */
  success?: string;
  /** Element id to keep focus on while the canvas re-renders (keyboard moves). */
  focus?: string;
}

export interface Conflict {
  message: string;
  current: Record<string, unknown>;
  /** Who saved the version now current, when the activity log knows. */
  savedBy?: SavedBy;
  retry: RunOptions;
}

export type DragItem = { kind: "stage"; stageId: string } | { kind: "card"; lane: LaneKey; cardId: string; stageId: string };

interface CanvasContextValue {
  team: string;
  journeyId: string;
  members: Array<{ userId: string; name: string }>;
  stages: CanvasStage[];
  saving: boolean;
  run(options: RunOptions): Promise<ActionResult<unknown>>;
  announce(message: string): void;
  drag: DragItem | null;
  setDrag(item: DragItem | null): void;
  /** The last failed save, for the canvas-level alert. */
  error: string | null;
  dismissError(): void;
  conflict: Conflict | null;
  resolveConflict(choice: "mine" | "theirs"): void;
  /** The text of the polite live region. */
  announcement: string;
}

const CanvasContext = createContext<CanvasContextValue | null>(null);

export function useCanvas(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (!value) throw new Error("useCanvas must be used inside <CanvasProvider>");
  return value;
}

const ID_FIELDS = ["stageId", "touchpointId", "noteId", "cardId", "journeyId"] as const;
function targetId(input: Record<string, unknown>): unknown {
  for (const field of ID_FIELDS) if (field in input) return input[field];
  return undefined;
}

export function CanvasProvider({
  team,
  journeyId,
  members,
  stages: saved,
  children,
}: {
  team: string;
  journeyId: string;
  members: Array<{ userId: string; name: string }>;
  stages: CanvasStage[];
  children: ReactNode;
}) {
  const router = useRouter();
  const [saving, startTransition] = useTransition();
  const [stages, applyOp] = useOptimistic(saved, applyCanvasOp);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [drag, setDrag] = useState<DragItem | null>(null);
  const pendingFocus = useRef<string | null>(null);

  // Moving a row re-renders the canvas twice (optimistic, then saved): keep focus on the control that moved it.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const element = document.getElementById(id);
    if (element && document.activeElement !== element) element.focus();
  });

  const announce = useCallback((message: string) => {
    // Re-setting the same text would not be announced again; a trailing space makes it new.
    setAnnouncement((previous) => (previous === message ? `${message} ` : message));
  }, []);

  // Writes go one at a time, in the order people make them; each uses the newest version this
  // screen knows of its row (its own last save may not have reached the props yet), so two
  // quick edits of one stage never conflict with each other, only with someone else's.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const versions = useRef(new Map<string, number>());

  const execute = useCallback(
    (options: RunOptions) =>
      new Promise<ActionResult<unknown>>((resolve) => {
        if (options.focus) pendingFocus.current = options.focus;
        startTransition(async () => {
          if (options.op) applyOp(options.op);
          const id = targetId(options.input);
          const known = typeof id === "string" ? versions.current.get(id) : undefined;
          const input = known && "version" in options.input && known > Number(options.input.version) ? { ...options.input, version: known } : options.input;
          let result: ActionResult<unknown>;
          try {
            result = await options.action({ team, ...input });
          } catch {
            result = { ok: false, status: 500, code: "internal", message: "The connection failed: nothing was saved. Please try again." };
          }
          if (result.ok) {
            const saved = result.data as { id?: unknown; version?: unknown } | undefined;
            if (typeof saved?.id === "string" && typeof saved.version === "number") versions.current.set(saved.id, saved.version);
            setError(null);
            if (options.success) announce(options.success);
          } else if (result.status === 409 && result.current && typeof result.current === "object" && (result.current as { id?: unknown }).id === id) {
            setConflict({ message: result.message, current: result.current as Record<string, unknown>, savedBy: result.savedBy, retry: options });
            announce(result.message);
          } else {
            const details = result.fieldErrors ? Object.values(result.fieldErrors).flat() : [];
            // Forms show their own field errors; moves and quick edits have no field to show them next to.
            const message = options.op && details.length ? `${result.message} ${details.join(" ")}` : result.message;
            setError(message);
            announce(message);
            if (result.status === 404 || result.status === 409) router.refresh();
          }
          pendingFocus.current = null;
          resolve(result);
        });
      }),
    [team, applyOp, announce, router],
  );

  const run = useCallback(
    (options: RunOptions) => {
      const task = queue.current.then(() => execute(options));
      queue.current = task.catch(() => undefined);
      return task;
    },
    [execute],
  );

  const resolveConflict = useCallback(
    (choice: "mine" | "theirs") => {
      const current = conflict;
      setConflict(null);
      if (!current) return;
      if (choice === "theirs") {
        router.refresh();
        announce("Showing their version.");
        return;
      }
      void run({ ...current.retry, input: { ...current.retry.input, version: current.current.version } });
    },
    [conflict, router, run, announce],
  );

  const dismissError = useCallback(() => setError(null), []);
  const value = useMemo<CanvasContextValue>(
    () => ({ team, journeyId, members, stages, saving, run, announce, drag, setDrag, error, dismissError, conflict, resolveConflict, announcement }),
    [team, journeyId, members, stages, saving, run, announce, drag, error, dismissError, conflict, resolveConflict, announcement],
  );

  return <CanvasContext.Provider value={value}>{children}</CanvasContext.Provider>;
}
