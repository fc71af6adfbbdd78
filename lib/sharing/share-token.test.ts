import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { issueShareToken, parseShareToken, shareLinkState } from "./share-token";

const TEAM = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("share tokens", () => {
  it("carry the team id and a 256-bit secret of which only the hash is kept", () => {
    const issued = issueShareToken(TEAM);
    const [teamId, secret] = issued.token.split(".");
    expect(teamId).toBe(TEAM);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.tokenHash).toBe(hashToken(secret!));
    expect(issued.tokenHash).not.toContain(secret);
    expect(issueShareToken(TEAM).token).not.toBe(issued.token);
  });

  it("parse back to the team and the hash", () => {
    const issued = issueShareToken(TEAM);
    expect(parseShareToken(issued.token)).toEqual({ teamId: TEAM, tokenHash: issued.tokenHash });
    expect(parseShareToken(encodeURIComponent(issued.token))).toEqual({ teamId: TEAM, tokenHash: issued.tokenHash });
  });

  it.each(["", "nonsense", `${TEAM}`, `${TEAM}.short`, `not-a-uuid.${"a".repeat(43)}`, `${TEAM}.${"a".repeat(43)}.extra`, "%E0%A4%A", `${TEAM}.${"a".repeat(42)}!`])(
    "reject %j",
    (token) => expect(parseShareToken(token)).toBeNull(),
  );

  it("know when a link is live", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(shareLinkState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: new Date("2026-11-23T12:00:01Z") }, now)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(shareLinkState({ revokedAt: new Date("2026-11-01"), expiresAt: new Date("2027-01-01") }, now)).toBe("revoked");
  });
});
