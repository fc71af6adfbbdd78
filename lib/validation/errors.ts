import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** zod issues → { "field.path": [messages] }, the shape forms and problem+json share. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
