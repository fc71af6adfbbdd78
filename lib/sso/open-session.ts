// The last step of every single sign-on (OIDC callback, SAML ACS): Auth.js opens the session, its
// Credentials provider spending a single-use ticket (lib/auth/auth.ts). An account with a second
// factor gets its pending sign-in instead and goes to the second step.
import { SecondFactorRequired, signIn } from "@/lib/auth/auth";
import { setChallengeCookie } from "@/lib/auth/challenge-cookie";
import { issueSsoTicket } from "./sign-on";

/** Opens the signed-on person's session; answers where the browser goes next. */
export async function openSsoSession(userId: string, destination: string): Promise<string> {
  const ticket = await issueSsoTicket(userId);
  try {
    await signIn("credentials", { ssoTicket: ticket, redirectTo: destination, redirect: false });
    return destination;
  } catch (error) {
    if (!(error instanceof SecondFactorRequired)) throw error;
    await setChallengeCookie(error.challenge);
    return `/sign-in/two-factor?callbackUrl=${encodeURIComponent(destination)}`;
  }
}
