// GET /api/sso/callback — where a team's identity provider sends the browser back after single sign-on.
import type { NextRequest } from "next/server";
import { redirect } from "next/navigation";
import { takeSsoFlowCookie } from "@/lib/sso/flow-cookie";
import { openSsoSession } from "@/lib/sso/open-session";
import { finishSignOn } from "@/lib/sso/sign-on";
import { ssoRedirectUri } from "@/lib/sso/sso";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<never> {
  const flow = await takeSsoFlowCookie();
  // The URL as the provider was told to call it (APP_URL), whatever host the request came in by.
  const current = new URL(ssoRedirectUri());
  current.search = request.nextUrl.search;
  const outcome = await finishSignOn(flow, current, request.headers);
  if (!outcome.ok) redirect(`/sign-in/sso?error=${outcome.reason}`);
  redirect(await openSsoSession(outcome.user.id, outcome.destination));
}
