// The cookie that carries a pending sign-in's token from its first step to its second. HttpOnly
// (no script reads it), scoped to the sign-in pages, gone after CHALLENGE_TTL_MINUTES anyway.
import { cookies } from "next/headers";
import { CHALLENGE_COOKIE, CHALLENGE_TTL_MINUTES } from "./two-factor";
import { secureCookies } from "./session-cookie";

const PATH = "/sign-in";

export async function setChallengeCookie(token: string): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: PATH, maxAge: CHALLENGE_TTL_MINUTES * 60 });
}

export async function readChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(CHALLENGE_COOKIE)?.value || undefined;
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: PATH, maxAge: 0 });
}
