// Password sign-in under its rate limits, on a real database: the Credentials provider's authorize().
import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { registerUser } from "@/lib/auth/account";
import { clock } from "@/lib/clock";
import { authorizeCredentials, RateLimitedSignIn, SIGN_IN_DELAY, signInDelayMs, signInLimitChecks } from "@/lib/auth/auth";
import { clientIp, LIMITS, longestWait, PEER_ADDRESS_HEADER, peekLimit } from "@/lib/rate-limit";

// next-auth's entry imports "next/server" without an extension, which Node's ESM loader (Vitest
// externalises node_modules) cannot resolve. authorize() needs only its error classes, which are
// @auth/core's own: the same classes the app gets.
const PASSWORD = "granite-cairn-path-42";
let ipCounter = 0;
/** A fresh client (socket) address per call, so the per-IP limit of one test never leaks into the next. */
const fromNewIp = () => new Headers({ [PEER_ADDRESS_HEADER]: `203.0.113.${++ipCounter}` });
/** Records the waits instead of sleeping through them. */
const recordWaits = () => {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
};

async function newAccount(label: string) {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await registerUser({ name: label, email, password: PASSWORD });
  return { user, email };
}

/** Moves every open window of these keys into the past, as if the wait were over. */
async function expireWindows(keyPrefix: string) {
  const db = await getDb();
  await db
    .update(rateLimitBuckets)
    .set({ resetAt: new Date(clock.nowMs() - 1000) })
    .where(like(rateLimitBuckets.key, `${keyPrefix}%`));
}

describe("authorizeCredentials", () => {
  it("returns the user for the right password, whatever the e-mail's case and spaces", async () => {
    const { user, email } = await newAccount("right");
    const result = await authorizeCredentials({ email: `  ${email.toUpperCase()} `, password: PASSWORD }, fromNewIp());
    expect(result).toEqual({ id: user.id, email, name: "right" });
  });

  it("never limits someone who signs in correctly, however often", async () => {
    const { email } = await newAccount("often");
    const headers = fromNewIp();
    for (let i = 0; i < 25; i++) expect(await authorizeCredentials({ email, password: PASSWORD }, headers)).not.toBeNull();
  });

  it("returns null for a wrong password, an unknown e-mail and malformed input", async () => {
    const { email } = await newAccount("wrong");
    const headers = fromNewIp();
    expect(await authorizeCredentials({ email, password: "not-the-password" }, headers)).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.test", password: PASSWORD }, headers)).toBeNull();
    expect(await authorizeCredentials({ email, password: "" }, headers)).toBeNull();
    expect(await authorizeCredentials("email=x", headers)).toBeNull();
  });

  it("locks out only the client that spent the account's budget: the right password still gets in from elsewhere, after a delay", async () => {
    const { user, email } = await newAccount("brute");
    const max = LIMITS["sign-in:account-client"].max;
    const attacker = fromNewIp();
    for (let i = 0; i < max; i++) expect(await authorizeCredentials({ email, password: `guess-number-${i}` }, attacker)).toBeNull();

    // That client is refused, even with the right password, until its window ends.
    await expect(authorizeCredentials({ email, password: PASSWORD }, attacker)).rejects.toBeInstanceOf(RateLimitedSignIn);
    await expect(authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD }, attacker)).rejects.toMatchObject({ code: "rate_limited" });
    const wait = await longestWait(signInLimitChecks(email, attacker));
    expect(wait).toBeGreaterThan(LIMITS["sign-in:account-client"].windowSeconds - 60);
    expect(wait).toBeLessThanOrEqual(LIMITS["sign-in:account-client"].windowSeconds);

    // The owner, from their own address, is not locked out: the account's attempts only slow down.
    const { waits, wait: recorded } = recordWaits();
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp(), { wait: recorded })).toMatchObject({ id: user.id });
    expect(waits).toEqual([SIGN_IN_DELAY.firstMs]);

    await expireWindows(`sign-in:account-client:${email}`);
    expect(await authorizeCredentials({ email, password: PASSWORD }, attacker, { wait: recorded })).toMatchObject({ id: user.id });
  });

  it("escalates the delay with every attempt past the account's budget, from any address, up to a cap", async () => {
    const { email } = await newAccount("slowed");
    const { waits, wait } = recordWaits();
    for (let i = 0; i < 12; i++) expect(await authorizeCredentials({ email, password: `guess-${i}` }, fromNewIp(), { wait })).toBeNull();
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(signInDelayMs(LIMITS["sign-in:account"].max)).toBe(0);
    expect(signInDelayMs(1000)).toBe(SIGN_IN_DELAY.maxMs);
  });

  it("counts parallel guesses before checking them: 30 at once from one client, only the budget is evaluated", async () => {
    const { email } = await newAccount("parallel");
    const client = fromNewIp();
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => authorizeCredentials({ email, password: `parallel-guess-${i}` }, client)));
    const evaluated = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedSignIn);
    expect(evaluated).toHaveLength(LIMITS["sign-in:account-client"].max);
    expect(refused).toHaveLength(30 - LIMITS["sign-in:account-client"].max);
  });

  it("keys the per-IP limit on the socket address, not on the X-Forwarded-For a client writes", async () => {
    const peer = `198.51.100.${++ipCounter}`;
    const max = LIMITS["sign-in:ip"].max;
    for (let i = 0; i < max; i++) {
      const rotating = new Headers({ [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": `192.0.2.${i}` });
      expect(await authorizeCredentials({ email: `rotate-${i}@example.test`, password: "spray-password" }, rotating)).toBeNull();
    }
    const { email } = await newAccount("rotated");
    const next = new Headers({ [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": "192.0.2.250" });
    await expect(authorizeCredentials({ email, password: PASSWORD }, next)).rejects.toBeInstanceOf(RateLimitedSignIn);
  });

  it("refuses every account from one address past the per-IP limit", async () => {
    const headers = fromNewIp();
    const max = LIMITS["sign-in:ip"].max;
    for (let i = 0; i < max; i++) {
      expect(await authorizeCredentials({ email: `spray-${i}@example.test`, password: "spray-password" }, headers)).toBeNull();
    }
    const { email } = await newAccount("sprayed");
    await expect(authorizeCredentials({ email, password: PASSWORD }, headers)).rejects.toBeInstanceOf(RateLimitedSignIn);
    // Another address still gets in: the limit is per client, not global.
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).not.toBeNull();
  });
});

describe("clientIp", () => {
  const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.1" });

  it("is the socket address by default (TRUSTED_PROXY_HOPS=0), whatever X-Forwarded-For says", () => {
    expect(clientIp(headers)).toBe("10.0.0.1");
    expect(clientIp(headers, 0)).toBe("10.0.0.1");
  });

  it("behind N trusted proxies, is the address the N-th proxy from us appended", () => {
    expect(clientIp(headers, 1)).toBe("10.0.0.2");
    expect(clientIp(headers, 2)).toBe("203.0.113.9");
    // More hops configured than the request went through: the oldest entry, never beyond.
    expect(clientIp(headers, 9)).toBe("6.6.6.6");
  });

  it("falls back to the last hop when no socket address was recorded (next dev), and to 'unknown'", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });
});

describe("peekLimit", () => {
  it("reads without counting a hit", async () => {
    const subject = `peek-${randomUUID().slice(0, 8)}@example.test`;
    expect(await peekLimit("sign-in:account", subject)).toEqual({ allowed: true, remaining: 5, retryAfterSeconds: 0 });
    await authorizeCredentials({ email: subject, password: "whatever-password" }, fromNewIp());
    for (let i = 0; i < 3; i++) expect(await peekLimit("sign-in:account", subject)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await longestWait([["sign-in:account", subject]])).toBe(0);
  });
});
