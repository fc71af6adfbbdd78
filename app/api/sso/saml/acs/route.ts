// POST /api/sso/saml/acs — the Assertion Consumer Service: a team's SAML identity provider posts its signed answer here.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { openSsoSession } from "@/lib/sso/open-session";
import { finishSamlSignOn } from "@/lib/sso/sign-on";

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
  return seeOther(await openSsoSession(outcome.user.id, outcome.destination));
}
