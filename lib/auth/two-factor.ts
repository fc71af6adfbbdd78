// Two-factor sign-in: enrolling an authenticator app (TOTP) with recovery codes, the second step
// of a sign-in, removing the factor, and the recent-sign-in rule that guards changes to it.
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
import { findUserById } from "@/db/queries/users";
import type { SessionUser } from "@/db/queries/sessions";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { clientIp, consumeLimit, enforceLimits, refundLimit, type LimitName } from "@/lib/rate-limit";
import { open, seal } from "./secret-box";
import { hashToken, newToken } from "./tokens";
import { matchTotpStep, newTotpSecret, totpQrSvg, totpUri } from "./totp";

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
    super("forbidden", `${teamName} requires two-factor sign-in. Set up an authenticator app on your account page to continue.`);
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

/** Starts enrolment: a new secret, sealed, not active until a code from it is confirmed. */
export async function startTotpEnrolment(user: { id: string }): Promise<void> {
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
export function assertRecentSignIn(user: SessionUser): void {
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

export async function hasTwoFactor(userId: string): Promise<boolean> {
  return Boolean((await findTotpFactor(userId))?.confirmedAt);
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
 * a recovery code). Counted before it is checked, like the password (lib/auth/auth.ts): the
 * client's address overall, this account from this address (refused past its budget), this
 * account from everywhere (each attempt past it waits longer, none is refused), and the
 * challenge itself (a few codes, then it is spent). A right code gives the hits back, spends
 * the challenge, and — for an app code — its time step, so the same code cannot be replayed.
 */
export async function verifySecondFactor(
  input: { challenge: string; code: string },
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

  const code = input.code.trim();
  let right = false;
  if (/^\d{3}\s?\d{3}$/.test(code)) {
    const factor = await findTotpFactor(challenge.userId);
    const secret = factor?.confirmedAt ? open(factor.secretEncrypted, SECRET_PURPOSE) : null;
    const step = secret ? await matchTotpStep(secret, code.replace(/\s/g, ""), factor!.lastUsedStep) : null;
    right = step !== null && (await acceptTotpStep(challenge.userId, step, { confirming: false }));
  } else if (normalizeRecoveryCode(code).length === 16) {
    right = await consumeRecoveryCode(challenge.userId, hashRecoveryCode(code));
  }
  if (!right) return { ok: false, reason: "invalid" };
  // Two right codes in parallel: only the one that spends the challenge opens a session.
  if (!(await deleteSignInChallenge(challenge.id))) return { ok: false, reason: "invalid" };
  await Promise.all(counted.map(([name, subject]) => refundLimit(name, subject)));
  const user = await findUserById(challenge.userId);
  if (!user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
