import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { AppError, toAppError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/errors";
import { formDataToObject } from "./form-input";
import type { ActionResult, ActionState } from "./result";

export interface RegisteredUserAction {
  name: string;
  auth: "required" | "optional";
  /** The action's chain for a given person, without Next's request scope (the access matrix calls this). */
  runAs(user: SessionUser | null, input: FormData | Record<string, unknown>): Promise<ActionResult>;
}

/** Every user action registers itself, so the access matrix can check that each signed-in-only one refuses anonymous callers. */
export const userActionRegistry = new Map<string, RegisteredUserAction>();

/**
 * Server actions outside a team (sign-up, account, creating a team): the same parse →
 * run → translate chain as teamAction. `auth: "required"` refuses anonymous callers.
 */
export function userAction<S extends z.ZodType, R>(
  name: string,
  definition: {
    auth: "required" | "optional";
    schema: S;
    handler: (input: z.infer<S>, user: SessionUser | null) => Promise<R>;
  },
) {
  const runAs = async (user: SessionUser | null, formData: FormData | Record<string, unknown>): Promise<ActionResult<R>> => {
    try {
      if (definition.auth === "required" && !user) throw new AppError("unauthenticated", "Please sign in.");
      const parsed = definition.schema.safeParse(formDataToObject(formData));
      if (!parsed.success) throw new AppError("validation", "Please correct the highlighted fields.", { fieldErrors: zodFieldErrors(parsed.error) });
      return { ok: true, data: await definition.handler(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error);
      const e = toAppError(error, `action ${name}`);
      return { ok: false, status: e.status, code: e.code, message: e.message, fieldErrors: e.extra.fieldErrors, retryAfter: e.extra.retryAfter };
    }
  };
  userActionRegistry.set(name, { name, auth: definition.auth, runAs });
  return async (_previous: ActionState<R>, formData: FormData): Promise<ActionResult<R>> => runAs(await getCurrentUser(), formData);
}
