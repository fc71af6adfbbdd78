import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { bearerToken, effectiveScopes, maskedKey, newApiKey, parseApiKey } from "./api-key";

const TEAM = "0b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04";

describe("API keys", () => {
  it("embed the team id and keep only the secret's hash", () => {
    const made = newApiKey(TEAM);
    expect(made.key).toMatch(/^ck_0b7c3c1e5f7a4d2b9a513f2e8d9c1a04_[A-Za-z0-9_-]{43}$/);
    const secret = made.key.slice("ck_".length + 33);
    expect(made.keyHash).toBe(hashToken(secret));
    expect(made.keyHash).not.toContain(secret);
    expect(secret.startsWith(made.prefix)).toBe(true);
    expect(parseApiKey(made.key)).toEqual({ teamId: TEAM, keyHash: made.keyHash });
  });

  it("are unique", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newApiKey(TEAM).key));
    expect(keys.size).toBe(50);
  });

  it("refuse malformed strings before any lookup", () => {
    const { key } = newApiKey(TEAM);
    for (const bad of ["", "ck_", key.slice(0, -1), `${key}x`, key.replace("ck_", "sk_"), key.toUpperCase(), `ck_${"g".repeat(32)}_${"a".repeat(43)}`, ` ${key}`]) {
      expect(parseApiKey(bad), bad).toBeNull();
    }
  });

  it("read the bearer token of an Authorization header", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("show only a mask of the secret", () => {
    expect(maskedKey("AbCd1234")).toBe("ck_…_AbCd1234…");
  });

  it("act with at most their creator's current role: write needs an editor, read any member", () => {
    expect(effectiveScopes(["read", "write"], "owner")).toEqual(["read", "write"]);
    expect(effectiveScopes(["read", "write"], "admin")).toEqual(["read", "write"]);
    expect(effectiveScopes(["write", "read"], "editor")).toEqual(["read", "write"]);
    expect(effectiveScopes(["read", "write"], "viewer")).toEqual(["read"]);
    expect(effectiveScopes(["write"], "viewer")).toEqual([]);
    // Never more than the key was given, whatever the role.
    expect(effectiveScopes(["read"], "owner")).toEqual(["read"]);
  });
});
