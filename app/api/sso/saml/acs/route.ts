// POST /api/sso/saml/acs — the Assertion Consumer Service: a team's SAML identity provider posts its signed answer here.
import { NextResponse, type NextRequest } from "next/server";
import { SecondFactorRequired, signIn } from "@/lib/auth/auth";
import { setChallengeCookie } from "@/lib/auth/challenge-cookie";
import { env } from "@/lib/env";
import { finishSamlSignOn, issueSsoTicket } from "@/lib/sso/sign-on";

export const dynamic = "force-dynamic";

// A route handler, not a server action: the identity provider's form POST is cross-site, which
// Next's server-action origin check would refuse, and proxy.ts does not run on /api. What
// authorizes it is the team's IdP signature and the stored request its RelayState names
// (lib/sso/sign-on.ts); it carries no cookie of ours. Every answer is a 303, so the browser
// follows with a GET.
const seeOther = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 303);

export async function POST(request: NextRequest): Promise<Response> {
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  const text = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" && value ? value : null;
  };
  const outcome = await finishSamlSignOn(text("SAMLResponse"), text("RelayState"), request.headers);
  if (!outcome.ok) return seeOther(`/sign-in/sso?error=${outcome.reason}`);
  // Auth.js opens the session: its Credentials provider spends this single-use ticket (lib/auth/auth.ts).
  const ticket = await issueSsoTicket(outcome.user.id);
  try {
    await signIn("credentials", { ssoTicket: ticket, redirectTo: outcome.destination, redirect: false });
  } catch (error) {
    if (error instanceof SecondFactorRequired) {
      await setChallengeCookie(error.challenge);
      return seeOther(`/sign-in/two-factor?callbackUrl=${encodeURIComponent(outcome.destination)}`);
    }
    throw error;
  }
  return seeOther(outcome.destination);
}
