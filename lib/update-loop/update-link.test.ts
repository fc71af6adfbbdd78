import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newLinkClaims, signUpdateLink, verifyUpdateLink, type UpdateLinkClaims } from "./update-link";
import { localHour, zonedInstant } from "./zoned-time";
import { updateLoopFigures } from "./figures";

const SECRET = "s".repeat(48);
const now = new Date("2026-03-15T10:00:00Z");
const claims: UpdateLinkClaims = {
  teamId: "0b7d2f6e-1c1e-4c43-9a5c-6f0f1b7e2a11",
  kpiId: "1b7d2f6e-1c1e-4c43-9a5c-6f0f1b7e2a12",
  ownerId: "2b7d2f6e-1c1e-4c43-9a5c-6f0f1b7e2a13",
  nonce: "3b7d2f6e-1c1e-4c43-9a5c-6f0f1b7e2a14",
  period: "2026-02-01",
  expiresAt: new Date("2026-03-22T10:00:00Z"),
};

describe("update links", () => {
  it("round-trip their claims, and are short enough for any mail client", () => {
    const token = signUpdateLink(claims, SECRET);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{96}\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUpdateLink(token, SECRET, now)).toEqual({ ok: true, claims });
  });

  it("expire", () => {
    const token = signUpdateLink(claims, SECRET);
    expect(verifyUpdateLink(token, SECRET, new Date("2026-03-22T09:59:59Z")).ok).toBe(true);
    expect(verifyUpdateLink(token, SECRET, new Date("2026-03-22T10:00:00Z"))).toEqual({ ok: false, reason: "expired", claims });
  });

  it("fail when any character is changed, or another secret signed them", () => {
    const token = signUpdateLink(claims, SECRET);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    fc.assert(
      fc.property(fc.integer({ min: 3, max: token.length - 1 }), fc.constantFrom(...alphabet), (at, char) => {
        if (token[at] === "." || token[at] === char) return;
        const tampered = token.slice(0, at) + char + token.slice(at + 1);
        expect(verifyUpdateLink(tampered, SECRET, now).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(verifyUpdateLink(token, `${SECRET}x`, now)).toEqual({ ok: false, reason: "tampered" });
    expect(verifyUpdateLink(`${token}x`, SECRET, now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUpdateLink("%E0%A4%A", SECRET, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("get a fresh nonce each, so each is its own single use", () => {
    const a = newLinkClaims({ teamId: claims.teamId, kpiId: claims.kpiId, ownerId: claims.ownerId, period: claims.period }, now);
    const b = newLinkClaims({ teamId: claims.teamId, kpiId: claims.kpiId, ownerId: claims.ownerId, period: claims.period }, now);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.expiresAt.toISOString()).toBe("2026-03-22T10:00:00.000Z");
  });
});

describe("team wall clock", () => {
  it("finds the instant a local date reaches an hour, across time zones and DST", () => {
    expect(zonedInstant("2026-01-15", 8, "Europe/Berlin").toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect(zonedInstant("2026-07-15", 8, "Europe/Berlin").toISOString()).toBe("2026-07-15T06:00:00.000Z");
    expect(zonedInstant("2026-03-29", 8, "Europe/Berlin").toISOString()).toBe("2026-03-29T06:00:00.000Z"); // the day clocks go forward
    expect(zonedInstant("2026-06-01", 8, "Asia/Kolkata").toISOString()).toBe("2026-06-01T02:30:00.000Z");
    expect(localHour(new Date("2026-06-01T02:30:00Z"), "Asia/Kolkata")).toBe(8);
    expect(localHour(new Date("2026-01-15T23:30:00Z"), "UTC")).toBe(23);
  });
});

describe("update-loop figures", () => {
  it("count owners and current values; stale and missing values are not current", () => {
    const figures = updateLoopFigures([
      { ownerId: "u1", evaluation: { value: 3, stale: false } },
      { ownerId: null, evaluation: { value: 3, stale: true } },
      { ownerId: "u2", evaluation: { value: null, stale: false } },
    ]);
    expect(figures).toEqual({ ownership: { count: 2, total: 3 }, freshness: { count: 1, total: 3 } });
    expect(updateLoopFigures([])).toEqual({ ownership: { count: 0, total: 0 }, freshness: { count: 0, total: 0 } });
  });
});
