// What to say when the browser's side of a passkey ceremony fails (cancelled, timed out, an
// authenticator that already holds a passkey…): shown next to the button, never the raw error.
import type { ActionResult } from "@/lib/actions/result";

export function ceremonyRefusal(error: unknown, ceremony: "create" | "get"): ActionResult {
  const name = error instanceof Error ? error.name : "";
  let message: string;
  if (name === "NotAllowedError" || name === "AbortError") message = "The passkey request was cancelled or timed out. Try again.";
  else if (name === "InvalidStateError" && ceremony === "create") message = "This device already holds a passkey for your account.";
  else if (ceremony === "create") message = "Your browser could not create a passkey. Try again, or use another browser or device.";
  else message = "Your browser could not use a passkey. Try again, or use another browser or device.";
  return { ok: false, status: 400, code: "bad_request", message };
}
