// Input of the sign-in, sign-up, password and account forms: shared by their server actions and the tests.
import { z } from "zod";
import { email, newPassword, requiredText, uuid } from "@/lib/validation/primitives";
import { safeCallbackUrl } from "./callback-url";

// Any password someone may already have (set before today's rules) must still be accepted at sign-in.
const existingPassword = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .min(1, `${label} is required`)
    .max(128, `${label} must be at most 128 characters`);

const token = z.string({ error: "The link is incomplete" }).trim().min(1, "The link is incomplete").max(200, "The link is not valid");

// An empty confirmation gets its own message (below); a filled one must match.
const matchingConfirmation = {
  check: (v: { newPassword: string; confirmPassword: string }) => v.confirmPassword === "" || v.newPassword === v.confirmPassword,
  params: { path: ["confirmPassword"], error: "The two passwords do not match" },
};

export const signUpSchema = z.object({
  name: requiredText("Name", 100),
  email,
  password: newPassword,
  invite: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
});

export const signInSchema = z.object({
  email,
  password: existingPassword("Password"),
  callbackUrl: z.unknown().transform((v) => safeCallbackUrl(v)),
});

// No callbackUrl (the default page) lets single sign-on land in the person's team.
export const ssoSignInSchema = z.object({
  email,
  callbackUrl: z
    .unknown()
    .optional()
    .transform((v) => safeCallbackUrl(v, "") || null),
});

export const secondFactorSchema = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app" })
    .trim()
    .min(1, "Enter the code from your authenticator app")
    .max(64, "This code is too long: it is 6 digits, or a recovery code like abcd-efgh-jkmn-pqrs"),
  callbackUrl: z.unknown().transform((v) => safeCallbackUrl(v)),
});

export const totpCodeSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code your app shows" })
    .trim()
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your app shows")),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token, newPassword, confirmPassword: z.string({ error: "Repeat the new password" }).min(1, "Repeat the new password") })
  .refine(matchingConfirmation.check, matchingConfirmation.params);

export const verifyEmailSchema = z.object({ token });

// Empty for someone who signed up through single sign-on and sets a first password; changePassword checks it otherwise.
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(128, "Current password must be at most 128 characters").default(""),
    newPassword,
    confirmPassword: z.string({ error: "Repeat the new password" }).min(1, "Repeat the new password"),
  })
  .refine(matchingConfirmation.check, matchingConfirmation.params);

export const accountNameSchema = z.object({ name: requiredText("Name", 100) });

// A passkey ceremony's answer from the browser (JSON text); its content is checked by lib/auth/webauthn.ts.
const webauthnAnswer = z
  .string({ error: "Your browser sent no passkey answer: try again" })
  .min(1, "Your browser sent no passkey answer: try again")
  .max(16_000, "Your browser's passkey answer is too long");

export const passkeyNameSchema = z.object({ name: requiredText("Passkey name", 60) });

export const passkeyRegistrationSchema = z.object({ response: webauthnAnswer });

export const passkeyRenameSchema = z.object({ id: uuid("Passkey"), name: requiredText("Passkey name", 60) });

export const passkeyRemoveSchema = z.object({ id: uuid("Passkey") });

export const passkeySignInSchema = z.object({
  response: webauthnAnswer,
  callbackUrl: z.unknown().transform((v) => safeCallbackUrl(v)),
});
