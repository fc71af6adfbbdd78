import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { AppError, toAppError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/errors";
import { formDataToObject } from "./form-input";
import type { ActionResult, ActionState } from "./result";

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
  return async (_previous: ActionState<R>, formData: FormData): Promise<ActionResult<R>> => {
    try {
      const user = await getCurrentUser();
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
}
