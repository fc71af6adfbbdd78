// GET|POST /api/auth/* — Auth.js endpoints; a rate-limited credentials sign-in answers 429, not a redirect.
import type { NextRequest } from "next/server";
import { handlers, signInLimitChecks } from "@/lib/auth/auth";
import { longestWait } from "@/lib/rate-limit";

export const GET = handlers.GET;

export async function POST(request: NextRequest): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return handlers.POST(request);
  // Auth.js consumes the body: read the e-mail from a copy first, to name the bucket to peek at.
  const email = await submittedEmail(request.clone());
  const response = await handlers.POST(request);
  if (!(await isRateLimitedAnswer(response))) return response;

  // A script hammering the endpoint learns the wait instead of following a redirect to an HTML page.
  const retryAfter = await longestWait(signInLimitChecks(email ?? "", request.headers));
  return Response.json(
    { error: "Too many sign-in attempts" },
    { status: 429, headers: { "Retry-After": String(retryAfter || 60), "Cache-Control": "no-store" } },
  );
}

async function submittedEmail(request: Request): Promise<string | null> {
  try {
    const type = request.headers.get("content-type") ?? "";
    const body: unknown = type.includes("application/json") ? await request.json() : Object.fromEntries(await request.formData());
    const email = body && typeof body === "object" && "email" in body ? body.email : null;
    return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Auth.js reports a refused sign-in as a redirect to the error page, or as `{ url }` JSON when asked to. */
async function isRateLimitedAnswer(response: Response): Promise<boolean> {
  let url = response.headers.get("location");
  if (!url && response.headers.get("content-type")?.includes("application/json")) {
    const body: unknown = await response.clone().json().catch(() => null);
    url = body && typeof body === "object" && "url" in body && typeof body.url === "string" ? body.url : null;
  }
  if (!url) return false;
  try {
    return new URL(url, "http://localhost").searchParams.get("code") === "rate_limited";
  } catch {
    return false;
  }
}
