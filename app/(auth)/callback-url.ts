// Where to send someone after signing in: only a path on this site, never another origin.
const BASE = "http://cairn.invalid";

export const DEFAULT_AFTER_SIGN_IN = "/teams";

/**
 * A same-origin relative path taken from `?callbackUrl=`, or the fallback. Absolute URLs,
 * protocol-relative ones ("//evil.test") and backslash tricks ("/\evil.test") are refused
 * so that a crafted sign-in link cannot forward a fresh session to another site.
 */
export function safeCallbackUrl(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
