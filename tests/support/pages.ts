// Calls a Pages Router page's getServerSideProps as Next does for a GET: real IncomingMessage and
// ServerResponse objects (the status and headers the page sets are read back from them).
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { GetServerSideProps } from "next";

export async function serverSideProps<P extends Record<string, unknown>, Q extends Record<string, string>>(
  getServerSideProps: GetServerSideProps<P, Q>,
  url: string,
  params: Q,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; props: P; res: ServerResponse; sent: () => Buffer | null }> {
  const req = Object.assign(new IncomingMessage(new Socket()), { method: "GET", url, headers, cookies: {} });
  const res = new ServerResponse(req);
  // What reaches the client: the body of res.end (a page that answers on its own, or the test's
  // own render handed to res.end as Next would).
  let body: Buffer | null = null;
  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (chunk !== undefined && typeof chunk !== "function") body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  const query = { ...Object.fromEntries(new URL(url, "http://localhost").searchParams), ...params };
  const result = await getServerSideProps({ req, res, params, query, resolvedUrl: url });
  if (!("props" in result)) throw new Error(`getServerSideProps answered ${JSON.stringify(result)}, not props`);
  return { status: res.statusCode, headers: res.getHeaders(), props: await result.props, res, sent: () => body };
}
