// Runs a registered server action as a given user, as the access matrix does, for tests that
// exercise actions directly (the action modules must be imported first: they register on load).
import { expect } from "vitest";
import type { User } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";

export function run(name: string, user: User | null, input: Record<string, unknown>): Promise<ActionResult> {
  const action = actionRegistry.get(name);
  if (!action) throw new Error(`action ${name} is not registered`);
  return action.runAs(user, input);
}

/** The action's data, after asserting it succeeded (the failure is printed when it did not). */
export async function ok<T = Record<string, unknown>>(promise: Promise<ActionResult>): Promise<T> {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}
