// Update links: a reminder e-mail carries one per due KPI, and the link alone lets its owner enter
// that one value without signing in. The link is signed (HMAC-SHA256 with a key derived from
// AUTH_SECRET) over team, KPI, period, owner, expiry and a random nonce, so changing any byte of
// it fails; it expires; and its nonce is recorded when used, so it works once.
//
// Layout: "v1.<claims>.<signature>", both base64url. The claims are 72 bytes: team, KPI, owner and
// nonce ids (16 bytes each), the period as YYYYMMDD and the expiry in Unix seconds (4 bytes each),
// which keeps the URL short enough for any mail client.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { isIsoDate } from "@/lib/periods";

export interface UpdateLinkClaims {
  teamId: string;
  kpiId: string;
  /** ISO date the period starts on. */
  period: string;
  /** The KPI owner the link was sent to: the value is entered as theirs. */
  ownerId: string;
  expiresAt: Date;
  /** Single-use id: recorded when the link is used. */
  nonce: string;
}

export type VerifiedLink = { ok: true; claims: UpdateLinkClaims } | { ok: false; reason: "malformed" | "tampered" } | { ok: false; reason: "expired"; claims: UpdateLinkClaims };

/** How long a reminder's links work. */
export const UPDATE_LINK_TTL_DAYS = 7;

const VERSION = "v1";
const CLAIMS_BYTES = 72;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^v1\.([A-Za-z0-9_-]{96})\.([A-Za-z0-9_-]{43})$/;

/** A key for this purpose only, so an update-link signature can never pass as any other. */
function linkKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("cairn:update-link:v1").digest();
}

function uuidBytes(id: string): Buffer {
  const hex = id.toLowerCase();
  if (!UUID.test(hex)) throw new RangeError(`not a uuid: ${id}`);
  return Buffer.from(hex.replace(/-/g, ""), "hex");
}

function bytesUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function encodeClaims(claims: UpdateLinkClaims): Buffer {
  if (!isIsoDate(claims.period)) throw new RangeError(`not an ISO date: ${claims.period}`);
  const seconds = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new RangeError("expiry out of range");
  const buffer = Buffer.alloc(CLAIMS_BYTES);
  uuidBytes(claims.teamId).copy(buffer, 0);
  uuidBytes(claims.kpiId).copy(buffer, 16);
  uuidBytes(claims.ownerId).copy(buffer, 32);
  uuidBytes(claims.nonce).copy(buffer, 48);
  buffer.writeUInt32BE(Number(claims.period.replace(/-/g, "")), 64);
  buffer.writeUInt32BE(seconds, 68);
  return buffer;
}

function decodeClaims(buffer: Buffer): UpdateLinkClaims | null {
  if (buffer.length !== CLAIMS_BYTES) return null;
  const digits = String(buffer.readUInt32BE(64)).padStart(8, "0");
  const period = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!isIsoDate(period)) return null;
  return {
    teamId: bytesUuid(buffer.subarray(0, 16)),
    kpiId: bytesUuid(buffer.subarray(16, 32)),
    ownerId: bytesUuid(buffer.subarray(32, 48)),
    nonce: bytesUuid(buffer.subarray(48, 64)),
    period,
    expiresAt: new Date(buffer.readUInt32BE(68) * 1000),
  };
}

function signature(secret: string, encodedClaims: string): Buffer {
  return createHmac("sha256", linkKey(secret)).update(`${VERSION}.${encodedClaims}`).digest();
}

/** A new link's claims: a fresh nonce, expiring `ttlDays` after `now`. */
export function newLinkClaims(values: Omit<UpdateLinkClaims, "nonce" | "expiresAt">, now: Date, ttlDays = UPDATE_LINK_TTL_DAYS): UpdateLinkClaims {
  return { ...values, nonce: randomUUID(), expiresAt: new Date(now.getTime() + ttlDays * 86_400_000) };
}

export function signUpdateLink(claims: UpdateLinkClaims, secret: string): string {
  const encoded = encodeClaims(claims).toString("base64url");
  return `${VERSION}.${encoded}.${signature(secret, encoded).toString("base64url")}`;
}

/**
 * Checks a token: its shape, then its signature (in constant time), then its expiry. Only a
 * genuine token says what it is about; an expired one still names its claims so the page can
 * say what it was for.
 */
export function verifyUpdateLink(token: string, secret: string, now: Date): VerifiedLink {
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const match = TOKEN.exec(decoded);
  if (!match) return { ok: false, reason: "malformed" };
  const [, encoded, given] = match as unknown as [string, string, string];
  // Compared as text, so the one canonical spelling of the signature passes (no spare bits).
  const expected = Buffer.from(signature(secret, encoded).toString("base64url"));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "tampered" };
  const claims = decodeClaims(Buffer.from(encoded, "base64url"));
  if (!claims) return { ok: false, reason: "malformed" };
  if (claims.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}

export function updateLinkPath(token: string): string {
  return `/u/${token}`;
}
