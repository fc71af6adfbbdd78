import { hitBucket, peekBucket, refundBucket } from "@/db/queries/rate-limits";
import { clock } from "./clock";
import { env } from "./env";
import { AppError } from "./errors";

/** The limits in one place: how many hits per window, per key kind. */
export const LIMITS = {
  "sign-in:ip": { max: 20, windowSeconds: 15 * 60 },
  /** One account from one client address: past it, that client (only) is locked out for the window. */
  "sign-in:account-client": { max: 5, windowSeconds: 15 * 60 },
  /** One account from every address together: past it, each attempt waits longer (SIGN_IN_DELAY), none is refused. */
  "sign-in:account": { max: 5, windowSeconds: 15 * 60 },
  /** Second-factor codes for one account from one client address: past it, that client (only) is refused for the window. */
  "two-factor:account-client": { max: 5, windowSeconds: 15 * 60 },
  /** Second-factor codes for one account from every address together: past it, each attempt waits longer (SIGN_IN_DELAY). */
  "two-factor:account": { max: 5, windowSeconds: 15 * 60 },
  /** Codes typed while setting up an authenticator app (signed in). */
  "two-factor-setup:user": { max: 10, windowSeconds: 15 * 60 },
  /** Single sign-on started from one client address (each start asks the team's provider for its discovery document). */
  "sso-start:ip": { max: 20, windowSeconds: 15 * 60 },
  /** Single sign-on callbacks from one client address (each redeems a code at the team's provider). */
  "sso-callback:ip": { max: 30, windowSeconds: 15 * 60 },
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
export async function consumeLimit(name: LimitName, subject: string): Promise<LimitResult & { count: number }> {
  const { max, windowSeconds } = LIMITS[name];
  const now = clock.now();
  const { count, resetAt } = await hitBucket(`${name}:${subject.toLowerCase()}`, windowSeconds, now);
  return {
    count,
    allowed: count <= max,
    remaining: Math.max(0, max - count),
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Gives back one hit counted by consumeLimit (a sign-in that turned out right is not an attack). */
export async function refundLimit(name: LimitName, subject: string): Promise<void> {
  await refundBucket(`${name}:${subject.toLowerCase()}`, clock.now());
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

/**
 * The header in which `npm start` records each request's socket address (scripts/peer-address.mjs,
 * which overwrites whatever a client sends under that name).
 */
export const PEER_ADDRESS_HEADER = "x-cairn-peer-address";

/**
 * The client's address as far as this deployment can vouch for it. With `hops` = 0 (the
 * default) it is the socket's address and X-Forwarded-For is ignored: a client writes what it
 * likes there. Behind N trusted proxies, each appending the address it saw, it is the entry
 * the N-th proxy from us appended. Without the recorded socket address (`next dev`), the last
 * X-Forwarded-For hop stands in for it: Next.js sets it from the socket when the client sent none.
 */
export function clientIp(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return "unknown";
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
