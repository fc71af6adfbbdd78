// Password sign-in under its rate limits, on a real database: the Credentials provider's authorize().
import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { registerUser } from "@/lib/auth/account";
import { clock } from "@/lib/clock";
import { authorizeCredentials, RateLimitedSignIn } from "@/lib/auth/auth";
import { LIMITS, longestWait, peekLimit } from "@/lib/rate-limit";

// next-auth's entry imports "next/server" without an extension, which Node's ESM loader (Vitest
// externalises node_modules) cannot resolve. authorize() needs only its error classes, which are
// @auth/core's own: the same classes the app gets.
const PASSWORD = "granite-cairn-path-42";
let ipCounter = 0;
/** A fresh client address per test, so the per-IP limit of one test never leaks into the next. */
const fromNewIp = () => new Headers({ "x-forwarded-for": `203.0.113.${++ipCounter}, 10.0.0.1` });

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

  it("refuses even the right password once the account's budget is spent, until the window ends", async () => {
    const { user, email } = await newAccount("brute");
    const max = LIMITS["sign-in:account"].max;
    // Each guess from another address: the per-account limit is what stops a distributed attack.
    for (let i = 0; i < max; i++) expect(await authorizeCredentials({ email, password: `guess-number-${i}` }, fromNewIp())).toBeNull();

    expect(await peekLimit("sign-in:account", email)).toMatchObject({ allowed: false, remaining: 0 });
    await expect(authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).rejects.toBeInstanceOf(RateLimitedSignIn);
    await expect(authorizeCredentials({ email: email.toUpperCase(), password: PASSWORD }, fromNewIp())).rejects.toMatchObject({ code: "rate_limited" });

    const wait = await longestWait([["sign-in:account", email]]);
    expect(wait).toBeGreaterThan(LIMITS["sign-in:account"].windowSeconds - 60);
    expect(wait).toBeLessThanOrEqual(LIMITS["sign-in:account"].windowSeconds);

    await expireWindows(`sign-in:account:${email}`);
    expect(await peekLimit("sign-in:account", email)).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).toMatchObject({ id: user.id });
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

describe("peekLimit", () => {
  it("reads without counting a hit", async () => {
    const subject = `peek-${randomUUID().slice(0, 8)}@example.test`;
    expect(await peekLimit("sign-in:account", subject)).toEqual({ allowed: true, remaining: 5, retryAfterSeconds: 0 });
    await authorizeCredentials({ email: subject, password: "whatever-password" }, fromNewIp());
    for (let i = 0; i < 3; i++) expect(await peekLimit("sign-in:account", subject)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await longestWait([["sign-in:account", subject]])).toBe(0);
  });
});
