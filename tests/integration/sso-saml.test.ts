// Per-team single sign-on by SAML 2.0 on a real database, against a test identity provider
// (tests/support/saml-idp.ts): an RSA key and self-signed certificate from openssl, and
// responses signed with xml-crypto. The AuthnRequest start, the ACS checks (signature, audience, times on our pinned
// clock, InResponseTo and replay, RelayState, the verified-domain rule), just-in-time membership,
// require-SSO, the settings' validation and roles, and the SP metadata.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { createTeamWithOwner } from "@/db/queries/teams";
import { findUserByAccount, findUserByEmail } from "@/db/queries/users";
import { teamSsoConnections, type Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { registerUser } from "@/lib/auth/account";
import { authorizeCredentials, authorizeSsoTicket, SsoRequiredSignIn } from "@/lib/auth/auth";
import { clock } from "@/lib/clock";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit";
import { setTxtResolverForTests } from "@/lib/sso/dns";
import { samlAcsUrl, samlSpEntityId } from "@/lib/sso/saml";
import { getSsoSettings } from "@/lib/sso/settings";
import { finishSamlSignOn, issueSsoTicket, startSignOn } from "@/lib/sso/sign-on";
import { ssoProviderId } from "@/lib/sso/sso";
import "@/lib/sso/actions";
import type { SessionUser } from "@/db/queries/sessions";
import { GET as metadataRoute } from "@/app/api/sso/saml/[team]/metadata/route";
import { POST as acsRoute } from "@/app/api/sso/saml/acs/route";
import { sessionCookieFor } from "../support/sessions";
import { TEST_NOW } from "../support/clock";
import { makeKeyPair, readAuthnRequest, samlResponse, type KeyPair } from "../support/saml-idp";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const PASSWORD = "granite-cairn-path-42";
const IDP_ENTITY_ID = "https://idp.test/saml";
const IDP_SSO_URL = "https://idp.test/saml/sso";
let ip = 0;
const fromNewIp = () => new Headers({ [PEER_ADDRESS_HEADER]: `198.51.100.${++ip}` });

let idp: KeyPair;
let stranger: KeyPair;

const dns = new Map<string, string[]>();
beforeAll(() => {
  idp = makeKeyPair("test-idp");
  stranger = makeKeyPair("other-idp");
  setTxtResolverForTests(async (name) => dns.get(name) ?? []);
});
afterAll(() => setTxtResolverForTests(undefined));
beforeEach(() => clock.set(TEST_NOW, { frozen: true }));

const run = (name: string, user: SessionUser | null, input: Record<string, unknown>) => actionRegistry.get(name)!.runAs(user, input);

async function person(email: string): Promise<SessionUser> {
  await registerUser({ name: email.split("@")[0]!, email, password: PASSWORD });
  return (await sessionCookieFor(email)).user;
}

interface Org {
  team: Team;
  domain: string;
  owner: SessionUser;
}

const samlInput = (o: { team: Team }, values: Record<string, unknown> = {}) => ({
  team: o.team.slug,
  idpEntityId: IDP_ENTITY_ID,
  idpSsoUrl: IDP_SSO_URL,
  idpCertificate: idp.cert,
  enabled: "on",
  ...values,
});

/** A team whose owner connected the test IdP by SAML and verified its domain. */
async function org(label: string, connection: Record<string, unknown> = {}): Promise<Org> {
  const suffix = randomUUID().slice(0, 8);
  const domain = `${label}-${suffix}.test`;
  const owner = await person(`owner@${domain}`);
  const team = await createTeamWithOwner({ name: `${label} ${suffix}`, slug: `${label}-${suffix}`, ownerId: owner.id });
  const saved = await run("sso.save-saml-connection", owner, samlInput({ team }, connection));
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
  const added = await run("sso.add-domain", owner, { team: team.slug, domain });
  const id = (added as { data: { id: string } }).data.id;
  const settings = await inTeam(team.id, (tx) => getSsoSettings(tx, { teamId: team.id, teamSlug: team.slug, userId: owner.id, membershipId: null, role: "owner", via: "session" }));
  const record = settings.domains.find((d) => d.id === id)!.record;
  dns.set(record.name, [record.value]);
  expect(await run("sso.verify-domain", owner, { team: team.slug, id })).toMatchObject({ ok: true });
  return { team, domain, owner };
}

const updateSaml = async (o: Org, values: Record<string, unknown>) => {
  const [row] = await inTeam(o.team.id, (tx) => tx.select({ version: teamSsoConnections.version }).from(teamSsoConnections));
  return run("sso.save-saml-connection", o.owner, { ...samlInput(o), version: row!.version, ...values });
};

/** "Sign in with SSO": the browser is sent to the IdP with an AuthnRequest; what it carries. */
async function start(email: string) {
  const { url, flow } = await startSignOn(email, null, fromNewIp());
  expect(flow).toBeNull();
  const at = new URL(url);
  const { xml, requestId, relayState } = readAuthnRequest(at);
  return { at, request: xml, requestId, relayState: relayState! };
}

interface ResponseOptions {
  inResponseTo: string;
  nameId: string;
  audience?: string;
  notOnOrAfter?: number;
  attributes?: Record<string, string>;
  nameIdFormat?: string;
  signWith?: KeyPair | null;
}

/** A Response from the test IdP for this team, at our pinned clock's instant; signed with its key unless told otherwise. */
const idpResponse = (slug: string, o: ResponseOptions) =>
  samlResponse({ idpEntityId: IDP_ENTITY_ID, acsUrl: samlAcsUrl(), audience: samlSpEntityId(slug), now: clock.nowMs(), ...o, signWith: o.signWith === undefined ? idp : o.signWith });

/** The round trip: start for `email`, the IdP answers for `nameId` (default: the same address). */
async function signOn(o: Org, email: string, options: Partial<ResponseOptions> = {}) {
  const { requestId, relayState } = await start(email);
  const response = idpResponse(o.team.slug, { inResponseTo: requestId, nameId: email, ...options });
  return { outcome: await finishSamlSignOn(response, relayState, fromNewIp()), response, relayState, requestId };
}

describe("starting a SAML sign-on", () => {
  it("sends the team's people to its IdP with an HTTP-Redirect AuthnRequest naming our entity ID and ACS", async () => {
    const o = await org("start");
    const { at, request, relayState } = await start(`someone@${o.domain}`);
    expect(`${at.origin}${at.pathname}`).toBe(IDP_SSO_URL);
    expect(request).toContain(`<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${samlSpEntityId(o.team.slug)}</saml:Issuer>`);
    expect(request).toContain(`AssertionConsumerServiceURL="${samlAcsUrl()}"`);
    expect(request).toContain(`Destination="${IDP_SSO_URL}"`);
    expect(relayState.startsWith(`${o.team.id}.`)).toBe(true);
  });
});

describe("the ACS", () => {
  it("accepts a valid signed response for a verified-domain user: a session ticket, and just-in-time membership", async () => {
    const o = await org("jit", { jitEnabled: "on", jitRole: "editor" });
    const email = `new-${randomUUID().slice(0, 6)}@${o.domain}`;
    const { outcome } = await signOn(o, email, { attributes: { displayName: "New Person" } });
    expect(outcome).toMatchObject({ ok: true, joined: true, destination: `/t/${o.team.slug}`, user: { email, name: "New Person" } });
    const user = (outcome as { user: { id: string; emailVerified: Date | null } }).user;
    expect(user.emailVerified).not.toBeNull();
    expect(await findUserByAccount(ssoProviderId(o.team.id, "saml"), email)).toMatchObject({ id: user.id });
    expect(await inTeam(o.team.id, (tx) => findMembershipByUser(tx, { teamId: o.team.id }, user.id))).toMatchObject({ role: "editor" });
    expect(await authorizeSsoTicket({ ssoTicket: await issueSsoTicket(user.id) })).toMatchObject({ id: user.id });

    // The address may come as an attribute when the NameID is opaque.
    const other = `attr-${randomUUID().slice(0, 6)}@${o.domain}`;
    const byAttribute = await signOn(o, other, { nameId: "opaque-id-42", nameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", attributes: { email: other } });
    expect(byAttribute.outcome).toMatchObject({ ok: true, user: { email: other } });
    expect(await findUserByAccount(ssoProviderId(o.team.id, "saml"), "opaque-id-42")).toMatchObject({ email: other });
  });

  it("refuses an unsigned response and one signed with another key", async () => {
    const o = await org("sig");
    const email = `careful@${o.domain}`;
    expect((await signOn(o, email, { signWith: null })).outcome).toEqual({ ok: false, reason: "invalid_response" });
    expect((await signOn(o, email, { signWith: stranger })).outcome).toEqual({ ok: false, reason: "invalid_response" });
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("refuses a wrong audience and an expired assertion (by our pinned clock)", async () => {
    const o = await org("cond");
    const email = `timely@${o.domain}`;
    expect((await signOn(o, email, { audience: samlSpEntityId("some-other-team") })).outcome).toEqual({ ok: false, reason: "invalid_response" });
    // Past NotOnOrAfter by more than the accepted clock skew (3 minutes).
    expect((await signOn(o, email, { notOnOrAfter: clock.nowMs() - 4 * 60_000 })).outcome).toEqual({ ok: false, reason: "invalid_response" });
    // Built for now, answered after the clock moved past it (the request itself still live).
    const { requestId, relayState } = await start(email);
    const response = idpResponse(o.team.slug, { inResponseTo: requestId, nameId: email, notOnOrAfter: clock.nowMs() + 60_000 });
    clock.advance(5 * 60_000);
    expect(await finishSamlSignOn(response, relayState, fromNewIp())).toEqual({ ok: false, reason: "invalid_response" });
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("refuses a replayed response, an answer to another request, an unknown RelayState and a late one", async () => {
    const o = await org("replay");
    const email = `once@${o.domain}`;
    const first = await signOn(o, email);
    expect(first.outcome).toMatchObject({ ok: true });
    expect(await finishSamlSignOn(first.response, first.relayState, fromNewIp())).toEqual({ ok: false, reason: "expired" });

    // A valid answer to request A posted with request B's RelayState: InResponseTo does not match B.
    const a = await start(email);
    const b = await start(email);
    const forA = idpResponse(o.team.slug, { inResponseTo: a.requestId, nameId: email });
    expect(await finishSamlSignOn(forA, b.relayState, fromNewIp())).toEqual({ ok: false, reason: "invalid_response" });

    expect(await finishSamlSignOn(forA, `${o.team.id}.not-a-stored-token`, fromNewIp())).toEqual({ ok: false, reason: "expired" });
    expect(await finishSamlSignOn(forA, "garbage", fromNewIp())).toEqual({ ok: false, reason: "expired" });
    expect(await finishSamlSignOn(forA, null, fromNewIp())).toEqual({ ok: false, reason: "expired" });

    const late = await start(email);
    const lateResponse = idpResponse(o.team.slug, { inResponseTo: late.requestId, nameId: email, notOnOrAfter: clock.nowMs() + 60 * 60_000 });
    clock.advance(11 * 60_000);
    expect(await finishSamlSignOn(lateResponse, late.relayState, fromNewIp())).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses an address at a domain the team has not verified, and a response with no address", async () => {
    const o = await org("domain");
    const other = await org("elsewhere");
    const { requestId, relayState } = await start(`impostor@${o.domain}`);
    const response = idpResponse(o.team.slug, { inResponseTo: requestId, nameId: `ceo@${other.domain}` });
    expect(await finishSamlSignOn(response, relayState, fromNewIp())).toEqual({ ok: false, reason: "domain_not_verified" });
    expect(await findUserByEmail(`ceo@${other.domain}`)).toBeUndefined();

    const opaque = await signOn(o, `someone@${o.domain}`, { nameId: "opaque", nameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" });
    expect(opaque.outcome).toEqual({ ok: false, reason: "no_email" });
  });

  it("answers the IdP's form POST with a 303 to the sign-in page when it refuses", async () => {
    const body = new URLSearchParams({ SAMLResponse: Buffer.from("<nope/>").toString("base64"), RelayState: `${randomUUID()}.unknown` });
    const response = await acsRoute(
      new Request(samlAcsUrl(), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", [PEER_ADDRESS_HEADER]: "198.51.100.250" }, body }) as never,
    );
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname + new URL(response.headers.get("location")!).search).toBe("/sign-in/sso?error=expired");
  });
});

describe("require single sign-on", () => {
  it("refuses password sign-in at the SAML team's verified domain, and SAML still signs in", async () => {
    const o = await org("require");
    const member = `member@${o.domain}`;
    const user = await person(member);
    expect(await authorizeCredentials({ email: member, password: PASSWORD }, fromNewIp())).toMatchObject({ email: member });
    expect(await updateSaml(o, { requireSso: "on" })).toMatchObject({ ok: true });
    await expect(authorizeCredentials({ email: member, password: PASSWORD }, fromNewIp())).rejects.toBeInstanceOf(SsoRequiredSignIn);
    expect((await signOn(o, member)).outcome).toMatchObject({ ok: true, user: { id: user.id } });
  });
});

describe("the SAML settings", () => {
  it("name the field at fault (the certificate must parse as X.509 PEM) and show the certificate after saving", async () => {
    const o = await org("settings");
    expect(await updateSaml(o, { idpCertificate: "not a certificate" })).toMatchObject({ ok: false, status: 422, fieldErrors: { idpCertificate: [expect.stringContaining("PEM")] } });
    const garbled = "-----BEGIN CERTIFICATE-----\nTUlJQ2dvYmJsZWQ=\n-----END CERTIFICATE-----";
    expect(await updateSaml(o, { idpCertificate: garbled })).toMatchObject({ ok: false, fieldErrors: { idpCertificate: [expect.stringContaining("X.509")] } });
    expect(await updateSaml(o, { idpSsoUrl: "ftp://idp.test/sso" })).toMatchObject({ ok: false, fieldErrors: { idpSsoUrl: [expect.any(String)] } });
    expect(await updateSaml(o, { idpEntityId: "" })).toMatchObject({ ok: false, fieldErrors: { idpEntityId: [expect.any(String)] } });
    expect(await updateSaml(o, { enabled: undefined, requireSso: "on" })).toMatchObject({ ok: false, fieldErrors: { requireSso: ["Turn single sign-on on to require it"] } });
    expect(await updateSaml(o, { version: 99 })).toMatchObject({ ok: false, status: 409 });

    const saved = await updateSaml(o, { emailAttribute: "mail" });
    expect(saved).toMatchObject({ ok: true, data: { message: expect.stringContaining("CN=test-idp") } });
    const settings = await inTeam(o.team.id, (tx) => getSsoSettings(tx, { teamId: o.team.id, teamSlug: o.team.slug, userId: o.owner.id, membershipId: null, role: "owner", via: "session" }));
    expect(settings.connection).toMatchObject({ protocol: "saml", samlIdpEntityId: IDP_ENTITY_ID, samlEmailAttribute: "mail", certificate: { subject: "CN=test-idp", validTo: expect.any(Date) } });
    expect(settings.saml).toEqual({ entityId: samlSpEntityId(o.team.slug), acsUrl: samlAcsUrl(), metadataUrl: samlSpEntityId(o.team.slug) });
  });

  it("are managed by owners and admins only; editors get 403 and other teams 404", async () => {
    const o = await org("roles");
    const outsider = await org("outsider");
    const editor = await person(`editor@${o.domain}`);
    const admin = await person(`admin@${o.domain}`);
    await inTeam(o.team.id, async (tx) => {
      await insertMembership(tx, { teamId: o.team.id }, editor.id, "editor");
      await insertMembership(tx, { teamId: o.team.id }, admin.id, "admin");
    });
    const [row] = await inTeam(o.team.id, (tx) => tx.select({ version: teamSsoConnections.version }).from(teamSsoConnections));
    const input = { ...samlInput(o), version: row!.version };
    expect(await run("sso.save-saml-connection", editor, input)).toMatchObject({ ok: false, status: 403 });
    expect(await run("sso.save-saml-connection", outsider.owner, input)).toMatchObject({ ok: false, status: 404 });
    expect(await run("sso.save-saml-connection", null, input)).toMatchObject({ ok: false, status: 401 });
    expect(await run("sso.save-saml-connection", admin, input)).toMatchObject({ ok: true });
  });
});

describe("the SP metadata", () => {
  it("is public XML holding the team's entity ID and the ACS URL", async () => {
    const response = await metadataRoute(new Request("http://localhost/api/sso/saml/acme/metadata"), { params: Promise.resolve({ team: "acme" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("xml");
    const xml = await response.text();
    expect(xml).toContain(`entityID="${samlSpEntityId("acme")}"`);
    expect(xml).toContain(`Location="${samlAcsUrl()}"`);
    expect(xml).toContain("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    const bad = await metadataRoute(new Request("http://localhost/api/sso/saml/..%2F/metadata"), { params: Promise.resolve({ team: "../" }) });
    expect(bad.status).toBe(404);
  });
});
