// The cookie that carries a single sign-on's sealed state (state, nonce, PKCE verifier) while
// the browser is at the identity provider. HttpOnly, SameSite=Lax (the provider sends the
// browser back with a top-level GET), scoped to the callback, gone after FLOW_TTL_MINUTES.
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/session-cookie";
import { FLOW_TTL_MINUTES } from "./sign-on";

export const SSO_FLOW_COOKIE = "cairn-sso";
const PATH = "/api/sso";

export async function setSsoFlowCookie(value: string): Promise<void> {
  (await cookies()).set(SSO_FLOW_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: PATH, maxAge: FLOW_TTL_MINUTES * 60 });
}

/** Reads the flow state and clears it: one callback per sign-on. */
export async function takeSsoFlowCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(SSO_FLOW_COOKIE)?.value || undefined;
  jar.set(SSO_FLOW_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: PATH, maxAge: 0 });
  return value;
}
