import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileTxtResolver } from "./dns";
import { domainName, domainRecord, emailDomain } from "./sso";

describe("e-mail domains", () => {
  it("normalizes what an admin types, and refuses what is not a domain", () => {
    expect(domainName.parse("  @Example.COM. ")).toBe("example.com");
    expect(domainName.parse("mail.example.co.uk")).toBe("mail.example.co.uk");
    for (const bad of ["", "https://example.com", "example.com/path", "localhost", "-bad.example.com", "exa mple.com", "a@b.com"]) {
      expect(domainName.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("reads the domain of an address, case-insensitively", () => {
    expect(emailDomain("Ann@Example.COM")).toBe("example.com");
    expect(emailDomain("a@b@example.com")).toBe("example.com");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("@example.com")).toBeNull();
  });

  it("names the TXT record and the value it must hold", () => {
    expect(domainRecord({ domain: "example.com", verificationToken: "abc" })).toEqual({ name: "_cairn.example.com", value: "cairn-verification=abc" });
  });
});

describe("the file DNS double (e2e runs)", () => {
  it("answers from the file, read on each lookup, and nothing for a missing file or name", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cairn-dns-")), "dns.json");
    const resolve = fileTxtResolver(file);
    expect(await resolve("_cairn.example.com")).toEqual([]);
    writeFileSync(file, JSON.stringify({ "_cairn.example.com": ["cairn-verification=abc", 42] }));
    expect(await resolve("_cairn.EXAMPLE.com")).toEqual(["cairn-verification=abc"]);
    expect(await resolve("_cairn.other.com")).toEqual([]);
  });
});

describe("issuer addresses", () => {
  it("tells internal addresses from public ones", async () => {
    const { isPrivateAddress } = await import("./oidc");
    for (const internal of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(internal), internal).toBe(true);
    }
    for (const external of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(external), external).toBe(false);
    }
  });
});
