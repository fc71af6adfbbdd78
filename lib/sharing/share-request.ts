// What the share pages (pages/share) read from their request: the CSP nonce proxy.ts set, and the
// dashboard period in the query without the route's own parameters.
import type { IncomingMessage } from "node:http";
import type { ParsedUrlQuery } from "node:querystring";

export function requestNonce(req: IncomingMessage | undefined): string | null {
  const nonce = req?.headers["x-nonce"];
  return typeof nonce === "string" ? nonce : null;
}

/** The query as the dashboard reads search params, less the route's dynamic segments (`token`, `kpiId`). */
export function periodSearchParams(query: ParsedUrlQuery, routeParams: readonly string[]): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(query).filter(([key]) => !routeParams.includes(key)));
}
