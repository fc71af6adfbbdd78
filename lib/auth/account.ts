// Account life cycle: sign-up, e-mail verification, password reset and change. The actions
// in app/(auth) and app/account are thin wrappers around these.
import { getDb } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import { consumeVerificationToken, createVerificationToken } from "@/db/queries/verification-tokens";
import { createUser, findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@/db/queries/users";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/mailer";
import { passwordChangedMessage, resetPasswordMessage, verifyEmailMessage } from "@/lib/mail/templates";
import { hashPassword, verifyPassword } from "./password";
import { hashToken, newToken } from "./tokens";

const HOUR = 3600 * 1000;

export async function registerUser(input: { name: string; email: string; password: string }) {
  if (await findUserByEmail(input.email)) {
    throw new AppError("validation", "An account with this e-mail already exists.", {
      fieldErrors: { email: ["An account with this e-mail already exists: sign in instead"] },
    });
  }
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  await sendVerificationEmail(user);
  return user;
}

export async function sendVerificationEmail(user: { id: string; email: string }) {
  const token = newToken();
  await createVerificationToken(user.id, "verify_email", hashToken(token), new Date(clock.nowMs() + 24 * HOUR));
  await sendMail(verifyEmailMessage(user.email, `${env().APP_URL}/verify-email/${token}`));
}

export async function verifyEmail(token: string): Promise<void> {
  const userId = await consumeVerificationToken("verify_email", hashToken(token));
  if (!userId) throw new AppError("gone", "This confirmation link is no longer valid: it was used or has expired.");
  await markEmailVerified(userId);
}

/** Always behaves the same whether or not the address has an account (no account discovery). */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) return;
  const token = newToken();
  await createVerificationToken(user.id, "reset_password", hashToken(token), new Date(clock.nowMs() + HOUR));
  await sendMail(resetPasswordMessage(user.email, `${env().APP_URL}/reset-password/${token}`));
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(token: string, password: string): Promise<void> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const userId = await consumeVerificationToken("reset_password", hashToken(token), tx);
    if (!userId) throw new AppError("gone", "This reset link is no longer valid: it was used or has expired. Ask for a new one.");
    await setPasswordHash(userId, passwordHash, tx);
    // Following the e-mailed link proves the address too.
    await markEmailVerified(userId, tx);
    await deleteUserSessions(userId, undefined, tx);
    return findUserById(userId, tx);
  });
  if (user) await sendMail(passwordChangedMessage(user.email));
}

/** Changes the password of a signed-in person; every other session of theirs ends. */
export async function changePassword(userId: string, currentSessionHash: string | null, input: { currentPassword: string; newPassword: string }) {
  const user = await findUserById(userId);
  if (!user) throw new AppError("unauthenticated");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "The current password is not correct.", { fieldErrors: { currentPassword: ["This is not your current password"] } });
  }
  const db = await getDb();
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(userId, passwordHash, tx);
    await deleteUserSessions(userId, currentSessionHash ?? undefined, tx);
  });
  await sendMail(passwordChangedMessage(user.email));
}
