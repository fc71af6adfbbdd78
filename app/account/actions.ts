"use server";
// Server actions of the account page: rename, change (or first set) the password, two-factor sign-in and passkeys.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateUserName } from "@/db/queries/users";
import { userAction } from "@/lib/actions/user-action";
import { changePassword } from "@/lib/auth/account";
import { signOut } from "@/lib/auth/auth";
import { confirmTotpEnrolment, regenerateRecoveryCodes, removeTwoFactor, startTotpEnrolment } from "@/lib/auth/two-factor";
import { currentSessionHash } from "@/lib/auth/current-user";
import { finishPasskeyRegistration, removeUserPasskey, renameUserPasskey, startPasskeyRegistration } from "@/lib/auth/passkeys";
import { unauthenticated } from "@/lib/errors";
import { enforceLimits } from "@/lib/rate-limit";
import {
  accountNameSchema,
  changePasswordSchema,
  passkeyNameSchema,
  passkeyRegistrationSchema,
  passkeyRemoveSchema,
  passkeyRenameSchema,
  totpCodeSchema,
} from "../(auth)/schemas";

export const updateNameAction = userAction("account.update-name", {
  auth: "required",
  schema: accountNameSchema,
  async handler({ name }, user) {
    if (!user) throw unauthenticated();
    await updateUserName(user.id, name);
    revalidatePath("/account");
    return { message: "Name saved." };
  },
});

export const changePasswordAction = userAction("account.change-password", {
  auth: "required",
  schema: changePasswordSchema,
  async handler(input, user) {
    if (!user) throw unauthenticated();
    // A stolen session must not become a way to guess the current password: same budget as sign-in.
    await enforceLimits([["sign-in:account", user.email]]);
    await changePassword(user.id, await currentSessionHash(), input);
    return { message: "Password changed. Every other device was signed out." };
  },
});

export const startTotpAction = userAction("account.two-factor.start", {
  auth: "required",
  schema: z.object({}),
  async handler(_input, user) {
    if (!user) throw unauthenticated();
    await startTotpEnrolment(user);
    revalidatePath("/account");
    return { message: "Scan the code with your authenticator app, then type the code it shows." };
  },
});

/** Not revalidated: the form shows the recovery codes (once) until the person says they kept them. */
export const confirmTotpAction = userAction("account.two-factor.confirm", {
  auth: "required",
  schema: totpCodeSchema,
  async handler({ code }, user) {
    if (!user) throw unauthenticated();
    return confirmTotpEnrolment(user, code, await currentSessionHash());
  },
});

export const removeTwoFactorAction = userAction("account.two-factor.remove", {
  auth: "required",
  schema: z.object({}),
  async handler(_input, user) {
    if (!user) throw unauthenticated();
    await removeTwoFactor(user);
    revalidatePath("/account");
    return { message: "Two-factor sign-in is off." };
  },
});

export const regenerateRecoveryCodesAction = userAction("account.two-factor.recovery-codes", {
  auth: "required",
  schema: z.object({}),
  async handler(_input, user) {
    if (!user) throw unauthenticated();
    return regenerateRecoveryCodes(user);
  },
});

/** Adding a passkey, step one: the options for the browser's startRegistration (the name is kept for step two). */
export const startPasskeyRegistrationAction = userAction("account.passkeys.start", {
  auth: "required",
  schema: passkeyNameSchema,
  async handler({ name }, user) {
    if (!user) throw unauthenticated();
    return { options: await startPasskeyRegistration(user, name) };
  },
});

/** Adding a passkey, step two: the browser's answer, verified and stored. */
export const finishPasskeyRegistrationAction = userAction("account.passkeys.finish", {
  auth: "required",
  schema: passkeyRegistrationSchema,
  async handler({ response }, user) {
    if (!user) throw unauthenticated();
    const { name } = await finishPasskeyRegistration(user, response, await currentSessionHash());
    revalidatePath("/account");
    return { message: `Passkey “${name}” added.` };
  },
});

export const renamePasskeyAction = userAction("account.passkeys.rename", {
  auth: "required",
  schema: passkeyRenameSchema,
  async handler({ id, name }, user) {
    if (!user) throw unauthenticated();
    await renameUserPasskey(user, id, name);
    revalidatePath("/account");
    return { message: "Passkey renamed." };
  },
});

export const removePasskeyAction = userAction("account.passkeys.remove", {
  auth: "required",
  schema: passkeyRemoveSchema,
  async handler({ id }, user) {
    if (!user) throw unauthenticated();
    await removeUserPasskey(user, id);
    revalidatePath("/account");
    return { message: "Passkey removed." };
  },
});

/** Ends this session and asks for a fresh sign-in (with the second factor), back to the account page: a recent sign-in. */
export async function signInAgainAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?callbackUrl=%2Faccount" });
}
