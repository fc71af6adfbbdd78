/**
 * The one error type of the app. Every layer throws AppError; the edges (actions, route
 * handlers, pages) translate it once. Anything else is a 500 whose detail stays in the log.
 */
export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "precondition_failed"
  | "validation"
  | "precondition_required"
  | "rate_limited"
  | "internal";

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  validation: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
};

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthenticated: "Sign in required",
  payment_required: "Plan limit reached",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Changed by someone else",
  gone: "No longer available",
  precondition_failed: "Version mismatch",
  validation: "Invalid input",
  precondition_required: "Version required",
  rate_limited: "Too many requests",
  internal: "Something went wrong",
};

/** Field path → messages, e.g. { "email": ["must be an e-mail address"] }. */
export type FieldErrors = Record<string, string[]>;

/** Who saved the version a stale write ran into, from the activity log (name null: unknown or gone). */
export interface SavedBy {
  name: string | null;
  /** ISO 8601. */
  at: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = TITLES[code],
    readonly extra: { fieldErrors?: FieldErrors; retryAfter?: number; current?: unknown; savedBy?: SavedBy } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }

  get title(): string {
    return TITLES[this.code];
  }
}

export const notFound = (what = "This item") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated", "Please sign in.");
export const conflict = (current: unknown, message = "Someone else changed this since you opened it.") =>
  new AppError("conflict", message, { current });
export const validationError = (fieldErrors: FieldErrors, message = "Please correct the highlighted fields.") =>
  new AppError("validation", message, { fieldErrors });

/** Turns anything thrown into an AppError; unknown errors are logged and become a generic 500. */
export function toAppError(error: unknown, context = "request"): AppError {
  if (error instanceof AppError) return error;
  console.error(`[${context}] unexpected error`, error);
  return new AppError("internal", "Something went wrong on our side. Nothing was saved; please try again.");
}

/**
 * The JSON problem (RFC 9457) a signed-in page's data route answers with: the same shape as the
 * API's, without its type URIs; never cached, never a stack trace.
 */
export function problemJson(error: AppError): Response {
  return Response.json(
    { type: "about:blank", title: error.title, status: error.status, detail: error.message, ...(error.extra.fieldErrors ? { errors: error.extra.fieldErrors } : {}) },
    { status: error.status, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}
