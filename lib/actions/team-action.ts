import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { inTeam } from "@/db/tenant";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { assertTeamWritable } from "@/lib/billing/access";
import { resolveTeamSession, type TeamSession } from "@/lib/auth/team-context";
import { AppError, toAppError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/errors";
import { formDataToObject } from "./form-input";
import type { ActionResult, ActionState } from "./result";

/**
 * The one way to write a server action on tenant data. Server actions are public POST
 * endpoints, so the chain is fixed and never opt-in:
 *   signed in (401) → member of the URL's team (404) → role allows `permission` (403)
 *   → input parses with `schema` (422) → handler runs inside the team-bound transaction.
 * Every action registers itself, so the access-matrix test enumerates all of them.
 */
export interface ActionContext extends TeamSession {
  tx: Tx;
}

interface Definition<S extends z.ZodType, R, P> {
  permission: Permission;
  schema: S;
  /**
   * Slow work outside the database (a DNS lookup, a call to another server): it runs after
   * every check, before the transaction opens, so no connection waits on it. Its result
   * reaches the handler as `prepared`.
   */
  prepare?: (input: z.infer<S>, context: TeamSession) => Promise<P>;
  handler: (input: z.infer<S>, context: ActionContext & { prepared: P }) => Promise<R>;
  /** Work to do after the transaction commits (notify, send e-mail, revalidate). */
  after?: (result: R, context: TeamSession) => Promise<void> | void;
  /** What the browser gets back, when it must not see everything the handler returned. */
  respond?: (result: R) => unknown;
}

export interface RegisteredAction {
  name: string;
  permission: Permission;
  /** The action's full chain for a given person, without Next's request scope (tests call this). */
  runAs(user: SessionUser | null, input: FormData | Record<string, unknown>): Promise<ActionResult>;
}

export const actionRegistry = new Map<string, RegisteredAction>();

// A team that is read-only for non-payment can still read, leave, fix its billing, and its
// members can still stop its e-mail.
const ALWAYS_ALLOWED: ReadonlySet<Permission> = new Set(["billing.manage", "team.leave", "notifications.preferences"]);
const isWrite = (permission: Permission) => !permission.endsWith(".read") && !ALWAYS_ALLOWED.has(permission);

const teamField = z.object({ team: z.string().trim().min(1, "team is required") });

export function teamAction<S extends z.ZodType, R, P = undefined>(name: string, definition: Definition<S, R, P>) {
  const runAs = async (user: SessionUser | null, raw: FormData | Record<string, unknown>): Promise<ActionResult<R>> => {
    try {
      const input = formDataToObject(raw);
      const team = teamField.safeParse(input);
      if (!team.success) throw new AppError("not_found", "This team was not found.");
      const session = await resolveTeamSession(user, team.data.team);
      if (!can(session.ctx.role, definition.permission)) throw new AppError("forbidden", "Your role does not allow this.");
      if (isWrite(definition.permission)) assertTeamWritable(session.team);
      const parsed = definition.schema.safeParse(input);
      if (!parsed.success) throw new AppError("validation", "Please correct the highlighted fields.", { fieldErrors: zodFieldErrors(parsed.error) });
      const prepared = (definition.prepare ? await definition.prepare(parsed.data, session) : undefined) as P;
      const result = await inTeam(session.ctx.teamId, (tx) => definition.handler(parsed.data, { ...session, tx, prepared }));
      await definition.after?.(result, session);
      return { ok: true, data: (definition.respond ? definition.respond(result) : result) as R };
    } catch (error) {
      unstable_rethrow(error);
      const e = toAppError(error, `action ${name}`);
      return { ok: false, status: e.status, code: e.code, message: e.message, fieldErrors: e.extra.fieldErrors, current: e.extra.current, savedBy: e.extra.savedBy, retryAfter: e.extra.retryAfter };
    }
  };
  actionRegistry.set(name, { name, permission: definition.permission, runAs });

  // The server action itself: (previous state, form data) for useActionState, or a plain object.
  return async (_previous: ActionState<R> | FormData | Record<string, unknown>, formData?: FormData | Record<string, unknown>) => {
    const input = formData ?? (_previous as FormData | Record<string, unknown>);
    return runAs(await getCurrentUser(), input);
  };
}
