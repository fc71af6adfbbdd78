import { describe, expect, it } from "vitest";
import { externalProviders } from "@/lib/auth/auth";
import { parseEnv } from "@/lib/env";

describe("sign-in providers", () => {
  it("offers only e-mail and password when no provider is configured", () => {
    expect(externalProviders(parseEnv({}))).toEqual([]);
  });

  it("shows GitHub, Google and any OpenID Connect provider once their variables are set", () => {
    const env = parseEnv({
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_GOOGLE_ID: "g-id",
      AUTH_GOOGLE_SECRET: "g-secret",
      AUTH_OIDC_ISSUER: "https://login.example.com/realms/acme",
      AUTH_OIDC_ID: "oidc-id",
      AUTH_OIDC_SECRET: "oidc-secret",
      AUTH_OIDC_NAME: "Acme SSO",
    });
    expect(externalProviders(env)).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
      { id: "oidc", name: "Acme SSO" },
    ]);
  });
});
