// GET /api/sso/callback — where a team's identity provider sends the browser back after single sign-on.
import type { NextRequest } from "next/server";
import { redirect } from "next/navigation";
import { SecondFactorRequired, signIn } from "@/lib/auth/auth";
import { setChallengeCookie } from "@/lib/auth/challenge-cookie";
import { takeSsoFlowCookie } from "@/lib/sso/flow-cookie";
import { finishSignOn, issueSsoTicket } from "@/lib/sso/sign-on";
import { ssoRedirectUri } from "@/lib/sso/sso";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<never> {
  const flow = await takeSsoFlowCookie();
  // The URL as the provider was told to call it (APP_URL), whatever host the request came in by.
  const current = new URL(ssoRedirectUri());
  current.search = request.nextUrl.search;
  const outcome = await finishSignOn(flow, current, request.headers);
  if (!outcome.ok) redirect(`/sign-in/sso?error=${outcome.reason}`);
  // Auth.js opens the session: its Credentials provider spends this single-use ticket (lib/auth/auth.ts).
  const ticket = await issueSsoTicket(outcome.user.id);
  try {
    await signIn("credentials", { ssoTicket: ticket, redirectTo: outcome.destination, redirect: false });
  } catch (error) {
    if (error instanceof SecondFactorRequired) {
      await setChallengeCookie(error.challenge);
      redirect(`/sign-in/two-factor?callbackUrl=${encodeURIComponent(outcome.destination)}`);
    }
    throw error;
  }
  redirect(outcome.destination);
}
