// Passkeys (WebAuthn) as a second factor on a real database, verified by @simplewebauthn/server
// against real answers from a software authenticator (tests/support/software-authenticator.ts):
// adding one, the second sign-in step with it, replay and counter checks, the limits, removal
// under the recent-sign-in rule, and a team's two-factor requirement.
import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { purgeExpiredPasskeyRegistrations } from "@/db/queries/passkeys";
import { findSessionUser, type SessionUser } from "@/db/queries/sessions";
import { createTeamWithOwner } from "@/db/queries/teams";
import { memberships, passkeyRegistrations, passkeys, rateLimitBuckets, sessions, signInChallenges } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { userActionRegistry } from "@/lib/actions/user-action";
import { registerUser } from "@/lib/auth/account";
import { authorizeCredentials, authorizeSecondFactor, SecondFactorRequired, RateLimitedSignIn } from "@/lib/auth/auth";
import { finishPasskeyRegistration, passkeysOf, removeUserPasskey, renameUserPasskey, startPasskeyRegistration } from "@/lib/auth/passkeys";
import { resolveTeamSession } from "@/lib/auth/team-context";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { totpCodeAt } from "@/lib/auth/totp";
import {
  CHALLENGE_COOKIE,
  CHALLENGE_MAX_ATTEMPTS,
  CHALLENGE_TTL_MINUTES,
  confirmTotpEnrolment,
  hasTwoFactor,
  pendingSignInFactors,
  startPasskeySignIn,
  startTotpEnrolment,
  TwoFactorRequiredError,
  twoFactorStatus,
} from "@/lib/auth/two-factor";
import { WEBAUTHN_TIMEOUT_MS } from "@/lib/auth/webauthn";
import { clock } from "@/lib/clock";
import { LIMITS, PEER_ADDRESS_HEADER } from "@/lib/rate-limit";
import { SoftwareAuthenticator } from "../support/software-authenticator";
import { TEST_NOW } from "../support/clock";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
// The pending sign-in's cookie, as the sign-in actions read it (set per test).
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", async (original) => ({
  ...(await original<typeof import("next/headers")>()),
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined) }),
}));

const PASSWORD = "granite-cairn-path-42";
const ORIGIN = "http://localhost:3000";
let ipCounter = 0;
const fromNewIp = () => new Headers({ [PEER_ADDRESS_HEADER]: `203.0.113.${++ipCounter}` });
const noWait = { wait: async () => {} };

beforeEach(() => clock.set(Date.parse(TEST_NOW) + 10_000, { frozen: true }));

async function newAccount(label: string) {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await registerUser({ name: label, email, password: PASSWORD });
  return { user, email };
}

/** A session opened now for this user, read back as the app reads it (with its sign-in time). */
async function signedIn(userId: string): Promise<{ user: SessionUser; tokenHash: string }> {
  const tokenHash = hashToken(newToken());
  await (await getDb()).insert(sessions).values({ userId, tokenHash, expiresAt: new Date(clock.nowMs() + 86_400_000), createdAt: clock.now() });
  return { user: (await findSessionUser(tokenHash))!, tokenHash };
}

/** Adds a passkey made by `authenticator` to the account of this session. */
async function addPasskey(session: { user: SessionUser; tokenHash: string }, authenticator: SoftwareAuthenticator, name = "Test key") {
  const options = await startPasskeyRegistration(session.user, name);
  return finishPasskeyRegistration(session.user, authenticator.register(options), session.tokenHash);
}

/** An account with one passkey. */
async function withPasskey(label: string) {
  const account = await newAccount(label);
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  await addPasskey(await signedIn(account.user.id), authenticator);
  return { ...account, authenticator };
}

async function passwordStep(email: string, headers: Headers): Promise<string> {
  const error = await authorizeCredentials({ email, password: PASSWORD }, headers).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecondFactorRequired);
  return (error as SecondFactorRequired).challenge;
}

async function storedPasskey(userId: string) {
  const [row] = await (await getDb()).select().from(passkeys).where(eq(passkeys.userId, userId));
  return row!;
}

describe("adding a passkey", () => {
  it("verifies the authenticator's answer and stores the credential (public material only); it becomes a second factor and other sessions end", async () => {
    const { user, email } = await newAccount("register");
    const other = await signedIn(user.id);
    const current = await signedIn(user.id);
    const authenticator = new SoftwareAuthenticator(ORIGIN);

    const options = await startPasskeyRegistration(current.user, "Work laptop");
    expect(options.rp).toEqual({ id: "localhost", name: "Cairn" });
    expect(options.attestation).toBe("none");
    expect(options.user.name).toBe(email);
    expect(await finishPasskeyRegistration(current.user, authenticator.register(options), current.tokenHash)).toEqual({ name: "Work laptop" });

    const row = await storedPasskey(user.id);
    expect(row).toMatchObject({ credentialId: authenticator.id, counter: 0, transports: ["usb"], deviceType: "singleDevice", backedUp: false, name: "Work laptop", lastUsedAt: null });
    expect(row.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(row.createdAt.toISOString()).toBe(clock.now().toISOString());
    // The registration challenge is spent.
    expect(await (await getDb()).select().from(passkeyRegistrations).where(eq(passkeyRegistrations.userId, user.id))).toEqual([]);

    expect(await hasTwoFactor(user.id)).toBe(true);
    expect(await findSessionUser(other.tokenHash)).toBeUndefined();
    expect(await findSessionUser(current.tokenHash)).toMatchObject({ id: user.id, twoFactorEnabled: true });
    await passwordStep(email, fromNewIp());

    // The same authenticator is not offered for a second registration.
    const again = await startPasskeyRegistration((await signedIn(user.id)).user, "Again");
    expect(again.excludeCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
  });

  it("refuses an answer to another challenge, from another origin or for another site; each answer spends the set-up", async () => {
    const { user } = await newAccount("register-wrong");
    const session = await signedIn(user.id);
    const authenticator = new SoftwareAuthenticator(ORIGIN);

    const cases = [{ challenge: Buffer.from("not-the-challenge").toString("base64url") }, { origin: "https://evil.example" }, { rpId: "evil.example" }];
    for (const overrides of cases) {
      const options = await startPasskeyRegistration(session.user, "Key");
      await expect(finishPasskeyRegistration(session.user, authenticator.register(options, overrides), session.tokenHash)).rejects.toMatchObject({ code: "validation" });
      // The pending set-up was taken by the wrong answer: the right one now finds nothing.
      await expect(finishPasskeyRegistration(session.user, authenticator.register(options), session.tokenHash)).rejects.toMatchObject({ code: "gone" });
    }
    await expect(finishPasskeyRegistration(session.user, "{not json", session.tokenHash)).rejects.toMatchObject({ code: "gone" });
    const options = await startPasskeyRegistration(session.user, "Key");
    await expect(finishPasskeyRegistration(session.user, "{not json", session.tokenHash)).rejects.toMatchObject({ code: "validation" });
    expect(options.challenge).toBeTruthy();
    expect(await hasTwoFactor(user.id)).toBe(false);
  });

  it("lets a set-up expire, and refuses the same credential twice", async () => {
    const { user } = await newAccount("register-expire");
    const session = await signedIn(user.id);
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const options = await startPasskeyRegistration(session.user, "Late");
    clock.advance(WEBAUTHN_TIMEOUT_MS + 1000);
    await expect(finishPasskeyRegistration(session.user, authenticator.register(options), session.tokenHash)).rejects.toMatchObject({ code: "gone" });
    // Abandoned set-ups are swept by the hourly housekeeping.
    await startPasskeyRegistration(session.user, "Abandoned");
    clock.advance(WEBAUTHN_TIMEOUT_MS + 1000);
    await purgeExpiredPasskeyRegistrations(clock.now());
    expect(await (await getDb()).select().from(passkeyRegistrations).where(eq(passkeyRegistrations.userId, user.id))).toEqual([]);

    const fresh = await signedIn(user.id);
    await addPasskey(fresh, authenticator);
    const second = await newAccount("register-dup");
    const theirs = await signedIn(second.user.id);
    await expect(addPasskey(theirs, authenticator)).rejects.toMatchObject({ code: "conflict" });
    expect(await hasTwoFactor(second.user.id)).toBe(false);
  });

  it("validates names at the edge, naming the field, and renames only one's own passkeys", async () => {
    await import("@/app/account/actions");
    const { user } = await withPasskey("rename");
    const session = await signedIn(user.id);
    const [key] = await passkeysOf(user.id);
    const rename = userActionRegistry.get("account.passkeys.rename")!;
    expect(await rename.runAs(session.user, { id: key!.id, name: "  " })).toMatchObject({ ok: false, status: 422, fieldErrors: { name: [expect.stringContaining("Passkey name")] } });
    expect(await rename.runAs(session.user, { id: "nope", name: "Phone" })).toMatchObject({ ok: false, status: 422, fieldErrors: { id: [expect.any(String)] } });
    expect(await userActionRegistry.get("account.passkeys.start")!.runAs(session.user, { name: "x".repeat(61) })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await rename.runAs(session.user, { id: key!.id, name: "Phone" })).toMatchObject({ ok: true });
    expect((await passkeysOf(user.id))[0]!.name).toBe("Phone");

    const stranger = await newAccount("rename-stranger");
    await expect(renameUserPasskey((await signedIn(stranger.user.id)).user, key!.id, "Mine now")).rejects.toMatchObject({ code: "not_found" });
    expect((await passkeysOf(user.id))[0]!.name).toBe("Phone");
  });
});

describe("signing in with a passkey", () => {
  it("offers the passkey on the second step, and a right answer opens the session: counter and last use recorded, sign-in spent", async () => {
    const { user, email, authenticator } = await withPasskey("sign-in");
    const headers = fromNewIp();
    const challenge = await passwordStep(email, headers);
    expect(await pendingSignInFactors(challenge)).toEqual({ code: false, passkey: true });

    const options = (await startPasskeySignIn(challenge))!;
    expect(options.rpId).toBe("localhost");
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
    const answer = authenticator.authenticate(options);
    clock.advance(60_000);
    expect(await authorizeSecondFactor({ challenge, passkey: answer }, headers, noWait)).toEqual({ id: user.id, email, name: "sign-in" });

    const row = await storedPasskey(user.id);
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(await (await getDb()).select().from(signInChallenges).where(eq(signInChallenges.userId, user.id))).toEqual([]);
    expect(await pendingSignInFactors(challenge)).toBeNull();
    expect(await startPasskeySignIn(challenge)).toBeNull();
  });

  it("refuses a replayed answer and a reused WebAuthn challenge", async () => {
    const { email, authenticator } = await withPasskey("replay");
    const headers = fromNewIp();
    const first = await passwordStep(email, headers);
    const answer = authenticator.authenticate((await startPasskeySignIn(first))!);
    expect(await authorizeSecondFactor({ challenge: first, passkey: answer }, headers, noWait)).not.toBeNull();

    // The same answer on a new sign-in: it signed another challenge.
    const second = await passwordStep(email, headers);
    await startPasskeySignIn(second);
    expect(await authorizeSecondFactor({ challenge: second, passkey: answer }, headers, noWait)).toBeNull();

    // A WebAuthn challenge is taken by the first answer, right or wrong: a wrong origin spends it.
    const third = await passwordStep(email, headers);
    const options = (await startPasskeySignIn(third))!;
    expect(await authorizeSecondFactor({ challenge: third, passkey: authenticator.authenticate(options, { origin: "https://evil.example" }) }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge: third, passkey: authenticator.authenticate(options) }, headers, noWait)).toBeNull();
    // Without asking for a new one, an answer has nothing to sign against.
    expect(await authorizeSecondFactor({ challenge: third, passkey: authenticator.authenticate(options) }, headers, noWait)).toBeNull();
    // A fresh "Use a passkey" on the same pending sign-in works.
    expect(await authorizeSecondFactor({ challenge: third, passkey: authenticator.authenticate((await startPasskeySignIn(third))!) }, headers, noWait)).not.toBeNull();
  });

  it("refuses a signature counter that did not move past the stored one (a cloned authenticator)", async () => {
    const { user, email, authenticator } = await withPasskey("counter");
    const headers = fromNewIp();
    const challenge = await passwordStep(email, headers);
    expect(await authorizeSecondFactor({ challenge, passkey: authenticator.authenticate((await startPasskeySignIn(challenge))!, { counter: 7 }) }, headers, noWait)).not.toBeNull();

    for (const counter of [7, 3]) {
      const next = await passwordStep(email, headers);
      expect(await authorizeSecondFactor({ challenge: next, passkey: authenticator.authenticate((await startPasskeySignIn(next))!, { counter }) }, headers, noWait)).toBeNull();
    }
    expect((await storedPasskey(user.id)).counter).toBe(7);
    const next = await passwordStep(email, headers);
    expect(await authorizeSecondFactor({ challenge: next, passkey: authenticator.authenticate((await startPasskeySignIn(next))!, { counter: 8 }) }, headers, noWait)).not.toBeNull();
  });

  it("hands the browser its options only for a live pending sign-in in the cookie (the sign-in action)", async () => {
    await import("@/app/(auth)/actions");
    const options = userActionRegistry.get("auth.passkey-options")!;
    const { email, authenticator } = await withPasskey("options-action");
    cookieJar.clear();
    expect(await options.runAs(null, {})).toMatchObject({ ok: false, status: 410 });
    cookieJar.set(CHALLENGE_COOKIE, newToken());
    expect(await options.runAs(null, {})).toMatchObject({ ok: false, status: 410 });

    cookieJar.set(CHALLENGE_COOKIE, await passwordStep(email, fromNewIp()));
    const result = await options.runAs(null, {});
    expect(result).toMatchObject({ ok: true, data: { options: { rpId: "localhost", allowCredentials: [expect.objectContaining({ id: authenticator.id })] } } });
    clock.advance((CHALLENGE_TTL_MINUTES + 1) * 60_000);
    expect(await options.runAs(null, {})).toMatchObject({ ok: false, status: 410 });
    cookieJar.clear();
  });

  it("offers both factors to an account with the authenticator app too; either completes the sign-in", async () => {
    const { user, email } = await newAccount("both");
    await startTotpEnrolment(user);
    const secret = (await twoFactorStatus(user)).pending!.secret;
    await confirmTotpEnrolment(user, await totpCodeAt(secret, Math.floor(clock.nowMs() / 1000)), null);
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    await addPasskey(await signedIn(user.id), authenticator, "Phone");

    const headers = fromNewIp();
    const viaPasskey = await passwordStep(email, headers);
    expect(await pendingSignInFactors(viaPasskey)).toEqual({ code: true, passkey: true });
    expect(await authorizeSecondFactor({ challenge: viaPasskey, passkey: authenticator.authenticate((await startPasskeySignIn(viaPasskey))!) }, headers, noWait)).toMatchObject({ id: user.id });

    clock.advance(30_000);
    const viaCode = await passwordStep(email, headers);
    // Asking for a passkey challenge does not stop the code from working.
    await startPasskeySignIn(viaCode);
    expect(await authorizeSecondFactor({ challenge: viaCode, code: await totpCodeAt(secret, Math.floor(clock.nowMs() / 1000)) }, headers, noWait)).toMatchObject({ id: user.id });
  });

  it("refuses another site's answer and another account's passkey", async () => {
    const { email, authenticator } = await withPasskey("wrong-site");
    const other = await withPasskey("other-account");
    const headers = fromNewIp();
    const challenge = await passwordStep(email, headers);
    expect(await authorizeSecondFactor({ challenge, passkey: authenticator.authenticate((await startPasskeySignIn(challenge))!, { rpId: "evil.example" }) }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge, passkey: other.authenticator.authenticate((await startPasskeySignIn(challenge))!) }, headers, noWait)).toBeNull();
    expect(await authorizeSecondFactor({ challenge, passkey: "not json" }, headers, noWait)).toBeNull();
    // A passkey answer without a pending sign-in is nothing.
    expect(await authorizeSecondFactor({ challenge: newToken(), passkey: authenticator.authenticate({ challenge: "x" }) }, headers, noWait)).toBeNull();
  });

  it("counts passkey answers under the limits of the code step: a few per sign-in, then that client is refused", async () => {
    const { user, email, authenticator } = await withPasskey("limits");
    const challenge = await passwordStep(email, fromNewIp());
    for (let i = 0; i < CHALLENGE_MAX_ATTEMPTS; i++) {
      expect(await authorizeSecondFactor({ challenge, passkey: authenticator.authenticate((await startPasskeySignIn(challenge))!, { origin: "https://evil.example" }) }, fromNewIp(), noWait)).toBeNull();
    }
    // The sign-in has spent its tries: even a right answer does not open it.
    expect(await authorizeSecondFactor({ challenge, passkey: authenticator.authenticate((await startPasskeySignIn(challenge))!) }, fromNewIp(), noWait)).toBeNull();

    const attacker = fromNewIp();
    for (let i = 0; i < LIMITS["two-factor:account-client"].max; i++) {
      const pending = await passwordStep(email, attacker);
      expect(await authorizeSecondFactor({ challenge: pending, passkey: "{}" }, attacker, noWait)).toBeNull();
    }
    const [bucket] = await (await getDb()).select().from(rateLimitBuckets).where(like(rateLimitBuckets.key, `two-factor:account-client:${user.id}|%${attacker.get(PEER_ADDRESS_HEADER)}`));
    expect(bucket!.count).toBe(LIMITS["two-factor:account-client"].max);
    const pending = await passwordStep(email, attacker);
    await expect(authorizeSecondFactor({ challenge: pending, passkey: authenticator.authenticate((await startPasskeySignIn(pending))!) }, attacker, noWait)).rejects.toBeInstanceOf(RateLimitedSignIn);
  });
});

describe("changing passkeys needs a recent sign-in", () => {
  it("refuses removing one, or adding another factor, from a session older than 15 minutes; a fresh one may; the last one removed, the password alone signs in", async () => {
    const { user, email } = await withPasskey("remove");
    const old = await signedIn(user.id);
    clock.advance(16 * 60_000);
    const stale = (await findSessionUser(old.tokenHash))!;
    const [key] = await passkeysOf(user.id);
    await expect(removeUserPasskey(stale, key!.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(startPasskeyRegistration(stale, "Planted")).rejects.toMatchObject({ code: "forbidden" });
    // Nor an authenticator app beside the passkey.
    await expect(startTotpEnrolment(stale)).rejects.toMatchObject({ code: "forbidden" });
    // Renaming changes nothing about signing in: no fresh sign-in needed.
    await renameUserPasskey(stale, key!.id, "Old laptop");
    expect(await passkeysOf(user.id)).toHaveLength(1);

    const fresh = await signedIn(user.id);
    await addPasskey(fresh, new SoftwareAuthenticator(ORIGIN), "Phone");
    expect((await passkeysOf(user.id)).map((p) => p.name)).toEqual(["Old laptop", "Phone"]);
    for (const passkey of await passkeysOf(user.id)) await removeUserPasskey(fresh.user, passkey.id);
    await expect(removeUserPasskey(fresh.user, key!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await hasTwoFactor(user.id)).toBe(false);
    expect(await authorizeCredentials({ email, password: PASSWORD }, fromNewIp())).toMatchObject({ id: user.id });
  });

  it("removes only one's own passkeys", async () => {
    const { user } = await withPasskey("remove-own");
    const stranger = await newAccount("remove-stranger");
    const [key] = await passkeysOf(user.id);
    await expect(removeUserPasskey((await signedIn(stranger.user.id)).user, key!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });
});

describe("a team that requires two-factor sign-in", () => {
  it("accepts a passkey as the member's second factor", async () => {
    const owner = await withPasskey("strict-owner");
    const member = await newAccount("strict-member");
    const team = await createTeamWithOwner({ name: "Keyed Co", slug: `keyed-${randomUUID().slice(0, 8)}`, ownerId: owner.user.id });
    await inTeam(team.id, (tx) => tx.insert(memberships).values({ teamId: team.id, userId: member.user.id, role: "editor" }));
    await import("@/app/t/[team]/settings/actions");

    // The owner's only factor is a passkey: enough to turn the rule on.
    const ownerSession = (await signedIn(owner.user.id)).user;
    expect(ownerSession.twoFactorEnabled).toBe(true);
    expect(await actionRegistry.get("team.two-factor-requirement")!.runAs(ownerSession, { team: team.slug, requireTwoFactor: "on" })).toMatchObject({ ok: true });
    await expect(resolveTeamSession(ownerSession, team.slug)).resolves.toMatchObject({ ctx: { teamId: team.id } });

    const before = await signedIn(member.user.id);
    await expect(resolveTeamSession(before.user, team.slug)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    await addPasskey(before, new SoftwareAuthenticator(ORIGIN));
    const after = (await findSessionUser(before.tokenHash))!;
    await expect(resolveTeamSession(after, team.slug)).resolves.toMatchObject({ ctx: { role: "editor" } });
  });
});
