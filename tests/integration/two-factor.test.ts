// Two-factor sign-in on a real database: enrolment with an authenticator app, the second sign-in
// step under its limits, replay, recovery codes, a team's requirement, and the recent-sign-in rule.
import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/sessions";
import { createTeamWithOwner } from "@/db/queries/teams";
import { memberships, rateLimitBuckets, recoveryCodes, sessions, signInChallenges, teams, totpFactors } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { registerUser } from "@/lib/auth/account";
import { authorizeCredentials, authorizeSecondFactor, decideExternalSignIn, RateLimitedSignIn, SecondFactorRequired } from "@/lib/auth/auth";
import { linkAccount } from "@/db/queries/users";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { totpCodeAt } from "@/lib/auth/totp";
import {
  CHALLENGE_TTL_MINUTES,
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  removeTwoFactor,
  startTotpEnrolment,
  TwoFactorRequiredError,
  twoFactorStatus,
} from "@/lib/auth/two-factor";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { LIMITS, PEER_ADDRESS_HEADER } from "@/lib/rate-limit";
import type { SessionUser } from "@/db/queries/sessions";
import { TEST_NOW } from "../support/clock";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const PASSWORD = "granite-cairn-path-42";
let ipCounter = 0;
const fromNewIp = () => new Headers({ [PEER_ADDRESS_HEADER]: `198.51.100.${++ipCounter}` });
const noWait = { wait: async () => {} };
const STEP_MS = 30_000;

// Frozen mid-step, so a test moves time only when it says so.
beforeEach(() => clock.set(Date.parse(TEST_NOW) + 10_000, { frozen: true }));

const nowSeconds = () => Math.floor(clock.nowMs() / 1000);
/** The code an authenticator app would show `steps` steps from now. */
const codeAt = (secret: string, steps = 0) => totpCodeAt(secret, nowSeconds() + steps * 30);

async function newAccount(label: string) {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await registerUser({ name: label, email, password: PASSWORD });
  return { user, email };
}

/** A session opened now for this user, read back as the app reads it (with its sign-in time). */
async function signedIn(userId: string): Promise<{ user: SessionUser; tokenHash: string }> {
  const tokenHash = hashToken(newToken());
  const db = await getDb();
  await db.insert(sessions).values({ userId, tokenHash, expiresAt: new Date(clock.nowMs() + 86_400_000), createdAt: clock.now() });
  return { user: (await findSessionUser(tokenHash))!, tokenHash };
}

/** An account with an authenticator app set up; returns its secret and recovery codes. */
async function enrolled(label: string) {
  const account = await newAccount(label);
  await startTotpEnrolment(account.user);
  const { pending } = await twoFactorStatus(account.user);
  const secret = pending!.secret;
  const { recoveryCodes: codes } = await confirmTotpEnrolment(account.user, await codeAt(secret), null);
  // The enrolment spent this step: sign-ins below start on the next one.
  clock.advance(STEP_MS);
  return { ...account, secret, codes };
}

/** The first step: the right password of a 2FA account, which must not sign in yet but hand over a challenge. */
async function passwordStep(email: string, headers: Headers): Promise<string> {
  const error = await authorizeCredentials({ email, password: PASSWORD }, headers).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecondFactorRequired);
  return (error as SecondFactorRequired).challenge;
}

describe("enrolment", () => {
  it("shows a secret and a QR code, stores the secret only encrypted, and is not active before a code confirms it", async () => {
    const { user, email } = await newAccount("enrol");
    await startTotpEnrolment(user);
    const status = await twoFactorStatus(user);
    expect(status.enabled).toBe(false);
    expect(status.pending!.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(status.pending!.uri).toContain(`secret=${status.pending!.secret}`);
    expect(status.pending!.qrSvg).toMatch(/^<svg/);
    const db = await getDb();
    const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
    expect(row!.secretEncrypted).not.toContain(status.pending!.secret);
    expect(row!.secretEncrypted.startsWith("v1.")).toBe(true);
    // Not active yet: the password alone still signs in.
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).toMatchObject({ id: user.id });
  });

  it("refuses a wrong code, then confirms with the right one: ten recovery codes shown once, stored as hashes, other sessions ended", async () => {
    const { user } = await newAccount("confirm");
    const other = await signedIn(user.id);
    const current = await signedIn(user.id);
    await startTotpEnrolment(user);
    const secret = (await twoFactorStatus(user)).pending!.secret;

    await expect(confirmTotpEnrolment(user, "000000", current.tokenHash)).rejects.toMatchObject({ code: "validation", extra: { fieldErrors: { code: [expect.any(String)] } } });
    expect((await twoFactorStatus(user)).enabled).toBe(false);

    const { recoveryCodes: codes } = await confirmTotpEnrolment(user, await codeAt(secret), current.tokenHash);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    const status = await twoFactorStatus(user);
    expect(status).toMatchObject({ enabled: true, pending: null, recoveryCodesLeft: 10 });

    const db = await getDb();
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes).not.toContain(row.codeHash);
    expect(await findSessionUser(other.tokenHash)).toBeUndefined();
    expect(await findSessionUser(current.tokenHash)).toMatchObject({ id: user.id, twoFactorEnabled: true });

    // A second set-up cannot replace the active factor.
    await expect(startTotpEnrolment(user)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("sign-in with two-factor on", () => {
  it("needs a code after the right password: the password alone opens no session", async () => {
    const { user, email, secret } = await enrolled("needs-code");
    const headers = fromNewIp();
    const challenge = await passwordStep(email, headers);
    // The challenge is stored only as a hash.
    const db = await getDb();
    const rows = await db.select().from(signInChallenges).where(eq(signInChallenges.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(challenge)]);

    expect(await authorizeSecondFactor({ challenge, code: await codeAt(secret) }, headers, noWait)).toEqual({ id: user.id, email, name: "needs-code" });
    // Spent: the same challenge opens no second session.
    clock.advance(STEP_MS);
    expect(await authorizeSecondFactor({ challenge, code: await codeAt(secret) }, headers, noWait)).toBeNull();
    // A code without a challenge from the first step is nothing.
    expect(await authorizeSecondFactor({ challenge: newToken(), code: await codeAt(secret) }, headers, noWait)).toBeNull();
  });

  it("refuses a wrong code and counts it before checking; past the budget that client is refused even with the right code", async () => {
    const { user, email, secret } = await enrolled("wrong-code");
    const attacker = fromNewIp();
    const max = LIMITS["two-factor:account-client"].max;
    for (let i = 0; i < max; i++) {
      const challenge = await passwordStep(email, attacker);
      expect(await authorizeSecondFactor({ challenge, code: String(100000 + i) }, attacker, noWait)).toBeNull();
    }
    const db = await getDb();
    const [bucket] = await db.select().from(rateLimitBuckets).where(like(rateLimitBuckets.key, `two-factor:account-client:${user.id}|%`));
    expect(bucket!.count).toBe(max);

    const challenge = await passwordStep(email, attacker);
    await expect(authorizeSecondFactor({ challenge, code: await codeAt(secret) }, attacker, noWait)).rejects.toBeInstanceOf(RateLimitedSignIn);

    // The owner, from their own address, still gets in, after a delay (the account's budget is spent).
    const waits: number[] = [];
    const owner = fromNewIp();
    const ownChallenge = await passwordStep(email, owner);
    expect(await authorizeSecondFactor({ challenge: ownChallenge, code: await codeAt(secret) }, owner, { wait: async (ms) => void waits.push(ms) })).toMatchObject({ id: user.id });
    expect(waits).toHaveLength(1);
  });

  it("lets one challenge try only a few codes", async () => {
    const { email, secret } = await enrolled("few-codes");
    const challenge = await passwordStep(email, fromNewIp());
    // Each try from another address, so only the challenge's own budget is in play.
    for (let i = 0; i < 5; i++) expect(await authorizeSecondFactor({ challenge, code: "123456" }, fromNewIp(), noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge, code: await codeAt(secret) }, fromNewIp(), noWait)).toBeNull();
  });

  it("refuses a replayed code, and any code of a time step already used", async () => {
    const { email, secret } = await enrolled("replay");
    const headers = fromNewIp();
    const code = await codeAt(secret);
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code }, headers, noWait)).not.toBeNull();
    // The same code again, within its window: refused.
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code }, headers, noWait)).toBeNull();
    // The previous step's code is inside the ±1 window but older than the step used: refused too.
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: await codeAt(secret, -1) }, headers, noWait)).toBeNull();
  });

  it("accepts a code one step either side of now, not two", async () => {
    const { email, secret } = await enrolled("window");
    // One step past the one after enrolment, so the previous step has not been used.
    clock.advance(STEP_MS);
    const headers = fromNewIp();
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: await codeAt(secret, -2) }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: await codeAt(secret, -1) }, headers, noWait)).not.toBeNull();
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: await codeAt(secret, 2) }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: await codeAt(secret, 1) }, headers, noWait)).not.toBeNull();
  });

  it("accepts each recovery code once, whatever its case and dashes", async () => {
    const { user, email, codes } = await enrolled("recovery");
    const headers = fromNewIp();
    const code = codes[3]!;
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: ` ${code.toUpperCase().replace(/-/g, " ")} ` }, headers, noWait)).toMatchObject({ id: user.id });
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code }, headers, noWait)).toBeNull();
    expect((await twoFactorStatus(user)).recoveryCodesLeft).toBe(9);
    expect(await authorizeSecondFactor({ challenge: await passwordStep(email, headers), code: codes[4]! }, headers, noWait)).not.toBeNull();
  });

  it("lets a pending sign-in expire", async () => {
    const { email, secret } = await enrolled("expire");
    const headers = fromNewIp();
    const challenge = await passwordStep(email, headers);
    clock.advance(CHALLENGE_TTL_MINUTES * 60_000 + 1000);
    expect(await authorizeSecondFactor({ challenge, code: await codeAt(secret) }, headers, noWait)).toBeNull();
  });
});

describe("changing the factor needs a recent sign-in", () => {
  it("refuses removal and new recovery codes from a session older than 15 minutes, allows them from a fresh one", async () => {
    const { user, email } = await enrolled("recent");
    const old = await signedIn(user.id);
    clock.advance(16 * 60_000);
    const stale = (await findSessionUser(old.tokenHash))!;
    await expect(removeTwoFactor(stale)).rejects.toMatchObject({ code: "forbidden" });
    await expect(regenerateRecoveryCodes(stale)).rejects.toMatchObject({ code: "forbidden" });
    // A user object without a sign-in time (not read from a session) is refused too: fails closed.
    await expect(removeTwoFactor({ id: user.id, email, name: null, image: null, emailVerified: null })).rejects.toBeInstanceOf(AppError);
    expect((await twoFactorStatus(user)).enabled).toBe(true);

    const fresh = (await signedIn(user.id)).user;
    const { recoveryCodes: codes } = await regenerateRecoveryCodes(fresh);
    expect(codes).toHaveLength(10);
    await removeTwoFactor(fresh);
    expect((await twoFactorStatus(user)).enabled).toBe(false);
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).toMatchObject({ id: user.id });
  });
});

describe("a team that requires two-factor sign-in", () => {
  it("sends members without it away (pages and actions), lets members with it in; only someone with it may turn the rule on", async () => {
    const owner = await enrolled("team-owner");
    const member = await newAccount("team-member");
    const team = await createTeamWithOwner({ name: "Strict Co", slug: `strict-${randomUUID().slice(0, 8)}`, ownerId: owner.user.id });
    await inTeam(team.id, (tx) => tx.insert(memberships).values({ teamId: team.id, userId: member.user.id, role: "admin" }));
    const ownerSession = (await signedIn(owner.user.id)).user;
    const memberSession = (await signedIn(member.user.id)).user;
    await import("@/app/t/[team]/settings/actions");

    // An admin without a second factor cannot turn it on (and lock themselves out).
    const refused = await actionRegistry.get("team.two-factor-requirement")!.runAs(memberSession, { team: team.slug, requireTwoFactor: "on" });
    expect(refused).toMatchObject({ ok: false, status: 422, fieldErrors: { requireTwoFactor: [expect.any(String)] } });

    expect(await actionRegistry.get("team.two-factor-requirement")!.runAs(ownerSession, { team: team.slug, requireTwoFactor: "on" })).toMatchObject({ ok: true });
    const db = await getDb();
    const [row] = await db.select({ requireTwoFactor: teams.requireTwoFactor }).from(teams).where(eq(teams.id, team.id));
    expect(row!.requireTwoFactor).toBe(true);

    await expect(resolveTeamSession(memberSession, team.slug)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    expect((await actionRegistry.get("team.update")!.runAs(memberSession, { team: team.slug }))).toMatchObject({ ok: false, status: 403 });
    await expect(resolveTeamSession(ownerSession, team.slug)).resolves.toMatchObject({ ctx: { teamId: team.id } });

    // Once the member sets it up, the team opens.
    await startTotpEnrolment(member.user);
    await confirmTotpEnrolment(member.user, await codeAt((await twoFactorStatus(member.user)).pending!.secret), null);
    const withFactor = (await signedIn(member.user.id)).user;
    await expect(resolveTeamSession(withFactor, team.slug)).resolves.toMatchObject({ ctx: { role: "admin" } });
  });
});

describe("external sign-in (GitHub, Google, OIDC) of an account with two-factor on", () => {
  it("opens no session but a pending sign-in that needs the code; without two-factor, and when linking while signed in, it goes straight in", async () => {
    const { user, email, secret } = await enrolled("external");
    const providerAccountId = randomUUID();
    await linkAccount({ userId: user.id, type: "oidc", provider: "oidc", providerAccountId });
    const identity = { provider: "oidc", providerAccountId, email, name: "external", emailVerified: true };

    const kept: string[] = [];
    const keep = async (token: string) => void kept.push(token);
    expect(await decideExternalSignIn(identity, undefined, keep)).toBe("/sign-in/two-factor");
    expect(kept).toHaveLength(1);
    const headers = fromNewIp();
    expect(await authorizeSecondFactor({ challenge: kept[0]!, code: "999999" }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge: kept[0]!, code: await codeAt(secret) }, headers, noWait)).toMatchObject({ id: user.id });

    // Linking from the account page: already signed in (with the second factor).
    expect(await decideExternalSignIn(identity, user.id, keep)).toBe(true);
    expect(kept).toHaveLength(1);

    const plain = await newAccount("external-plain");
    const plainId = randomUUID();
    await linkAccount({ userId: plain.user.id, type: "oidc", provider: "oidc", providerAccountId: plainId });
    expect(await decideExternalSignIn({ ...identity, providerAccountId: plainId, email: plain.email }, undefined, keep)).toBe(true);
  });
});
