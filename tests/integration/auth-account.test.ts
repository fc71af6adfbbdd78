// Account life cycle on a real database: sign-up rules, e-mail confirmation, password reset and change.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signUpSchema, changePasswordSchema, resetPasswordSchema } from "@/app/(auth)/schemas";
import { getDb } from "@/db/client";
import { listOutbox } from "@/db/queries/outbox";
import { createSession } from "@/db/queries/sessions";
import { createVerificationToken, isVerificationTokenLive } from "@/db/queries/verification-tokens";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import { sessions } from "@/db/schema";
import { changePassword, registerUser, requestPasswordReset, resetPassword, verifyEmail } from "@/lib/auth/account";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${randomUUID().slice(0, 8)}@example.test`;
const GOOD_PASSWORD = "granite-cairn-path-42";

/** The token at the end of the newest e-mailed link of this kind sent to `to`. */
async function linkToken(to: string, path: "verify-email" | "reset-password"): Promise<string> {
  const [mail] = await listOutbox({ to });
  const match = mail && new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link was sent to ${to}`);
  return match[1]!;
}

async function openSessions(userId: string, n: number): Promise<string[]> {
  const hashes = Array.from({ length: n }, () => hashToken(newToken()));
  for (const h of hashes) await createSession(userId, h, new Date(clock.nowMs() + 3600_000));
  return hashes;
}

async function sessionHashes(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  return rows.map((r) => r.tokenHash).sort();
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-up", () => {
  const valid = { name: "Ada Lovelace", email: "ada@example.test", password: GOOD_PASSWORD };

  it("accepts a sound password and normalises the e-mail", () => {
    const parsed = signUpSchema.parse({ ...valid, email: "  Ada@Example.TEST ", invite: "" });
    expect(parsed).toEqual({ name: "Ada Lovelace", email: "ada@example.test", password: GOOD_PASSWORD, invite: undefined });
  });

  it("refuses a password that is too short, naming the field", () => {
    const result = signUpSchema.safeParse({ ...valid, password: "short-1" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "Password must be at least 10 characters"]]);
  });

  it("refuses a common password even when long enough", () => {
    const result = signUpSchema.safeParse({ ...valid, password: "1234567890" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/too common/);
    expect(signUpSchema.safeParse({ ...valid, password: "Password123" }).success).toBe(false);
  });

  it("refuses an address that is not an e-mail and an empty name", () => {
    const result = signUpSchema.safeParse({ ...valid, name: "  ", email: "ada-at-example" });
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["name", "email"]);
  });

  it("creates the account with a hashed password and e-mails a confirmation link", async () => {
    const email = uniqueEmail("new");
    const user = await registerUser({ name: "New Person", email, password: GOOD_PASSWORD });
    const stored = await findUserById(user.id);
    expect(stored!.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(await verifyPassword(stored!.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect(stored!.emailVerified).toBeNull();
    const [mail] = await listOutbox({ to: email });
    expect(mail!.subject).toMatch(/Confirm your e-mail/);
    expect(mail!.text).toMatch(/\/verify-email\/[A-Za-z0-9_-]{40,}/);
  });

  it("refuses a second account for the same address, whatever its case (the sign-up form does not use this: see signUp)", async () => {
    const email = uniqueEmail("dup");
    await registerUser({ name: "First", email, password: GOOD_PASSWORD });
    const error = await rejection(registerUser({ name: "Second", email: email.toUpperCase(), password: GOOD_PASSWORD }));
    expect(error.status).toBe(422);
    expect(error.extra.fieldErrors?.email?.[0]).toMatch(/already exists/);
  });
});

describe("e-mail confirmation", () => {
  it("works once", async () => {
    const email = uniqueEmail("verify");
    const user = await registerUser({ name: "Verifier", email, password: GOOD_PASSWORD });
    const token = await linkToken(email, "verify-email");

    expect(await isVerificationTokenLive("verify_email", hashToken(token))).toBe(true);
    await verifyEmail(token);
    expect((await findUserById(user.id))!.emailVerified).toBeInstanceOf(Date);
    expect(await isVerificationTokenLive("verify_email", hashToken(token))).toBe(false);

    const second = await rejection(verifyEmail(token));
    expect(second.code).toBe("gone");
  });

  it("refuses a made-up token", async () => {
    expect((await rejection(verifyEmail(newToken()))).code).toBe("gone");
  });
});

describe("password reset", () => {
  it("e-mails nothing for an unknown address, and answers the same", async () => {
    const email = uniqueEmail("nobody");
    await expect(requestPasswordReset(email)).resolves.toBeUndefined();
    expect(await listOutbox({ to: email })).toEqual([]);
  });

  it("sets the new password once, confirms the address and ends every session", async () => {
    const email = uniqueEmail("reset");
    const user = await registerUser({ name: "Resetter", email, password: GOOD_PASSWORD });
    await openSessions(user.id, 2);
    await requestPasswordReset(email.toUpperCase());
    const token = await linkToken(email, "reset-password");
    expect(await isVerificationTokenLive("reset_password", hashToken(token))).toBe(true);

    await resetPassword(token, "a-brand-new-passphrase");

    const stored = await findUserByEmail(email);
    expect(await verifyPassword(stored!.passwordHash!, "a-brand-new-passphrase")).toBe(true);
    expect(await verifyPassword(stored!.passwordHash!, GOOD_PASSWORD)).toBe(false);
    expect(stored!.emailVerified).toBeInstanceOf(Date);
    expect(await sessionHashes(user.id)).toEqual([]);
    expect((await listOutbox({ to: email }))[0]!.subject).toMatch(/password was changed/);

    expect(await isVerificationTokenLive("reset_password", hashToken(token))).toBe(false);
    const again = await rejection(resetPassword(token, "yet-another-passphrase"));
    expect(again.code).toBe("gone");
    expect(await verifyPassword((await findUserByEmail(email))!.passwordHash!, "a-brand-new-passphrase")).toBe(true);
  });

  it("spends the other reset links of the account with the one used", async () => {
    const email = uniqueEmail("reset-twice");
    await registerUser({ name: "Twice", email, password: GOOD_PASSWORD });
    await requestPasswordReset(email);
    const first = await linkToken(email, "reset-password");
    await requestPasswordReset(email);
    const second = await linkToken(email, "reset-password");
    await resetPassword(second, "a-brand-new-passphrase");
    expect((await rejection(resetPassword(first, "yet-another-passphrase"))).code).toBe("gone");
  });

  it("refuses an expired link and changes nothing", async () => {
    const email = uniqueEmail("expired");
    const user = await registerUser({ name: "Late", email, password: GOOD_PASSWORD });
    const [kept] = await openSessions(user.id, 1);
    const token = newToken();
    await createVerificationToken(user.id, "reset_password", hashToken(token), new Date(clock.nowMs() - 1000));

    expect(await isVerificationTokenLive("reset_password", hashToken(token))).toBe(false);
    expect((await rejection(resetPassword(token, "a-brand-new-passphrase"))).code).toBe("gone");
    expect(await verifyPassword((await findUserByEmail(email))!.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect(await sessionHashes(user.id)).toEqual([kept]);
  });

  it("does not take a confirmation link as a reset link", async () => {
    const email = uniqueEmail("purpose");
    await registerUser({ name: "Purpose", email, password: GOOD_PASSWORD });
    const verifyToken = await linkToken(email, "verify-email");
    expect((await rejection(resetPassword(verifyToken, "a-brand-new-passphrase"))).code).toBe("gone");
  });

  it("asks for matching passwords in the form", () => {
    const result = resetPasswordSchema.safeParse({ token: "t", newPassword: "a-brand-new-passphrase", confirmPassword: "a-brand-new-passphrasf" });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirmPassword", "The two passwords do not match"]]);
  });
});

describe("password change", () => {
  it("keeps only the session that asked and mails a notice", async () => {
    const email = uniqueEmail("change");
    const user = await registerUser({ name: "Changer", email, password: GOOD_PASSWORD });
    const [current, ...others] = await openSessions(user.id, 3);
    expect(others).toHaveLength(2);

    await changePassword(user.id, current!, { currentPassword: GOOD_PASSWORD, newPassword: "another-long-passphrase" });

    expect(await sessionHashes(user.id)).toEqual([current]);
    expect(await verifyPassword((await findUserById(user.id))!.passwordHash!, "another-long-passphrase")).toBe(true);
    expect((await listOutbox({ to: email }))[0]!.subject).toMatch(/password was changed/);
  });

  it("spends every reset link asked for before, so none can set another password afterwards", async () => {
    const email = uniqueEmail("change-reset");
    const user = await registerUser({ name: "Changer", email, password: GOOD_PASSWORD });
    await requestPasswordReset(email);
    const earlier = await linkToken(email, "reset-password");
    await requestPasswordReset(email);
    const later = await linkToken(email, "reset-password");
    expect(later).not.toBe(earlier);

    await changePassword(user.id, null, { currentPassword: GOOD_PASSWORD, newPassword: "another-long-passphrase" });

    for (const token of [earlier, later]) {
      expect(await isVerificationTokenLive("reset_password", hashToken(token))).toBe(false);
      expect((await rejection(resetPassword(token, "an-attackers-passphrase"))).code).toBe("gone");
    }
    expect(await verifyPassword((await findUserById(user.id))!.passwordHash!, "another-long-passphrase")).toBe(true);
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const email = uniqueEmail("wrong-current");
    const user = await registerUser({ name: "Careful", email, password: GOOD_PASSWORD });
    const all = (await openSessions(user.id, 2)).sort();

    const error = await rejection(changePassword(user.id, all[0]!, { currentPassword: "not-my-password", newPassword: "another-long-passphrase" }));
    expect(error.status).toBe(422);
    expect(error.extra.fieldErrors?.currentPassword).toBeDefined();
    expect(await sessionHashes(user.id)).toEqual(all);
    expect(await verifyPassword((await findUserById(user.id))!.passwordHash!, GOOD_PASSWORD)).toBe(true);
  });

  it("checks the new password's rules and its confirmation in the form", () => {
    const short = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "short", confirmPassword: "short" });
    expect(short.error!.issues.map((i) => i.path.join("."))).toEqual(["newPassword"]);
    const mismatch = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "another-long-passphrase", confirmPassword: "other" });
    expect(mismatch.error!.issues.map((i) => i.path.join("."))).toEqual(["confirmPassword"]);
    const empty = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "another-long-passphrase", confirmPassword: "" });
    expect(empty.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirmPassword", "Repeat the new password"]]);
  });

  it("ends sessions of this user only", async () => {
    const a = await registerUser({ name: "A", email: uniqueEmail("a"), password: GOOD_PASSWORD });
    const b = await registerUser({ name: "B", email: uniqueEmail("b"), password: GOOD_PASSWORD });
    const [aCurrent] = await openSessions(a.id, 2);
    const bSessions = (await openSessions(b.id, 2)).sort();
    await changePassword(a.id, aCurrent!, { currentPassword: GOOD_PASSWORD, newPassword: "another-long-passphrase" });
    expect(await sessionHashes(b.id)).toEqual(bSessions);
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, a.id))).toHaveLength(1);
  });
});
