// Two-factor sign-in end to end: set up an authenticator app on the account page (the code is
// computed here from the secret the page shows, as the app would), keep the recovery codes,
// then sign in again: the password alone is not enough, the code from the app is.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { ownClientAddress, signUpAndSignIn } from "./contexts";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("two-factor"));

const PASSWORD = "granite-cairn-path-42";

/** The server's clock (lib/clock.ts, started at CAIRN_CLOCK), in seconds: the codes must be for its time, not this machine's. */
async function serverSeconds(request: APIRequestContext): Promise<number> {
  const health = (await (await request.get("/api/health")).json()) as { clock: string };
  return Math.floor(Date.parse(health.clock) / 1000);
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("set up an authenticator app, then sign in with a code from it", async ({ page }) => {
  const email = `e2e-totp-${randomUUID().slice(0, 8)}@example.test`;
  await signUpAndSignIn(page, { name: "Tess Totp", email, password: PASSWORD });

  await page.goto("/account");
  const section = page.locator("#two-factor");
  await section.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(section.getByRole("img", { name: "QR code to add Cairn to your authenticator app" })).toBeVisible();
  const secret = (await section.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]+$/);

  // A wrong code first: refused next to its field.
  await section.getByLabel("Code from the app").fill("000000");
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(section.getByText("This code is not valid")).toBeVisible();

  const enrolledAt = await serverSeconds(page.request);
  await section.getByLabel("Code from the app").fill(await generate({ secret, epoch: enrolledAt }));
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await section.getByRole("button", { name: "I have kept them" }).click();
  await expect(section.getByText(/Two-factor sign-in is\s+on/)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  // The right password leads to the second step, not into the app.
  await signIn(page, email);
  await page.waitForURL(/\/sign-in\/two-factor/);
  await page.goto("/account");
  await page.waitForURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await signIn(page, email);
  await page.waitForURL(/\/sign-in\/two-factor/);

  // The enrolment spent its time step (no replay): the code of a later step, as the app shows it then.
  const now = await serverSeconds(page.request);
  const epoch = Math.floor(now / 30) > Math.floor(enrolledAt / 30) ? now : now + 30;
  await page.getByLabel("Authentication code").fill(await generate({ secret, epoch }));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname === "/teams" || url.pathname.startsWith("/t/"));
  await page.goto("/account");
  await expect(page.locator("#two-factor").getByText(/Two-factor sign-in is\s+on/)).toBeVisible();
});
