// Any other path under /api/v1 — a problem+json 404, so API clients never get the HTML page.
import { problemFrom, problemResponse } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";

function unknownPath(request: Request): Response {
  const { pathname } = new URL(request.url);
  return problemResponse(problemFrom(new AppError("not_found", `There is no ${request.method} ${pathname} in the API. The operations are listed in /api/v1/openapi.json.`)), pathname);
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PATCH = unknownPath;
export const PUT = unknownPath;
export const DELETE = unknownPath;
