import { cache } from "react";
import { cookies } from "next/headers";
import { findSessionUser, type SessionUser } from "@/db/queries/sessions";
import { hashToken } from "./tokens";
import { readSessionCookie, sessionTokenFromCookie } from "./session-cookie";

export type { SessionUser };

/** The signed-in person for this request (read once per request), or null. Fails closed. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  const header = store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  return userFromCookieHeader(header);
});

/** Same check from a raw Cookie header: route handlers and the event stream use this. */
export async function userFromCookieHeader(cookieHeader: string | null): Promise<SessionUser | null> {
  const token = await sessionTokenFromCookie(readSessionCookie(cookieHeader));
  if (!token) return null;
  return (await findSessionUser(hashToken(token))) ?? null;
}

/** The current session's token hash, to keep this session when ending the others. */
export async function currentSessionHash(): Promise<string | null> {
  const store = await cookies();
  const header = store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  const token = await sessionTokenFromCookie(readSessionCookie(header));
  return token ? hashToken(token) : null;
}
