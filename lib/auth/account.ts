// Account life cycle: sign-up, e-mail verification, password reset and change. The actions
// in app/(auth) and app/account are thin wrappers around these.
import { getDb } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import { consumeVerificationToken, createVerificationToken, spendUserTokens } from "@/db/queries/verification-tokens";
import { createUser, findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@/db/queries/users";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/mailer";
import { accountExistsMessage, passwordChangedMessage, resetPasswordMessage, verifyEmailMessage } from "@/lib/mail/templates";
import { acceptInvitation, describeInvitation } from "@/lib/teams/invitations";
import type { User } from "@/db/schema";
import { ssoRequiredFor } from "@/lib/sso/sign-on";
import { hashPassword, verifyPassword } from "./password";
import { ensurePersonalTeam } from "./personal-team";
import { hashToken, newToken } from "./tokens";

const HOUR = 3600 * 1000;

/** Creates an account (address unconfirmed) and mails the confirmation link. Refuses an address that has one. */
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

/**
 * What sign-up answers. Without an invitation it is one and the same answer whether or not the
 * address already had an account, so the form cannot be used to find out who has one: a new
 * account gets its confirmation link, an existing one a notice that someone tried, and either
 * way the person is asked to look at their inbox and sign in.
 */
export type SignUpOutcome = { kind: "check_inbox" } | { kind: "joined"; user: User; slug: string };

/**
 * Runs the part of a sign-up that depends on whether the address has an account. The action
 * hands it to Next's after(), so it runs once the answer has left: the answer's timing is then
 * the same for both (the password hash, the one expensive step, is done before, for both).
 * Without a `defer`, the work is awaited in place.
 */
export type DeferWork = (work: () => Promise<void>) => void | Promise<void>;
const inPlace: DeferWork = (work) => work();

/**
 * Sign-up, with the invitation it came from if any. An invitation proves the address when the
 * sign-up uses the very address it was mailed to: the account is created confirmed and joins
 * the team with that token, which is spent by this sign-up (a second use finds it accepted).
 * The holder of such a link has read that mailbox, so telling them the address already has an
 * account reveals nothing they could not see there, and that path runs before the answer.
 * Every other sign-up does the same work before answering: the password's hash, then `defer`
 * of the rest (finishSignUp), which looks the address up and sends exactly one mail.
 */
export async function signUp(
  input: { name: string; email: string; password: string; invite?: string },
  options: { defer?: DeferWork } = {},
): Promise<SignUpOutcome> {
  const email = input.email.trim().toLowerCase();
  // A password could never be used at a domain whose team requires single sign-on (the same answer with or without an account).
  if (await ssoRequiredFor(email)) {
    throw new AppError("validation", "Your organisation requires single sign-on.", {
      fieldErrors: { email: ["Your organisation requires single sign-on — use Sign in with SSO on the sign-in page"] },
    });
  }
  const invitation = input.invite ? await describeInvitation(input.invite) : null;
  const invitedHere = invitation !== null && invitation.invitation.email === email;
  const passwordHash = await hashPassword(input.password);
  if (!invitedHere) {
    await (options.defer ?? inPlace)(() => finishSignUp({ name: input.name, email, passwordHash }));
    return { kind: "check_inbox" };
  }
  if (await findUserByEmail(email)) {
    throw new AppError("validation", "An account with this address already exists: sign in to accept the invitation.", {
      fieldErrors: { email: ["This address already has an account: sign in with it to accept the invitation"] },
    });
  }
  const user = await createUser({ email, name: input.name, passwordHash });
  try {
    const { slug } = await acceptInvitation(input.invite!, user, { addressProvedByLink: true });
    await markEmailVerified(user.id);
    return { kind: "joined", user: { ...user, emailVerified: clock.now() }, slug };
  } catch (error) {
    // Used or revoked meanwhile: an ordinary new account, which confirms its address by mail.
    if (!(error instanceof AppError)) throw error;
  }
  await sendVerificationEmail(user);
  await ensurePersonalTeam(user);
  return { kind: "check_inbox" };
}

/**
 * The rest of a sign-up without an invitation to its address, with the password already hashed:
 * an address that has an account gets a notice that someone tried (the account is not touched),
 * a new one an unconfirmed account in a team of its own and its confirmation link. Either way
 * exactly one mail. Two sign-ups of one new address at once: the second's insert fails on the
 * unique address, it finds the first's account, and its owner gets the notice.
 */
async function finishSignUp(input: { name: string; email: string; passwordHash: string }): Promise<void> {
  const notice = () => sendMail(accountExistsMessage(input.email, `${env().APP_URL}/sign-in`));
  if (await findUserByEmail(input.email)) return notice();
  let user: User;
  try {
    user = await createUser({ email: input.email, name: input.name, passwordHash: input.passwordHash });
  } catch (error) {
    if (await findUserByEmail(input.email)) return notice();
    throw error;
  }
  await sendVerificationEmail(user);
  await ensurePersonalTeam(user);
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

/**
 * Always behaves the same whether or not the address has an account (no account discovery).
 * An address whose team requires single sign-on gets no link: a password could not be used.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  if (await ssoRequiredFor(email)) return;
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
    // Any other reset link still in a mailbox would undo this password: spent with it.
    await spendUserTokens(userId, "reset_password", tx);
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
    // A reset link asked for before (by them, or by someone who reads their mail) must not set another password.
    await spendUserTokens(userId, "reset_password", tx);
    await deleteUserSessions(userId, currentSessionHash ?? undefined, tx);
  });
  await sendMail(passwordChangedMessage(user.email));
}
