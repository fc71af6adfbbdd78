import { encode } from "next-auth/jwt";
import { createSession } from "@/db/queries/sessions";
import { findUserByEmail } from "@/db/queries/users";
import { SESSION_MAX_AGE_SECONDS, authSecret, sessionCookieName } from "@/lib/auth/session-cookie";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { SessionUser } from "@/db/queries/sessions";
import { clock } from "@/lib/clock";

/** A real signed-in session for `email`, as the Cookie header a browser would send. */
export async function sessionCookieFor(email: string): Promise<{ cookie: string; token: string; user: SessionUser }> {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`No user ${email}`);
  const token = newToken();
  await createSession(user.id, hashToken(token), new Date(clock.nowMs() + SESSION_MAX_AGE_SECONDS * 1000));
  const jwt = await encode({ token: { sid: token, sub: user.id }, secret: authSecret(), salt: sessionCookieName(), maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    cookie: `${sessionCookieName()}=${jwt}`,
    token,
    user: { id: user.id, email: user.email, name: user.name, image: user.image, emailVerified: user.emailVerified },
  };
}
