// Passkeys on the account page: adding one (a WebAuthn registration the browser signs), naming
// and removing them. A passkey is a second factor like the authenticator app: once a person has
// one, the password alone no longer signs them in (lib/auth/two-factor.ts asks for it).
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/db/client";
import { deletePasskey, insertPasskey, listPasskeys, renamePasskey, savePasskeyRegistration, takePasskeyRegistration } from "@/db/queries/passkeys";
import { deleteUserSessions, type SessionUser } from "@/db/queries/sessions";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { enforceLimits } from "@/lib/rate-limit";
import { assertRecentSignIn, hasTwoFactor } from "./two-factor";
import { registrationOptions, verifyRegistration, WEBAUTHN_TIMEOUT_MS } from "./webauthn";

/** A person may keep this many passkeys (a phone, a laptop, a couple of security keys…). */
export const MAX_PASSKEYS = 10;

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** Synced by its provider (iCloud Keychain, Google Password Manager…) rather than bound to one device. */
  synced: boolean;
}

export async function passkeysOf(userId: string): Promise<PasskeyView[]> {
  return (await listPasskeys(userId)).map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt, synced: p.backedUp }));
}

/**
 * Starts adding a passkey: the options the browser's startRegistration needs, the challenge kept
 * for WEBAUTHN_TIMEOUT_MS. Adding a factor beside an existing one needs a recent sign-in, as
 * changing it does: an old, stolen session must not plant its own passkey. The first factor does
 * not (setting up the authenticator app does not either).
 */
export async function startPasskeyRegistration(user: SessionUser, name: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (await hasTwoFactor(user.id)) assertRecentSignIn(user);
  await enforceLimits([["two-factor-setup:user", user.id]]);
  const existing = await listPasskeys(user.id);
  if (existing.length >= MAX_PASSKEYS) throw new AppError("conflict", `You have ${MAX_PASSKEYS} passkeys already. Remove one to add another.`);
  const options = await registrationOptions(user, existing);
  await savePasskeyRegistration(user.id, options.challenge, name, new Date(clock.nowMs() + WEBAUTHN_TIMEOUT_MS));
  return options;
}

/**
 * Finishes adding a passkey with the browser's answer. The pending challenge is taken first, so
 * an answer is used once, right or wrong. When this is the person's first second factor, every
 * other session ends, since those were opened without it (as turning on the authenticator app does).
 */
export async function finishPasskeyRegistration(user: SessionUser, responseJson: string, currentSessionHash: string | null): Promise<{ name: string }> {
  const pending = await takePasskeyRegistration(user.id);
  if (!pending) throw new AppError("gone", "This passkey set-up has expired. Start again.");
  const verified = await verifyRegistration(responseJson, pending.challenge);
  if (!verified) throw new AppError("validation", "Your browser's answer could not be verified. Try again.");
  const first = !(await hasTwoFactor(user.id));
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!(await insertPasskey({ ...verified, userId: user.id, name: pending.name }, tx))) {
      throw new AppError("conflict", "This passkey is registered already.");
    }
    if (first) await deleteUserSessions(user.id, currentSessionHash ?? undefined, tx);
  });
  return { name: pending.name };
}

export async function renameUserPasskey(user: SessionUser, id: string, name: string): Promise<void> {
  if (!(await renamePasskey(user.id, id, name))) throw new AppError("not_found", "This passkey no longer exists.");
}

/**
 * Removes a passkey; needs a recent sign-in, like turning the authenticator app off. Removing the
 * last factor is allowed, as turning the app off is: a team that requires two-factor sign-in then
 * sends the person to set one up again before its pages open (lib/auth/team-context.ts).
 */
export async function removeUserPasskey(user: SessionUser, id: string): Promise<void> {
  assertRecentSignIn(user);
  if (!(await deletePasskey(user.id, id))) throw new AppError("not_found", "This passkey no longer exists.");
}
