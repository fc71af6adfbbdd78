// The sealing of secrets the app reads back: AES-256-GCM, bound to its purpose, tamper-evident.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

process.env.AUTH_SECRET ??= "unit-secret-unit-secret-unit-secret-0123456789";
const { open, seal } = await import("./secret-box");

describe("secret box", () => {
  it("opens what it sealed, and never shows the plaintext in the sealed value", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "totp-secret");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(open(sealed, "totp-secret")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("seals the same value differently each time (a fresh IV)", () => {
    expect(seal("same", "totp-secret")).not.toBe(seal("same", "totp-secret"));
  });

  it("refuses an altered value, another purpose, and garbage", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "totp-secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(open([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "totp-secret")).toBeNull();
    expect(open(sealed, "another-purpose")).toBeNull();
    expect(open("not-sealed", "totp-secret")).toBeNull();
  });

  it("validates CAIRN_ENCRYPTION_KEY's length", () => {
    expect(() => parseEnv({ CAIRN_ENCRYPTION_KEY: "short" })).toThrow(/CAIRN_ENCRYPTION_KEY/);
    expect(parseEnv({ CAIRN_ENCRYPTION_KEY: "k".repeat(32) }).CAIRN_ENCRYPTION_KEY).toBe("k".repeat(32));
  });
});
