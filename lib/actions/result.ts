import type { FieldErrors, SavedBy } from "@/lib/errors";

/** What every server action returns to its form (useActionState). */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; status: number; code: string; message: string; fieldErrors?: FieldErrors; current?: unknown; savedBy?: SavedBy; retryAfter?: number };

export type ActionState<T = unknown> = ActionResult<T> | null;

/** Form helpers: the first error of one field, for rendering next to it. */
export function fieldError(state: ActionState | undefined, field: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
}
