// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the REST API, generated from its zod schemas. Public, like any API reference.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export function GET(): Response {
  return new Response(JSON.stringify(buildOpenApiDocument(), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
