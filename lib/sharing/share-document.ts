// The share page's whole HTML document, kept per opened link (link, day, period) at the team's
// data version, and sent as bytes on the next open: no dashboard built, no React render, no
// string-to-bytes pass. Executives open the same board many times between two changes.
//
// The first open renders as usual and its document is kept as Next sends it (the response's
// writes are teed), with the request's CSP nonce cut out: each later open puts its own back.
import type { IncomingMessage, ServerResponse } from "node:http";
import { teamDataStore } from "@/lib/cache/team-data-cache";
import type { OpenedLink } from "./shared-dashboard";

/** The document around each place its nonce stood (one part when it had none). */
type KeptDocument = Buffer[];

// About 100–300 kB each: fifty boards stay under 15 MB per process.
const documents = teamDataStore<KeptDocument>(50);

const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  // As Next sends a getServerSideProps page: never stored by a browser or a proxy.
  "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
};

/** Sends the kept document for this open, if there is one at the team's data version. */
export function sendKeptDocument(res: ServerResponse, opened: OpenedLink, nonce: string | null): boolean {
  const hit = documents.get(opened.team, opened.key);
  if (!hit) return false;
  const parts = hit.value;
  if (parts.length > 1 && !nonce) return false; // cannot happen behind proxy.ts; render instead
  res.statusCode = 200;
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  const joint = nonce ? Buffer.from(nonce) : null;
  res.end(parts.length === 1 ? parts[0] : Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [joint!, part]))));
  return true;
}

/** Keeps the document this response sends (a 200 to a GET), to send it again for the same open. */
export function keepDocumentAsSent(req: IncomingMessage, res: ServerResponse, opened: OpenedLink, nonce: string | null): void {
  if (req.method !== "GET") return;
  const chunks: Buffer[] = [];
  const take = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    if (res.statusCode === 200) {
      const html = Buffer.concat(chunks);
      documents.set(opened.team, opened.key, nonce ? split(html, Buffer.from(nonce)) : [html]);
    }
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
}

function split(html: Buffer, nonce: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(nonce); at !== -1; at = html.indexOf(nonce, from)) {
    parts.push(html.subarray(from, at));
    from = at + nonce.length;
  }
  parts.push(html.subarray(from));
  return parts;
}
