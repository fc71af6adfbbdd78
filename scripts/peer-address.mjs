// The socket's remote address, recorded on every request in a header that no client can set
// (whatever a client sends under that name is overwritten). Next.js gives route handlers and
// server actions no access to the socket, and it keeps a client's own X-Forwarded-For, so
// without this a client could name any address it likes. lib/rate-limit.ts reads it.
import http from "node:http";

export const PEER_ADDRESS_HEADER = "x-cairn-peer-address";

const patched = new WeakSet();

/** Makes every HTTP server created from now on (through `target`, node:http by default) record the peer address first. */
export function recordPeerAddress(target = http) {
  if (patched.has(target)) return;
  patched.add(target);
  const createServer = target.createServer;
  target.createServer = function createServerRecordingPeer(...args) {
    const server = createServer.apply(this, args);
    // Prepended, so it runs before Next's own request listener sees the headers.
    server.prependListener("request", (request) => {
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    });
    return server;
  };
}
