// The launcher's socket-address header: set from the socket on every request, and a client's
// own value under that name never survives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER as LIB_HEADER } from "@/lib/rate-limit";
import { PEER_ADDRESS_HEADER, recordPeerAddress } from "./peer-address.mjs";

describe("scripts/peer-address.mjs", () => {
  it("overwrites a forged peer-address header with the socket's address, before the app's listener runs", async () => {
    expect(PEER_ADDRESS_HEADER).toBe(LIB_HEADER);
    // A copy of the module's surface, so this test does not patch node:http for the whole worker.
    const target = { createServer: http.createServer } as typeof http;
    recordPeerAddress(target);
    const seen: Array<string | string[] | undefined> = [];
    const server = target.createServer((request, response) => {
      seen.push(request.headers[PEER_ADDRESS_HEADER]);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
      expect(await response.text()).toBe("ok");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
  });
});
