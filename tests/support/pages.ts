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
): Promise<{ status: number; headers: Record<string, unknown>; props: P }> {
  const req = Object.assign(new IncomingMessage(new Socket()), { method: "GET", url, headers, cookies: {} });
  const res = new ServerResponse(req);
  const query = { ...Object.fromEntries(new URL(url, "http://localhost").searchParams), ...params };
  const result = await getServerSideProps({ req, res, params, query, resolvedUrl: url });
  if (!("props" in result)) throw new Error(`getServerSideProps answered ${JSON.stringify(result)}, not props`);
  return { status: res.statusCode, headers: res.getHeaders(), props: await result.props };
}
