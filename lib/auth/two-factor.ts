// Two-factor sign-in: enrolling an authenticator app (TOTP) with recovery codes, the second step
// of a sign-in (a code, or a passkey: lib/auth/passkeys.ts adds those), removing the factor, and
// the recent-sign-in rule that guards changes to it.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import {
  acceptTotpStep,
  consumeRecoveryCode,
  countChallengeAttempt,
  countUnusedRecoveryCodes,
  createSignInChallenge,
  deleteSignInChallenge,
  deleteTwoFactor,
  findTotpFactor,
  replaceRecoveryCodes,
  saveUnconfirmedTotp,
} from "@/db/queries/two-factor";
import { countPasskeys, findLiveSignInChallenge, findPasskeyByCredentialId, listPasskeys, recordPasskeyUse, setSignInWebAuthnChallenge, takeSignInWebAuthnChallenge } from "@/db/queries/passkeys";
import { findUserById } from "@/db/queries/users";
import type { SessionUser } from "@/db/queries/sessions";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { clientIp, consumeLimit, enforceLimits, refundLimit, type LimitName } from "@/lib/rate-limit";
import { open, seal } from "./secret-box";
import { hashToken, newToken } from "./tokens";
import { matchTotpStep, newTotpSecret, totpQrSvg, totpUri } from "./totp";
import { assertionCredentialId, authenticationOptions, verifyAssertion } from "./webauthn";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

const SECRET_PURPOSE = "totp-secret";
export const RECOVERY_CODE_COUNT = 10;
/** Removing the factor or replacing the recovery codes needs a session opened this recently. */
export const RECENT_SIGN_IN_MINUTES = 15;
/** How long a sign-in may wait at its second step, and how many codes it may try there. */
export const CHALLENGE_TTL_MINUTES = 10;
export const CHALLENGE_MAX_ATTEMPTS = 5;
/** The cookie that carries a pending sign-in's token between its two steps. */
export const CHALLENGE_COOKIE = "cairn-second-factor";

/** A team requires two-factor sign-in and this member has none: they are sent to set it up. */
export class TwoFactorRequiredError extends AppError {
  constructor(readonly teamName: string) {
    super("forbidden", `${teamName} requires two-factor sign-in. Set up an authenticator app or a passkey on your account page to continue.`);
  }
}

// 32 symbols without look-alikes (no i, l, o, u): 5 bits each, 16 per code = 80 bits.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** What a person types, as stored: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

const hashRecoveryCode = (code: string) => hashToken(`recovery:${normalizeRecoveryCode(code)}`);

export interface TwoFactorStatus {
  enabled: boolean;
  /** Enrolment started, not yet confirmed: what the page shows to scan. */
  pending: { secret: string; uri: string; qrSvg: string } | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(user: { id: string; email: string }): Promise<TwoFactorStatus> {
  const factor = await findTotpFactor(user.id);
  if (factor?.confirmedAt) return { enabled: true, pending: null, recoveryCodesLeft: await countUnusedRecoveryCodes(user.id) };
  const secret = factor ? open(factor.secretEncrypted, SECRET_PURPOSE) : null;
  if (!secret) return { enabled: false, pending: null, recoveryCodesLeft: 0 };
  const uri = totpUri(secret, user.email);
  return { enabled: false, pending: { secret, uri, qrSvg: await totpQrSvg(uri) }, recoveryCodesLeft: 0 };
}

/**
 * Starts enrolment: a new secret, sealed, not active until a code from it is confirmed. Beside a
 * passkey it is a second factor added to an existing one: that needs a recent sign-in, as adding
 * another passkey does (lib/auth/passkeys.ts).
 */
export async function startTotpEnrolment(user: { id: string; signedInAt?: Date }): Promise<void> {
  if ((await countPasskeys(user.id)) > 0) assertRecentSignIn(user);
  const saved = await saveUnconfirmedTotp(user.id, seal(newTotpSecret(), SECRET_PURPOSE));
  if (!saved) throw new AppError("conflict", "Two-factor sign-in is already on. Remove it first to set up another app.");
}

/**
 * Confirms enrolment with a code from the app: the factor becomes active, ten recovery codes
 * are made (returned once, stored as hashes), and every other session of the person ends,
 * since they were opened without the second factor.
 */
export async function confirmTotpEnrolment(user: { id: string }, code: string, currentSessionHash: string | null): Promise<{ recoveryCodes: string[] }> {
  await enforceLimits([["two-factor-setup:user", user.id]]);
  const factor = await findTotpFactor(user.id);
  if (!factor || factor.confirmedAt) throw new AppError("conflict", "There is no set-up waiting for a code. Start again.");
  const secret = open(factor.secretEncrypted, SECRET_PURPOSE);
  const step = secret ? await matchTotpStep(secret, code.replace(/\s/g, ""), factor.lastUsedStep) : null;
  if (step === null) throw invalidCode();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!(await acceptTotpStep(user.id, step, { confirming: true }, tx))) throw invalidCode();
    await replaceRecoveryCodes(user.id, recoveryCodes.map(hashRecoveryCode), tx);
    await deleteUserSessions(user.id, currentSessionHash ?? undefined, tx);
  });
  return { recoveryCodes };
}

function invalidCode() {
  return new AppError("validation", "That code did not match.", { fieldErrors: { code: ["This code is not valid: type the 6 digits your app shows now"] } });
}

/**
 * Changing a factor needs a recent sign-in: a session opened within RECENT_SIGN_IN_MINUTES
 * (signing in again asks for the second factor). A stolen, older session cannot turn it off.
 */
export function assertRecentSignIn(user: Pick<SessionUser, "signedInAt">): void {
  const since = user.signedInAt ? clock.nowMs() - user.signedInAt.getTime() : Infinity;
  if (since > RECENT_SIGN_IN_MINUTES * 60_000) {
    throw new AppError("forbidden", `For your security, sign in again to change two-factor sign-in (it needs a sign-in within the last ${RECENT_SIGN_IN_MINUTES} minutes).`);
  }
}

/** Removes the authenticator app and the recovery codes (or abandons a set-up in progress). */
export async function removeTwoFactor(user: SessionUser): Promise<void> {
  const factor = await findTotpFactor(user.id);
  if (factor?.confirmedAt) assertRecentSignIn(user);
  await deleteTwoFactor(user.id);
}

/** New recovery codes replace the old ones (all of them, used or not). */
export async function regenerateRecoveryCodes(user: SessionUser): Promise<{ recoveryCodes: string[] }> {
  assertRecentSignIn(user);
  const factor = await findTotpFactor(user.id);
  if (!factor?.confirmedAt) throw new AppError("conflict", "Two-factor sign-in is not on.");
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(user.id, recoveryCodes.map(hashRecoveryCode));
  return { recoveryCodes };
}

/** The second factors a person has: a confirmed authenticator app, and how many passkeys. */
export async function secondFactorsOf(userId: string): Promise<{ totp: boolean; passkeys: number }> {
  const [factor, passkeys] = await Promise.all([findTotpFactor(userId), countPasskeys(userId)]);
  return { totp: Boolean(factor?.confirmedAt), passkeys };
}

/** Either factor counts: an authenticator app or a passkey is asked for after the password, and satisfies a team's rule. */
export async function hasTwoFactor(userId: string): Promise<boolean> {
  const factors = await secondFactorsOf(userId);
  return factors.totp || factors.passkeys > 0;
}

/** What the second step should offer this pending sign-in: null once it expired or was spent (the page starts over). */
export async function pendingSignInFactors(token: string): Promise<{ code: boolean; passkey: boolean } | null> {
  const challenge = await findLiveSignInChallenge(hashToken(token));
  if (!challenge) return null;
  const factors = await secondFactorsOf(challenge.userId);
  return { code: factors.totp, passkey: factors.passkeys > 0 };
}

/**
 * "Use a passkey" on the second step: a fresh WebAuthn challenge, kept on the pending sign-in
 * (a new one replaces the last), for this person's passkeys only. Null when the sign-in expired
 * or the person has no passkey.
 */
export async function startPasskeySignIn(token: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const challenge = await findLiveSignInChallenge(hashToken(token));
  if (!challenge) return null;
  const passkeys = await listPasskeys(challenge.userId);
  if (passkeys.length === 0) return null;
  const options = await authenticationOptions(passkeys);
  return (await setSignInWebAuthnChallenge(challenge.id, options.challenge)) ? options : null;
}

/** After a right first step: the token the browser keeps for the second (only its hash is stored). */
export async function openSignInChallenge(userId: string): Promise<string> {
  const token = newToken();
  await createSignInChallenge(userId, hashToken(token), new Date(clock.nowMs() + CHALLENGE_TTL_MINUTES * 60_000));
  return token;
}

/** The outcome of a second step: the person, a refusal by the limits, or a wrong or expired code. */
export type SecondFactorOutcome = { ok: true; user: { id: string; email: string; name: string | null } } | { ok: false; reason: "rate_limited" | "invalid" };

/**
 * The second step of a sign-in: the challenge token and a code from the authenticator app (or
 * a recovery code), or a passkey's answer (JSON from the browser's startAuthentication). Counted before it is checked, like the password (lib/auth/auth.ts): the
 * client's address overall, this account from this address (refused past its budget), this
 * account from everywhere (each attempt past it waits longer, none is refused), and the
 * challenge itself (a few codes, then it is spent). A right code gives the hits back, spends
 * the challenge, and — for an app code — its time step, so the same code cannot be replayed.
 */
export async function verifySecondFactor(
  input: { challenge: string; code: string } | { challenge: string; passkey: string },
  headers: Headers,
  options: { wait: (ms: number) => Promise<void>; delayMs: (attempts: number) => number },
): Promise<SecondFactorOutcome> {
  const ip = clientIp(headers);
  const counted: Array<[LimitName, string]> = [];
  const count = async (name: LimitName, subject: string) => {
    const result = await consumeLimit(name, subject);
    counted.push([name, subject]);
    return result;
  };
  if (!(await count("sign-in:ip", ip)).allowed) return { ok: false, reason: "rate_limited" };
  const challenge = await countChallengeAttempt(hashToken(input.challenge), CHALLENGE_MAX_ATTEMPTS);
  if (!challenge) return { ok: false, reason: "invalid" };
  if (!(await count("two-factor:account-client", `${challenge.userId}|${ip}`)).allowed) return { ok: false, reason: "rate_limited" };
  const byAccount = await count("two-factor:account", challenge.userId);
  const delay = options.delayMs(byAccount.count);
  if (delay > 0) await options.wait(delay);

  const right = "passkey" in input ? await passkeyAnswerIsRight(challenge, input.passkey) : await codeIsRight(challenge.userId, input.code.trim());
  if (!right) return { ok: false, reason: "invalid" };
  // Two right codes in parallel: only the one that spends the challenge opens a session.
  if (!(await deleteSignInChallenge(challenge.id))) return { ok: false, reason: "invalid" };
  await Promise.all(counted.map(([name, subject]) => refundLimit(name, subject)));
  const user = await findUserById(challenge.userId);
  if (!user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** A code from the authenticator app (spending its time step) or an unused recovery code (spending it). */
async function codeIsRight(userId: string, code: string): Promise<boolean> {
  if (/^\d{3}\s?\d{3}$/.test(code)) {
    const factor = await findTotpFactor(userId);
    const secret = factor?.confirmedAt ? open(factor.secretEncrypted, SECRET_PURPOSE) : null;
    const step = secret ? await matchTotpStep(secret, code.replace(/\s/g, ""), factor!.lastUsedStep) : null;
    return step !== null && (await acceptTotpStep(userId, step, { confirming: false }));
  }
  if (normalizeRecoveryCode(code).length === 16) return consumeRecoveryCode(userId, hashRecoveryCode(code));
  return false;
}

/**
 * A passkey's answer to this pending sign-in: it must sign the WebAuthn challenge kept on it
 * (taken now, so an answer works once, right or wrong), with one of this person's passkeys,
 * for this site, at a signature counter past the stored one (which then moves, atomically).
 */
async function passkeyAnswerIsRight(challenge: { id: string; userId: string }, answer: string): Promise<boolean> {
  const expected = await takeSignInWebAuthnChallenge(challenge.id);
  const credentialId = assertionCredentialId(answer);
  if (!expected || !credentialId) return false;
  const passkey = await findPasskeyByCredentialId(challenge.userId, credentialId);
  if (!passkey) return false;
  const counter = await verifyAssertion(answer, expected, passkey);
  return counter !== null && (await recordPasskeyUse(challenge.userId, passkey.id, passkey.counter, counter));
}
