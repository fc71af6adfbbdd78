// Per-team single sign-on on a real database, against a real OpenID Connect provider
// (oidc-provider, in this process): domain verification through the DNS double, the
// connection's checks and sealed secret, the require-SSO rule for password sign-in and reset,
// the callback's refusals, just-in-time membership, the session ticket, and who may manage it.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { createTeamWithOwner } from "@/db/queries/teams";
import { findUserByAccount, findUserByEmail } from "@/db/queries/users";
import { teamSsoConnections, verificationTokens, type Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { requestPasswordReset, registerUser, signUp } from "@/lib/auth/account";
import { authorizeCredentials, authorizeSecondFactor, decideExternalSignIn, authorizeSsoTicket, SecondFactorRequired, SsoRequiredSignIn } from "@/lib/auth/auth";
import { totpCodeAt } from "@/lib/auth/totp";
import { confirmTotpEnrolment, startTotpEnrolment, twoFactorStatus } from "@/lib/auth/two-factor";
import { open, seal } from "@/lib/auth/secret-box";
import { clock } from "@/lib/clock";
import { LIMITS, PEER_ADDRESS_HEADER } from "@/lib/rate-limit";
import { setTxtResolverForTests } from "@/lib/sso/dns";
import { getSsoSettings } from "@/lib/sso/settings";
import { finishSignOn, issueSsoTicket, startSignOn } from "@/lib/sso/sign-on";
import { openClientSecret, ssoProviderId, ssoRedirectUri } from "@/lib/sso/sso";
import "@/lib/sso/actions";
import type { SessionUser } from "@/db/queries/sessions";
import { sessionCookieFor } from "../support/sessions";
import { signInAtProvider, startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider";
import { TEST_NOW } from "../support/clock";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const PASSWORD = "granite-cairn-path-42";
let ip = 0;
const fromNewIp = () => new Headers({ [PEER_ADDRESS_HEADER]: `203.0.113.${++ip}` });

// The DNS double: name → TXT strings, edited by each test.
const dns = new Map<string, string[]>();

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startTestIdentityProvider({ redirectUris: [ssoRedirectUri()] });
  setTxtResolverForTests(async (name) => dns.get(name) ?? []);
});
afterAll(async () => {
  setTxtResolverForTests(undefined);
  await idp?.close();
});
beforeEach(() => clock.set(TEST_NOW));

const run = (name: string, user: SessionUser | null, input: Record<string, unknown>) => actionRegistry.get(name)!.runAs(user, input);

interface Org {
  team: Team;
  domain: string;
  owner: SessionUser;
}

async function person(email: string): Promise<SessionUser> {
  await registerUser({ name: email.split("@")[0]!, email, password: PASSWORD });
  return (await sessionCookieFor(email)).user;
}

/** A team whose owner has connected the test provider; `verify` also proves the domain. */
async function org(label: string, options: { verify?: boolean; connection?: Record<string, unknown> } = {}): Promise<Org> {
  const suffix = randomUUID().slice(0, 8);
  const domain = `${label}-${suffix}.test`;
  const owner = await person(`owner@${domain}`);
  const team = await createTeamWithOwner({ name: `${label} ${suffix}`, slug: `${label}-${suffix}`, ownerId: owner.id });
  const saved = await run("sso.save-connection", owner, {
    team: team.slug,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    enabled: "on",
    ...options.connection,
  });
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
  if (options.verify !== false) await verifiedDomain(team, owner, domain);
  return { team, domain, owner };
}

async function verifiedDomain(team: Team, owner: SessionUser, domain: string) {
  const added = await run("sso.add-domain", owner, { team: team.slug, domain });
  expect(added).toMatchObject({ ok: true });
  const id = (added as { data: { id: string } }).data.id;
  const settings = await inTeam(team.id, (tx) => getSsoSettings(tx, { teamId: team.id, teamSlug: team.slug, userId: owner.id, membershipId: null, role: "owner", via: "session" }));
  const record = settings.domains.find((d) => d.id === id)!.record;
  dns.set(record.name, [record.value]);
  expect(await run("sso.verify-domain", owner, { team: team.slug, id })).toMatchObject({ ok: true });
  return id;
}

/** The whole browser round trip: start, sign in at the provider as `login`, come back. */
async function signOn(email: string, login = email, tamper?: (url: URL) => void) {
  const { url, flow } = await startSignOn(email, null, fromNewIp());
  const back = await signInAtProvider(url, login, ssoRedirectUri());
  tamper?.(back);
  return finishSignOn(flow ?? undefined, back, fromNewIp());
}

const updateConnection = async (o: Org, values: Record<string, unknown>) => {
  const [row] = await inTeam(o.team.id, (tx) => tx.select({ version: teamSsoConnections.version }).from(teamSsoConnections));
  const version = row!.version;
  return run("sso.save-connection", o.owner, { team: o.team.slug, issuer: idp.issuer, clientId: idp.clientId, enabled: "on", version, ...values });
};

describe("domain verification", () => {
  it("verifies a domain whose TXT record holds the token, and names what it found otherwise", async () => {
    const o = await org("verify", { verify: false });
    const added = await run("sso.add-domain", o.owner, { team: o.team.slug, domain: `  @${o.domain.toUpperCase()}. ` });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { data: { id: string } }).data.id;
    const name = `_cairn.${o.domain}`;

    dns.set(name, ["cairn-verification=somebody-elses-token", "v=spf1 -all"]);
    const wrong = await run("sso.verify-domain", o.owner, { team: o.team.slug, id });
    expect(wrong).toMatchObject({ ok: false, status: 422 });
    expect((wrong as { message: string }).message).toContain(`The TXT record at ${name}`);
    expect((wrong as { message: string }).message).toContain('found "cairn-verification=somebody-elses-token", "v=spf1 -all"');

    dns.delete(name);
    expect(((await run("sso.verify-domain", o.owner, { team: o.team.slug, id })) as { message: string }).message).toContain("found no TXT record there");

    const settings = await inTeam(o.team.id, (tx) => getSsoSettings(tx, { teamId: o.team.id, teamSlug: o.team.slug, userId: o.owner.id, membershipId: null, role: "owner", via: "session" }));
    const domain = settings.domains.find((d) => d.id === id)!;
    expect(domain.domain).toBe(o.domain);
    expect(domain.record.name).toBe(name);
    dns.set(name, ["unrelated", domain.record.value]);
    expect(await run("sso.verify-domain", o.owner, { team: o.team.slug, id })).toMatchObject({ ok: true });
  });

  it("refuses a domain another team verified first, and an invalid one by its field", async () => {
    const first = await org("taken");
    const second = await org("taker", { verify: false });
    const added = await run("sso.add-domain", second.owner, { team: second.team.slug, domain: first.domain });
    const id = (added as { data: { id: string } }).data.id;
    // The second team publishes its own token at the same name: DNS would show both.
    const settings = await inTeam(second.team.id, (tx) => getSsoSettings(tx, { teamId: second.team.id, teamSlug: second.team.slug, userId: second.owner.id, membershipId: null, role: "owner", via: "session" }));
    const record = settings.domains.find((d) => d.id === id)!.record;
    dns.set(record.name, [...(dns.get(record.name) ?? []), record.value]);
    const refused = await run("sso.verify-domain", second.owner, { team: second.team.slug, id });
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect((refused as { message: string }).message).toContain("already verified by another team");

    const invalid = await run("sso.add-domain", second.owner, { team: second.team.slug, domain: "https://example.com/path" });
    expect(invalid).toMatchObject({ ok: false, status: 422, fieldErrors: { domain: [expect.stringContaining("example.com")] } });
  });
});

describe("the connection", () => {
  it("is proven by discovery on save, and keeps its secret sealed and out of the settings", async () => {
    const o = await org("conn");
    const [row] = await inTeam(o.team.id, (tx) => tx.select().from(teamSsoConnections));
    expect(row!.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(row!.clientSecretSealed!.startsWith("v1.")).toBe(true);
    expect(openClientSecret(row!)).toBe(idp.clientSecret);
    const settings = await inTeam(o.team.id, (tx) => getSsoSettings(tx, { teamId: o.team.id, teamSlug: o.team.slug, userId: o.owner.id, membershipId: null, role: "owner", via: "session" }));
    expect(settings.connection).toMatchObject({ secretSet: true, issuer: idp.issuer });
    expect(JSON.stringify(settings)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(settings)).not.toContain(row!.clientSecretSealed);

    // An empty secret keeps the stored one; an issuer that cannot be discovered is a field error.
    expect(await updateConnection(o, { clientSecret: "" })).toMatchObject({ ok: true });
    const unreachable = await updateConnection(o, { issuer: "http://127.0.0.1:9/nowhere" });
    expect(unreachable).toMatchObject({ ok: false, status: 422, fieldErrors: { issuer: [expect.stringContaining("Could not read http://127.0.0.1:9/nowhere/.well-known/openid-configuration")] } });
    expect(await updateConnection(o, { issuer: "ftp://example.com" })).toMatchObject({ ok: false, fieldErrors: { issuer: [expect.any(String)] } });
    expect(await updateConnection(o, { enabled: undefined, requireSso: "on" })).toMatchObject({ ok: false, fieldErrors: { requireSso: ["Turn single sign-on on to require it"] } });
    // A stale version is a conflict, not an overwrite.
    expect(await updateConnection(o, { version: 1 })).toMatchObject({ ok: false, status: 409 });
  });

  it("is managed by owners and admins only; other roles get 403 and other teams 404", async () => {
    const o = await org("roles");
    const outsider = await org("outsider");
    const editor = await person(`editor@${o.domain}`);
    const admin = await person(`admin@${o.domain}`);
    await inTeam(o.team.id, async (tx) => {
      await insertMembership(tx, { teamId: o.team.id }, editor.id, "editor");
      await insertMembership(tx, { teamId: o.team.id }, admin.id, "admin");
    });
    const input = { team: o.team.slug, domain: `sub.${o.domain}` };
    expect(await run("sso.add-domain", editor, input)).toMatchObject({ ok: false, status: 403 });
    expect(await run("sso.add-domain", outsider.owner, input)).toMatchObject({ ok: false, status: 404 });
    expect(await run("sso.add-domain", null, input)).toMatchObject({ ok: false, status: 401 });
    expect(await run("sso.add-domain", admin, input)).toMatchObject({ ok: true });
    // Another team's domain id is not found from this team.
    const [theirs] = await inTeam(outsider.team.id, (tx) => getSsoSettings(tx, { teamId: outsider.team.id, teamSlug: outsider.team.slug, userId: null, membershipId: null, role: "owner", via: "system" })).then((s) => s.domains);
    expect(await run("sso.remove-domain", o.owner, { team: o.team.slug, id: theirs!.id })).toMatchObject({ ok: false, status: 404 });
    expect(await run("sso.verify-domain", o.owner, { team: o.team.slug, id: theirs!.id })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("require single sign-on", () => {
  it("refuses password sign-in for the team's verified domain only, and sends no reset link there", async () => {
    const o = await org("require");
    const member = `member@${o.domain}`;
    await person(member);
    const elsewhere = `someone-${randomUUID().slice(0, 8)}@elsewhere.test`;
    await person(elsewhere);

    expect(await authorizeCredentials({ email: member, password: PASSWORD }, fromNewIp())).toMatchObject({ email: member });
    expect(await updateConnection(o, { requireSso: "on" })).toMatchObject({ ok: true });
    await expect(authorizeCredentials({ email: member, password: PASSWORD }, fromNewIp())).rejects.toBeInstanceOf(SsoRequiredSignIn);
    // The same answer for an address with no account: it reveals the domain's rule, not who has an account.
    await expect(authorizeCredentials({ email: `nobody@${o.domain}`, password: "whatever-it-is" }, fromNewIp())).rejects.toBeInstanceOf(SsoRequiredSignIn);
    expect(await authorizeCredentials({ email: elsewhere, password: PASSWORD }, fromNewIp())).toMatchObject({ email: elsewhere });

    const user = await findUserByEmail(member);
    await requestPasswordReset(member);
    const tokens = await (await getDb()).select().from(verificationTokens).where(and(eq(verificationTokens.userId, user!.id), eq(verificationTokens.purpose, "reset_password")));
    expect(tokens).toEqual([]);

    // Nor a new account with a password there.
    await expect(signUp({ name: "New", email: `newcomer@${o.domain}`, password: PASSWORD })).rejects.toMatchObject({ status: 422, extra: { fieldErrors: { email: [expect.stringContaining("single sign-on")] } } });
    expect(await findUserByEmail(`newcomer@${o.domain}`)).toBeUndefined();

    // Nor through another provider (GitHub, Google, the instance's OIDC) for the same address.
    expect(await decideExternalSignIn({ provider: "github", providerAccountId: `gh-${user!.id}`, email: member, name: null, emailVerified: true }, undefined, async () => {})).toBe("/sign-in?error=SsoRequired");
    expect(await findUserByAccount("github", `gh-${user!.id}`)).toBeUndefined();

    // Single sign-on still opens the account.
    idp.accounts.set(member, { email: member, email_verified: true });
    expect(await signOn(member)).toMatchObject({ ok: true, user: { id: user!.id } });
  });
});

describe("signing in through the team's provider", () => {
  it("creates the account, links the identity, and adds the person just in time with the team's role", async () => {
    const o = await org("jit", { connection: { jitEnabled: "on", jitRole: "editor" } });
    const email = `new-${randomUUID().slice(0, 6)}@${o.domain}`;
    idp.accounts.set(email, { email, email_verified: true, name: "New Person" });
    const outcome = await signOn(email);
    expect(outcome).toMatchObject({ ok: true, joined: true, destination: `/t/${o.team.slug}`, user: { email, name: "New Person" } });
    const user = (outcome as { user: { id: string; emailVerified: Date | null } }).user;
    expect(user.emailVerified).not.toBeNull();
    expect(await findUserByAccount(ssoProviderId(o.team.id), email)).toMatchObject({ id: user.id });
    expect(await inTeam(o.team.id, (tx) => findMembershipByUser(tx, { teamId: o.team.id }, user.id))).toMatchObject({ role: "editor" });

    // Again: the linked identity, no second membership.
    expect(await signOn(email)).toMatchObject({ ok: true, joined: false, user: { id: user.id } });
  });

  it("does not add anyone when just-in-time membership is off", async () => {
    const o = await org("nojit");
    const email = `solo@${o.domain}`;
    idp.accounts.set(email, { email, email_verified: true });
    const outcome = await signOn(email);
    expect(outcome).toMatchObject({ ok: true, joined: false, destination: "/teams" });
    const user = (outcome as { user: { id: string } }).user;
    expect(await inTeam(o.team.id, (tx) => findMembershipByUser(tx, { teamId: o.team.id }, user.id))).toBeUndefined();
  });

  it("takes over an unconfirmed account with the address: its unproven password goes", async () => {
    const o = await org("takeover");
    const email = `claimed@${o.domain}`;
    const squatter = await person(email);
    idp.accounts.set(email, { email, email_verified: true });
    expect(await signOn(email)).toMatchObject({ ok: true, user: { id: squatter.id } });
    const after = await findUserByEmail(email);
    expect(after).toMatchObject({ passwordHash: null, emailVerified: expect.any(Date) });
  });

  it("refuses a tampered state, a replayed flow, a wrong nonce, an expired flow and no flow at all", async () => {
    const o = await org("refuse");
    const email = `careful@${o.domain}`;
    idp.accounts.set(email, { email, email_verified: true });

    expect(await signOn(email, email, (url) => url.searchParams.set("state", "forged"))).toEqual({ ok: false, reason: "invalid_response" });

    // The state is right but the flow expects another nonce (as if its cookie came from another sign-on).
    const { url, flow } = await startSignOn(email, null, fromNewIp());
    const state = JSON.parse(open(flow!, "sso-flow")!) as Record<string, unknown>;
    const back = await signInAtProvider(url, email, ssoRedirectUri());
    expect(await finishSignOn(seal(JSON.stringify({ ...state, nonce: "another-nonce" }), "sso-flow"), back, fromNewIp())).toEqual({ ok: false, reason: "invalid_response" });

    const second = await startSignOn(email, null, fromNewIp());
    const code = await signInAtProvider(second.url, email, ssoRedirectUri());
    clock.advance(11 * 60_000);
    expect(await finishSignOn(second.flow!, code, fromNewIp())).toEqual({ ok: false, reason: "expired" });
    clock.set(TEST_NOW);
    expect(await finishSignOn(second.flow!, code, fromNewIp())).toMatchObject({ ok: true });
    // The code is spent: the same answer again is refused by the provider.
    expect(await finishSignOn(second.flow!, code, fromNewIp())).toEqual({ ok: false, reason: "invalid_response" });
    expect(await finishSignOn(undefined, code, fromNewIp())).toEqual({ ok: false, reason: "expired" });
    expect(await finishSignOn("v1.not.sealed", code, fromNewIp())).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses an address the provider did not verify, and one at a domain this team has not verified", async () => {
    const o = await org("claims");
    const other = await org("other");
    const unverified = `unverified@${o.domain}`;
    idp.accounts.set(unverified, { email: unverified, email_verified: false });
    expect(await signOn(unverified)).toEqual({ ok: false, reason: "unverified_email" });

    // The team's provider vouches for an address at another team's domain: not this team's to sign in.
    const stranger = `ceo@${other.domain}`;
    idp.accounts.set(`impostor@${o.domain}`, { email: stranger, email_verified: true });
    expect(await signOn(`impostor@${o.domain}`)).toEqual({ ok: false, reason: "domain_not_verified" });
    expect(await findUserByEmail(stranger)).toBeUndefined();

    await expect(startSignOn(`someone@unknown-${randomUUID().slice(0, 6)}.test`, null, fromNewIp())).rejects.toMatchObject({ status: 422, extra: { fieldErrors: { email: [expect.any(String)] } } });
    // A team that turned its connection off offers no sign-on.
    expect(await updateConnection(o, { enabled: undefined })).toMatchObject({ ok: true });
    await expect(startSignOn(unverified, null, fromNewIp())).rejects.toMatchObject({ status: 422 });
  });

  it("still asks an account with two-factor sign-in for its code", async () => {
    const o = await org("twofactor");
    const user = (await findUserByEmail(`owner@${o.domain}`))!;
    await startTotpEnrolment(user);
    const secret = (await twoFactorStatus(user)).pending!.secret;
    const at = Math.floor(clock.nowMs() / 1000);
    await confirmTotpEnrolment(user, await totpCodeAt(secret, at), null);
    idp.accounts.set(user.email, { email: user.email, email_verified: true });
    const outcome = await signOn(user.email);
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id } });

    const error = await authorizeSsoTicket({ ssoTicket: await issueSsoTicket(user.id) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecondFactorRequired);
    const code = await totpCodeAt(secret, at + 30);
    expect(await authorizeSecondFactor({ challenge: (error as SecondFactorRequired).challenge, code }, fromNewIp(), { wait: async () => {} })).toMatchObject({ id: user.id });
  });

  it("limits sign-on starts and callbacks per client address", async () => {
    const o = await org("limits");
    const email = `busy@${o.domain}`;
    const client = fromNewIp();
    for (let i = 0; i < LIMITS["sso-start:ip"].max; i++) await startSignOn(email, null, client);
    await expect(startSignOn(email, null, client)).rejects.toMatchObject({ status: 429 });
    for (let i = 0; i < LIMITS["sso-callback:ip"].max; i++) expect(await finishSignOn(undefined, new URL(ssoRedirectUri()), client)).toEqual({ ok: false, reason: "expired" });
    expect(await finishSignOn(undefined, new URL(ssoRedirectUri()), client)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("signs in without joining when just-in-time membership has no seat left", async () => {
    const o = await org("seats", { connection: { jitEnabled: "on", jitRole: "editor" } });
    for (const name of ["e1", "e2"]) {
      const editor = await person(`${name}@${o.domain}`);
      await inTeam(o.team.id, (tx) => insertMembership(tx, { teamId: o.team.id }, editor.id, "editor"));
    }
    const email = `late@${o.domain}`;
    idp.accounts.set(email, { email, email_verified: true });
    const outcome = await signOn(email);
    expect(outcome).toMatchObject({ ok: true, joined: false, destination: "/teams" });
    expect(await inTeam(o.team.id, (tx) => findMembershipByUser(tx, { teamId: o.team.id }, (outcome as { user: { id: string } }).user.id))).toBeUndefined();
  });

  it("opens one session per ticket", async () => {
    const o = await org("ticket");
    const user = await findUserByEmail(`owner@${o.domain}`);
    const ticket = await issueSsoTicket(user!.id);
    expect(await authorizeSsoTicket({ ssoTicket: ticket })).toMatchObject({ id: user!.id });
    expect(await authorizeSsoTicket({ ssoTicket: ticket })).toBeNull();
    const late = await issueSsoTicket(user!.id);
    clock.advance(3 * 60_000);
    expect(await authorizeSsoTicket({ ssoTicket: late })).toBeNull();
  });
});
