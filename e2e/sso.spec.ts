// Per-team single sign-on end to end, against a real local OpenID Connect provider
// (oidc-provider, started by this spec): the owner connects it and verifies an e-mail domain
// (its TXT record published through the e2e server's DNS double), a new person at that domain
// signs in through the provider and lands in the team (just in time), and once the team
// requires single sign-on, password sign-in for that domain is refused with a clear message.
// Then the same by SAML 2.0 for another team, through a test IdP on 127.0.0.1 (another site, so
// its post to the ACS is cross-site as in production).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeOpenedContexts, DEMO_PASSWORD, newContext, signedIn } from "./contexts";
import { publishTxtRecord } from "./dns-file";
import { startTestIdentityProvider, type TestIdentityProvider } from "../tests/support/oidc-provider";
import { serveTestSamlIdp } from "../tests/support/saml-idp";
import { clock } from "@/lib/clock";

const PORT = process.env.E2E_PORT ?? "3100";
// Its own domain each run: a retry finds the first attempt's domain taken by the team already.
const DOMAIN = `acme-sso-${randomUUID().slice(0, 8)}.test`;

let idp: TestIdentityProvider;
test.beforeAll(async () => {
  idp = await startTestIdentityProvider({ redirectUris: [`http://localhost:${PORT}/api/sso/callback`] });
});
test.afterAll(async () => idp?.close());
test.afterEach(closeOpenedContexts);

test("an owner sets up single sign-on, and a new person at the verified domain signs in through it into the team", async ({ browser }) => {
  const admin = await signedIn(browser, "owner@acme.test");
  await admin.goto("/t/acme/settings/sso");
  await expect(admin.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();

  // The issuer is discovered on save: a wrong one is refused beside its field.
  await admin.getByLabel("Issuer URL").fill("http://localhost:9/nowhere");
  await admin.getByLabel("Client ID").fill(idp.clientId);
  await admin.getByLabel("Client secret").fill(idp.clientSecret);
  await admin.getByLabel("Single sign-on is on").check();
  await admin.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(admin.getByText(/Could not read http:\/\/localhost:9\/nowhere\/\.well-known\/openid-configuration/)).toBeVisible();

  // What was typed is kept, but the secret (never echoed back) is typed again.
  await expect(admin.getByLabel("Client ID")).toHaveValue(idp.clientId);
  await admin.getByLabel("Issuer URL").fill(idp.issuer);
  await admin.getByLabel("Client secret").fill(idp.clientSecret);
  await admin.getByLabel("Add new people just in time").check();
  await admin.getByLabel("Role of people added just in time").selectOption("viewer");
  await admin.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(admin.getByText("Single sign-on settings saved: the issuer answered.")).toBeVisible();
  await expect(admin.getByText(/A secret is set/)).toBeVisible();

  await admin.getByLabel("E-mail domain").fill(DOMAIN);
  await admin.getByRole("button", { name: "Add domain" }).click();
  const row = admin.getByTestId("sso-domain").filter({ hasText: DOMAIN });
  await expect(row.getByText("Not verified")).toBeVisible();
  await row.getByRole("button", { name: `Verify ${DOMAIN}` }).click();
  await expect(row.getByText(`found no TXT record there`)).toBeVisible();
  publishTxtRecord(PORT, `_cairn.${DOMAIN}`, (await row.getByTestId("sso-txt-value").textContent())!.trim());
  await row.getByRole("button", { name: `Verify ${DOMAIN}` }).click();
  await expect(row.getByText(/^Verified /)).toBeVisible();

  // A new person, in a browser of their own.
  const email = `new.person@${DOMAIN}`;
  idp.accounts.set(email, { email, email_verified: true, name: "Nova Person" });
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "Continue with SSO" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await expect(page.getByLabel("Account")).toHaveValue(email);
  await page.getByRole("button", { name: "Sign in to the test provider" }).click();
  await page.waitForURL(/\/t\/acme(\/[a-z-]*)?$/);
  await expect(page.getByText("Acme", { exact: false }).first()).toBeVisible();

  // The team now requires single sign-on: a password sign-in at that domain is refused, clearly.
  await admin.reload();
  await admin.getByLabel("Require single sign-on").check();
  await admin.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(admin.getByText("Single sign-on settings saved: the issuer answered.")).toBeVisible();
  const other = await (await newContext(browser)).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("E-mail").fill(email);
  await other.getByLabel("Password").fill("any-password-at-all");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText("Your organisation requires single sign-on — use Sign in with SSO.")).toBeVisible();
});

test("an owner connects a SAML 2.0 identity provider, and a new person at the verified domain signs in through it", async ({ browser }) => {
  const domain = `globex-saml-${randomUUID().slice(0, 8)}.test`;
  const email = `saml.person@${domain}`;
  // The IdP's "now" is the server's (lib/clock.ts, started at CAIRN_CLOCK like the server's).
  const samlIdp = await serveTestSamlIdp({ nameId: () => email, instantMs: () => clock.nowMs() });
  try {
    const admin = await signedIn(browser, "owner@globex.test");
    await admin.goto("/t/globex/settings/sso");
    await expect(admin.getByTestId("saml-acs-url")).toHaveText(`http://localhost:${PORT}/api/sso/saml/acs`);
    await admin.getByRole("radio", { name: "SAML 2.0" }).check();
    await admin.getByLabel("Identity provider entity ID").fill(samlIdp.entityId);
    await admin.getByLabel("Identity provider single sign-on URL").fill(samlIdp.ssoUrl);
    // A certificate that does not parse is refused beside its field.
    await admin.getByLabel("Identity provider signing certificate (PEM)").fill("not a certificate");
    await admin.getByLabel("Single sign-on is on").check();
    await admin.getByLabel("Add new people just in time").check();
    await admin.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(admin.getByText(/Paste the certificate in PEM form/)).toBeVisible();
    await admin.getByLabel("Identity provider signing certificate (PEM)").fill(samlIdp.keys.cert);
    await admin.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(admin.getByText(/SAML single sign-on settings saved/)).toBeVisible();
    await expect(admin.getByTestId("saml-certificate")).toContainText("CN=test-idp");

    await admin.getByLabel("E-mail domain").fill(domain);
    await admin.getByRole("button", { name: "Add domain" }).click();
    const row = admin.getByTestId("sso-domain").filter({ hasText: domain });
    await expect(row.getByText("Not verified")).toBeVisible();
    publishTxtRecord(PORT, `_cairn.${domain}`, (await row.getByTestId("sso-txt-value").textContent())!.trim());
    await row.getByRole("button", { name: `Verify ${domain}` }).click();
    await expect(row.getByText(/^Verified /)).toBeVisible();

    const page = await (await newContext(browser)).newPage();
    await page.goto("/sign-in/sso");
    await page.getByLabel("Work e-mail").fill(email);
    await page.getByRole("button", { name: "Continue with SSO" }).click();
    await expect(page.getByRole("heading", { name: "Test SAML IdP" })).toBeVisible();
    await page.getByRole("button", { name: "Continue to the service" }).click();
    await page.waitForURL(/\/t\/globex(\/[a-z-]*)?$/);
    await expect(page.getByText("Globex", { exact: false }).first()).toBeVisible();
  } finally {
    await samlIdp.close();
  }
});

test("the SAML metadata is public XML, and the ACS refuses an unknown answer with a 303 and the usual headers", async ({ request }) => {
  const metadata = await request.get("/api/sso/saml/globex/metadata");
  expect(metadata.status()).toBe(200);
  expect(await metadata.text()).toContain(`Location="http://localhost:${PORT}/api/sso/saml/acs"`);
  const response = await request.post("/api/sso/saml/acs", { form: { SAMLResponse: "PG5vcGUvPg==", RelayState: "unknown" }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toMatch(/\/sign-in\/sso\?error=expired$/);
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test("the callback refuses a browser that started no sign-on, with the security headers of every route", async ({ request }) => {
  const response = await request.get("/api/sso/callback?code=forged&state=forged", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toMatch(/\/sign-in\/sso\?error=expired$/);
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("only owners and admins open the single sign-on settings; another team's member finds no such page", async ({ browser }) => {
  const editor = await signedIn(browser, "editor@acme.test");
  await expect(editor.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Single sign-on" })).toHaveCount(0);
  await editor.goto("/t/acme/settings/sso");
  await expect(editor.getByRole("heading", { name: "You can't open this page" })).toBeVisible();

  const context = await newContext(browser);
  const outsider = await context.newPage();
  await outsider.goto("/sign-in");
  await outsider.getByLabel("E-mail").fill("owner@globex.test");
  await outsider.getByLabel("Password").fill(DEMO_PASSWORD);
  await outsider.getByRole("button", { name: "Sign in" }).click();
  await outsider.waitForURL(/\/t\//);
  const response = await outsider.goto("/t/acme/settings/sso");
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
