"use server";
// Server actions of the account page: rename, and change (or first set) the password.
import { revalidatePath } from "next/cache";
import { updateUserName } from "@/db/queries/users";
import { userAction } from "@/lib/actions/user-action";
import { changePassword } from "@/lib/auth/account";
import { currentSessionHash } from "@/lib/auth/current-user";
import { unauthenticated } from "@/lib/errors";
import { enforceLimits } from "@/lib/rate-limit";
import { accountNameSchema, changePasswordSchema } from "../(auth)/schemas";

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
