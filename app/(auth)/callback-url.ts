// Where to send someone after signing in: only a page of this app, never another origin.
import { env } from "@/lib/env";

export const DEFAULT_AFTER_SIGN_IN = "/teams";

/**
 * A path on the app's own origin taken from `?callbackUrl=`, or the fallback. The value is
 * parsed as a URL against APP_URL and must resolve to that origin; so must the path we
 * hand back, read again on its own, because a browser resolves a Location header that way.
 * "/.//evil.test" resolves on our origin to the path "//evil.test", which as a Location is
 * protocol-relative: refused. Absolute URLs of this origin are kept as their path.
 */
export function safeCallbackUrl(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  const app = new URL(env().APP_URL);
  let url: URL;
  try {
    url = new URL(value, app);
  } catch {
    return fallback;
  }
  // A relative path must start with one slash: "t/acme" would depend on the page it is used on.
  if (url.origin !== app.origin || (!value.startsWith("/") && !value.startsWith(app.origin))) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  try {
    if (!path.startsWith("/") || path.startsWith("//") || new URL(path, app).origin !== app.origin) return fallback;
  } catch {
    return fallback;
  }
  return path;
}
