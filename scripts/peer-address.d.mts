import type http from "node:http";

export declare const PEER_ADDRESS_HEADER: "x-cairn-peer-address";
export declare function recordPeerAddress(target?: Pick<typeof http, "createServer">): void;
