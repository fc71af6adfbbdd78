// Passkeys end to end, with Chromium's virtual authenticator (DevTools protocol) standing in for
// a fingerprint reader: add a passkey on the account page, then sign in again: after the
// password, the passkey (not a code) completes the sign-in.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ownClientAddress, signUpAndSignIn } from "./contexts";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("passkeys"));

const PASSWORD = "granite-cairn-path-42";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("add a passkey on the account page, then complete a sign-in with it", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  const email = `e2e-passkey-${randomUUID().slice(0, 8)}@example.test`;
  await signUpAndSignIn(page, { name: "Pat Passkey", email, password: PASSWORD });

  await page.goto("/account");
  const section = page.locator("#passkeys");
  await expect(section.getByRole("heading", { name: "Passkeys" })).toBeVisible();
  // A name is required, and said so next to its field.
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByText("Passkey name is required")).toBeVisible();

  await section.getByLabel("Passkey name").fill("Work laptop");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByText("Passkey “Work laptop” added.")).toBeVisible();
  const list = section.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText("Work laptop");
  await expect(list.getByRole("listitem")).toContainText("Not used yet");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);

  // Renamed in place.
  await list.getByRole("button", { name: "Rename Work laptop" }).click();
  await list.getByLabel("New name for Work laptop").fill("My laptop");
  await list.getByRole("button", { name: "Save name" }).click();
  await expect(list.getByRole("button", { name: "Rename My laptop" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  // The right password leads to the second step, which offers the passkey (this account has no authenticator app).
  await signIn(page, email);
  await page.waitForURL(/\/sign-in\/two-factor/);
  const response = await page.request.get("/sign-in");
  expect(response.headers()["permissions-policy"]).toContain("publickey-credentials-get=(self)");
  await expect(page.getByLabel("Authentication code")).toHaveCount(0);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/teams" || url.pathname.startsWith("/t/"));

  await page.goto("/account");
  const signedIn = page.locator("#passkeys").getByRole("list", { name: "Your passkeys" });
  await expect(signedIn.getByRole("listitem")).toContainText("My laptop");
  await expect(signedIn.getByRole("listitem")).toContainText("Last used");
  // The authenticator's counter moved on with the sign-in.
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0]!.signCount).toBeGreaterThan(0);
});
