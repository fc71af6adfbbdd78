// Errors of the public API as RFC 9457 problem details (application/problem+json): type,
// title, status, detail, instance, and field-level `errors` — a JSON Pointer into the body,
// or the name of a query parameter or header — each with its reason.
import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError, type FieldErrors } from "@/lib/errors";

export interface ProblemError {
  pointer?: string;
  name?: string;
  /** A line of an uploaded file (CSV import). */
  line?: number;
  reason: string;
}

/** Statuses the app's AppError has no code for (body too large, wrong media type). */
export class HttpProblem extends Error {
  constructor(
    readonly status: 413 | 415,
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpProblem";
  }
}

/** Field-error keys of query parameters and headers carry this prefix; anything else points into the body. */
export const QUERY = "query:";
export const HEADER = "header:";

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** At most this many field errors are listed (a 10,000-item batch can fail on every item). */
export const MAX_LISTED_ERRORS = 200;

export function problemErrors(fieldErrors: FieldErrors | undefined): ProblemError[] {
  const errors: ProblemError[] = [];
  for (const [key, reasons] of Object.entries(fieldErrors ?? {})) {
    const where: Omit<ProblemError, "reason"> = key.startsWith(QUERY)
      ? { name: key.slice(QUERY.length) }
      : key.startsWith(HEADER)
        ? { name: key.slice(HEADER.length) }
        : { pointer: key === "_" ? "" : `/${key.split(".").map(escapePointer).join("/")}` };
    for (const reason of reasons) errors.push({ ...where, reason });
  }
  return errors;
}

/** zod issues → field errors keyed by path ("items.3.period"); an unknown key points at itself. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ""): FieldErrors {
  const result: FieldErrors = {};
  const add = (path: ReadonlyArray<PropertyKey>, message: string) => {
    const key = prefix + (path.length ? path.map(String).join(".") : "_");
    (result[key] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], `"${key}" is not a field of this object`);
    } else {
      add(issue.path, issue.message);
    }
  }
  return result;
}

export function problemType(code: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/docs/api#problem-${code}`;
}

export interface ProblemInit {
  status: number;
  title: string;
  detail: string;
  type: string;
  errors?: ProblemError[];
  current?: unknown;
  headers?: Record<string, string>;
}

export function problemResponse(init: ProblemInit, instance: string): Response {
  const body: Record<string, unknown> = { type: init.type, title: init.title, status: init.status, detail: init.detail, instance };
  if (init.errors?.length) body.errors = init.errors;
  if (init.current !== undefined) body.current = init.current;
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...init.headers },
  });
}

/** An AppError (or HttpProblem) as problem details; 401 names the bearer scheme (API), 429 says when to retry. */
export function problemFrom(error: AppError | HttpProblem, options: { bearer?: boolean } = {}): ProblemInit {
  if (error instanceof HttpProblem) {
    return { status: error.status, title: error.title, detail: error.message, type: problemType(error.status === 413 ? "too_large" : "media_type") };
  }
  const headers: Record<string, string> = {};
  if (error.code === "unauthenticated" && options.bearer !== false) headers["www-authenticate"] = 'Bearer realm="cairn"';
  if (error.code === "rate_limited" && error.extra.retryAfter) headers["retry-after"] = String(error.extra.retryAfter);
  const errors = problemErrors(error.extra.fieldErrors);
  const detail = errors.length > MAX_LISTED_ERRORS ? `${error.message} (${errors.length} errors; the first ${MAX_LISTED_ERRORS} are listed.)` : error.message;
  return { status: error.status, title: error.title, detail, type: problemType(error.code), errors: errors.slice(0, MAX_LISTED_ERRORS), headers };
}
