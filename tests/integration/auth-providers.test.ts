// Sign-in providers: which are offered, and when an external sign-in may open or link a Cairn account.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, findUserByEmail, listLinkedProviders } from "@/db/queries/users";
import { registerUser } from "@/lib/auth/account";
import { externalProviders } from "@/lib/auth/auth";
import { githubEmail, profileAssertsVerifiedEmail, REFUSAL_ERROR, resolveExternalSignIn } from "@/lib/auth/external-accounts";
import { clock } from "@/lib/clock";
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

describe("resolveExternalSignIn: linking an external sign-in to a Cairn account", () => {
  let n = 0;
  const address = (label: string) => `${label}-${++n}-${randomUUID().slice(0, 6)}@example.test`;
  const identity = (email: string, emailVerified: boolean, provider = "google") => ({ provider, providerAccountId: randomUUID(), email, name: "Ext", emailVerified });

  it("never links to an account whose address is unconfirmed (the pre-hijack): sign in with the password, then link", async () => {
    const email = address("prehijack");
    // Someone signed up first with the victim's address and kept the password.
    const squatter = await registerUser({ name: "Squatter", email, password: "granite-cairn-path-42" });
    const outcome = await resolveExternalSignIn(identity(email, true));
    expect(outcome).toEqual({ ok: false, reason: "link_from_account" });
    expect(REFUSAL_ERROR.link_from_account).toBe("OAuthAccountNotLinked");
    expect(await listLinkedProviders(squatter.id)).toEqual([]);
  });

  it("never links or creates by an address the provider did not verify (account takeover)", async () => {
    const email = address("victim");
    const victim = await createUser({ email, name: "Victim", emailVerified: clock.now() });
    expect(await resolveExternalSignIn(identity(email, false, "github"))).toEqual({ ok: false, reason: "unverified_email" });
    expect(await listLinkedProviders(victim.id)).toEqual([]);
    const fresh = address("fresh");
    expect(await resolveExternalSignIn(identity(fresh, false))).toEqual({ ok: false, reason: "unverified_email" });
    expect(await findUserByEmail(fresh)).toBeUndefined();
  });

  it("links when both sides verified the same address, and signs in by the link afterwards", async () => {
    const email = address("both");
    const user = await createUser({ email, name: "Both", emailVerified: clock.now() });
    const google = identity(email, true);
    expect(await resolveExternalSignIn(google)).toMatchObject({ ok: true, how: "existing", user: { id: user.id } });
    expect(await resolveExternalSignIn({ ...google, email: "changed@example.test", emailVerified: false })).toMatchObject({ ok: true, how: "linked", user: { id: user.id } });
  });

  it("creates a confirmed account (with a team of its own) for a new, verified address", async () => {
    const email = address("new");
    const outcome = await resolveExternalSignIn(identity(email, true, "oidc"));
    expect(outcome).toMatchObject({ ok: true, how: "created" });
    const created = (await findUserByEmail(email))!;
    expect(created.emailVerified).not.toBeNull();
    expect(await listLinkedProviders(created.id)).toEqual(["oidc"]);
  });

  it("links any provider account to the person signed in (the account page), unless it belongs to someone else", async () => {
    const me = await registerUser({ name: "Me", email: address("me"), password: "granite-cairn-path-42" });
    const github = identity("other-address@example.test", false, "github");
    expect(await resolveExternalSignIn(github, me.id)).toMatchObject({ ok: true, how: "linked_signed_in", user: { id: me.id } });
    expect(await listLinkedProviders(me.id)).toEqual(["github"]);
    const someoneElse = await registerUser({ name: "Else", email: address("else"), password: "granite-cairn-path-42" });
    expect(await resolveExternalSignIn(github, someoneElse.id)).toEqual({ ok: false, reason: "linked_elsewhere" });
  });

  it("reads the provider's verification claim strictly, and GitHub's from its e-mail list", () => {
    expect(profileAssertsVerifiedEmail({ email_verified: true })).toBe(true);
    expect(profileAssertsVerifiedEmail({ email_verified: "true" })).toBe(true);
    expect(profileAssertsVerifiedEmail({ email_verified: false })).toBe(false);
    expect(profileAssertsVerifiedEmail({ email: "a@b.test" })).toBe(false);
    expect(profileAssertsVerifiedEmail(undefined)).toBe(false);
    const emails = [
      { email: "public@example.test", primary: false, verified: false },
      { email: "primary@example.test", primary: true, verified: true },
      { email: "work@example.test", primary: false, verified: true },
    ];
    expect(githubEmail("work@example.test", emails)).toEqual({ email: "work@example.test", verified: true });
    expect(githubEmail("public@example.test", emails)).toEqual({ email: "primary@example.test", verified: true });
    expect(githubEmail("x@example.test", [{ email: "x@example.test", primary: true, verified: false }])).toEqual({ email: "x@example.test", verified: false });
  });
});
