"use server";
// Server actions of the sign-in, sign-up, password reset and e-mail confirmation pages, and sign-out.
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { requestPasswordReset, resetPassword, sendVerificationEmail, signUp, verifyEmail } from "@/lib/auth/account";
import { externalProviders, SecondFactorRequired, signIn, signInLimitChecks, signOut } from "@/lib/auth/auth";
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from "@/lib/auth/challenge-cookie";
import { startPasskeySignIn } from "@/lib/auth/two-factor";
import { AppError, unauthenticated } from "@/lib/errors";
import { clientIp, enforceLimits, formatWait, longestWait } from "@/lib/rate-limit";
import { safeCallbackUrl } from "./callback-url";
import { setSsoFlowCookie } from "@/lib/sso/flow-cookie";
import { startSignOn } from "@/lib/sso/sign-on";
import { forgotPasswordSchema, passkeySignInSchema, resetPasswordSchema, secondFactorSchema, signInSchema, signUpSchema, ssoSignInSchema, verifyEmailSchema } from "./schemas";

const SIGN_IN_EXPIRED = "This sign-in has expired. Sign in again with your password.";
const SSO_REQUIRED_MESSAGE = "Your organisation requires single sign-on — use Sign in with SSO.";

/**
 * Runs the Credentials sign-in. On success Auth.js sets the cookie and throws Next's redirect,
 * which must reach Next untouched (userAction rethrows it); its refusals become form errors.
 */
async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof SecondFactorRequired) {
      await setChallengeCookie(error.challenge);
      redirect(`/sign-in/two-factor?callbackUrl=${encodeURIComponent(redirectTo)}`);
    }
    if (error instanceof CredentialsSignin && error.code === "sso_required") throw new AppError("forbidden", SSO_REQUIRED_MESSAGE);
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const wait = (await longestWait(signInLimitChecks(email, await headers()))) || 60;
      throw new AppError("rate_limited", `Too many attempts. Try again in ${formatWait(wait)}.`, { retryAfter: wait });
    }
    // One message for an unknown address and a wrong password: the form must not reveal which accounts exist.
    if (error instanceof AuthError) throw new AppError("unauthenticated", "E-mail or password is incorrect.");
    throw error;
  }
  throw new AppError("internal");
}

export const signUpAction = userAction("auth.sign-up", {
  auth: "optional",
  schema: signUpSchema,
  async handler(input) {
    await enforceLimits([["sign-up:ip", clientIp(await headers())]]);
    // The same answer, after the same work, for a new account and an address that had one: what
    // depends on the address (the account, or the notice to its owner) runs after the answer has
    // left, so its timing says nothing about who has an account (lib/auth/account.ts).
    const outcome = await signUp(input, {
      defer: (work) =>
        after(() =>
          work().catch((error: unknown) => {
            console.error("[auth.sign-up] could not finish a sign-up", error);
          }),
        ),
    });
    if (outcome.kind === "check_inbox") redirect("/sign-in?signed-up=1");
    const destination = `/t/${outcome.slug}`;
    try {
      return await signInWithPassword(input.email, input.password, destination);
    } catch (error) {
      // The account exists by now: if signing in is refused (rate limit), it continues from the sign-in page.
      if (error instanceof AppError) redirect(`/sign-in?created=1&callbackUrl=${encodeURIComponent(destination)}`);
      throw error;
    }
  },
});

export const signInAction = userAction("auth.sign-in", {
  auth: "optional",
  schema: signInSchema,
  handler: (input) => signInWithPassword(input.email, input.password, input.callbackUrl),
});

/**
 * The second step of a sign-in with two-factor on: the code from the authenticator app (or a
 * recovery code) with the pending sign-in's token from its cookie. Limited like the password
 * (lib/auth/two-factor.ts); a wrong code is a field error, an expired sign-in starts over.
 */
export const secondFactorAction = userAction("auth.second-factor", {
  auth: "optional",
  schema: secondFactorSchema,
  async handler({ code, callbackUrl }) {
    const challenge = await readChallengeCookie();
    if (!challenge) throw new AppError("gone", SIGN_IN_EXPIRED);
    let destination: string;
    try {
      destination = await signIn("credentials", { challenge, code, redirectTo: callbackUrl, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin && error.code === "rate_limited") {
        throw new AppError("rate_limited", "Too many codes tried. Wait a few minutes, then sign in again.");
      }
      if (error instanceof AuthError) {
        throw new AppError("validation", "That code did not work.", {
          fieldErrors: { code: ["This code is not valid, was already used, or this sign-in has expired: try the current code, or sign in again"] },
        });
      }
      throw error;
    }
    await clearChallengeCookie();
    redirect(destination);
  },
});

/**
 * "Use a passkey" on the second step, part one: the options for the browser's
 * startAuthentication, for the pending sign-in in the cookie (its WebAuthn challenge is kept
 * on it, server-side). Nothing is counted yet: the answer is, like a code.
 */
export const passkeySignInOptionsAction = userAction("auth.passkey-options", {
  auth: "optional",
  schema: z.object({}),
  async handler() {
    const challenge = await readChallengeCookie();
    const options = challenge ? await startPasskeySignIn(challenge) : null;
    if (!options) throw new AppError("gone", SIGN_IN_EXPIRED);
    return { options };
  },
});

/** Part two: the passkey's answer, checked through the same Credentials provider and limits as a code. */
export const passkeySignInAction = userAction("auth.passkey-sign-in", {
  auth: "optional",
  schema: passkeySignInSchema,
  async handler({ response, callbackUrl }) {
    const challenge = await readChallengeCookie();
    if (!challenge) throw new AppError("gone", SIGN_IN_EXPIRED);
    let destination: string;
    try {
      destination = await signIn("credentials", { challenge, passkey: response, redirectTo: callbackUrl, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin && error.code === "rate_limited") {
        throw new AppError("rate_limited", "Too many attempts. Wait a few minutes, then sign in again.");
      }
      if (error instanceof AuthError) {
        throw new AppError("validation", "That passkey did not work.", {
          fieldErrors: { passkey: ["This passkey was not accepted, or this sign-in has expired: try again, or sign in again"] },
        });
      }
      throw error;
    }
    await clearChallengeCookie();
    redirect(destination);
  },
});

/**
 * "Sign in with SSO": the address names the team (by its verified domain) whose identity
 * provider the browser goes to; the flow's state waits in a sealed cookie for the callback.
 */
export const ssoSignInAction = userAction("auth.sso-start", {
  auth: "optional",
  schema: ssoSignInSchema,
  async handler({ email, callbackUrl }) {
    const { url, flow } = await startSignOn(email, callbackUrl, await headers());
    // OIDC keeps its flow in a cookie; SAML's waits in the database (lib/sso/sign-on.ts).
    if (flow) await setSsoFlowCookie(flow);
    redirect(url);
  },
});

/** The GitHub / Google / OIDC buttons: Auth.js redirects to the provider. */
export async function externalSignInAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  if (typeof provider !== "string" || !externalProviders().some((p) => p.id === provider)) redirect("/sign-in");
  try {
    await signIn(provider, { redirectTo });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/sign-in?error=${encodeURIComponent(error.type)}`);
    throw error;
  }
}

/** Ends this device's session: Auth.js clears the cookie and its signOut event deletes the session row. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

const RESET_LINK_SENT = "If an account exists for this address, we sent a link to choose a new password. It works once, for one hour.";

export const forgotPasswordAction = userAction("auth.forgot-password", {
  auth: "optional",
  schema: forgotPasswordSchema,
  async handler({ email }) {
    await enforceLimits([
      ["password-reset:ip", clientIp(await headers())],
      ["password-reset:account", email],
    ]);
    // Looked up and mailed after the answer has left, so its timing says nothing about whether the account exists.
    after(() =>
      requestPasswordReset(email).catch((error: unknown) => {
        console.error("[auth.forgot-password] could not send the reset link", error);
      }),
    );
    return { message: RESET_LINK_SENT };
  },
});

export const resetPasswordAction = userAction("auth.reset-password", {
  auth: "optional",
  schema: resetPasswordSchema,
  async handler({ token, newPassword }) {
    await resetPassword(token, newPassword);
    redirect("/sign-in?reset=1");
  },
});

export const verifyEmailAction = userAction("auth.verify-email", {
  auth: "optional",
  schema: verifyEmailSchema,
  async handler({ token }) {
    // No revalidatePath: refreshing this page would re-render it for a now-used token and hide the answer.
    await verifyEmail(token);
    return { message: "Your e-mail address is confirmed. Thank you." };
  },
});

export const resendVerificationAction = userAction("auth.resend-verification", {
  auth: "required",
  schema: z.object({}),
  async handler(_input, user) {
    if (!user) throw unauthenticated();
    if (user.emailVerified) return { message: "Your e-mail address is already confirmed." };
    await enforceLimits([["verify-email:user", user.id]]);
    await sendVerificationEmail(user);
    return { message: `We sent a new confirmation link to ${user.email}.` };
  },
});
