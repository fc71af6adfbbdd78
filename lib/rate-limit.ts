import { hitBucket, peekBucket } from "@/db/queries/rate-limits";
import { clock } from "./clock";
import { env } from "./env";
import { AppError } from "./errors";

/** The limits in one place: how many hits per window, per key kind. */
export const LIMITS = {
  "sign-in:ip": { max: 20, windowSeconds: 15 * 60 },
  "sign-in:account": { max: 5, windowSeconds: 15 * 60 },
  "sign-up:ip": { max: 10, windowSeconds: 60 * 60 },
  "password-reset:ip": { max: 10, windowSeconds: 60 * 60 },
  "password-reset:account": { max: 3, windowSeconds: 60 * 60 },
  "verify-email:user": { max: 5, windowSeconds: 60 * 60 },
  "invite:team": { max: 50, windowSeconds: 60 * 60 },
  "team-create:user": { max: 10, windowSeconds: 60 * 60 },
  "invite:user": { max: 30, windowSeconds: 60 * 60 },
  "api:key": {
    get max() {
      return env().API_RATE_LIMIT_PER_MINUTE;
    },
    windowSeconds: 60,
  },
} as const;

export type LimitName = keyof typeof LIMITS;

export interface LimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Counts one hit for `subject` under `name`; `allowed` is false once the window's budget is spent. */
export async function consumeLimit(name: LimitName, subject: string): Promise<LimitResult> {
  const { max, windowSeconds } = LIMITS[name];
  const now = clock.now();
  const { count, resetAt } = await hitBucket(`${name}:${subject.toLowerCase()}`, windowSeconds, now);
  return {
    allowed: count <= max,
    remaining: Math.max(0, max - count),
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Reads a limit without counting a hit (`allowed`: would the next hit pass?), to tell a refused caller how long to wait. */
export async function peekLimit(name: LimitName, subject: string): Promise<LimitResult> {
  const { max } = LIMITS[name];
  const now = clock.now();
  const bucket = await peekBucket(`${name}:${subject.toLowerCase()}`, now);
  const count = bucket?.count ?? 0;
  return {
    allowed: count < max,
    remaining: Math.max(0, max - count),
    retryAfterSeconds: bucket ? Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000)) : 0,
  };
}

/** The longest wait among the exhausted limits given (0 when none is), without counting a hit. */
export async function longestWait(checks: Array<[LimitName, string]>): Promise<number> {
  const results = await Promise.all(checks.map(([name, subject]) => peekLimit(name, subject)));
  return Math.max(0, ...results.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds));
}

/** Consumes every limit given and throws a 429 AppError if any is exceeded. */
export async function enforceLimits(checks: Array<[LimitName, string]>): Promise<void> {
  let retryAfter = 0;
  for (const [name, subject] of checks) {
    const result = await consumeLimit(name, subject);
    if (!result.allowed) retryAfter = Math.max(retryAfter, result.retryAfterSeconds);
  }
  if (retryAfter > 0) {
    throw new AppError("rate_limited", `Too many attempts. Try again in ${formatWait(retryAfter)}.`, { retryAfter });
  }
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The client's address: the first X-Forwarded-For hop set by our load balancer, else X-Real-IP. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
