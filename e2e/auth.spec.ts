// Accounts end to end: sign-up, e-mail confirmation, sign-out, sign-in, wrong password, password reset,
// the credentials endpoint's 429, and accessibility of the sign-in and sign-up pages.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownClientAddress, signUpFinished } from "./contexts";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("auth"));

const PASSWORD = "granite-cairn-path-42";
let n = 0;
const uniqueEmail = (label: string) => `e2e-${label}-${randomUUID().slice(0, 8)}-${++n}@example.test`;

/** Sign-up answers the same whether or not the address had an account (check the inbox), then the person signs in. */
async function signUp(page: Page, email: string, name = "Robin Tester") {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in\?signed-up=1$/);
  await signUpFinished(page, email);
  await expect(page.getByRole("status").filter({ hasText: "We sent an e-mail to the address you gave" })).toBeVisible();
  await signIn(page, email, PASSWORD);
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the newest link to `path` e-mailed to `email`, from the development mailbox (mail is sent after the answer). */
async function openMailedLink(page: Page, email: string, path: "verify-email" | "reset-password"): Promise<string> {
  const link = page.getByRole("link", { name: new RegExp(`/${path}/`) }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await page.waitForURL(`**/${path}/**`);
  return href;
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("sign-up answers an address that already has an account as it answers a new one", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Not The Owner");
  await page.getByLabel("Work e-mail").fill("viewer@acme.test");
  await page.getByLabel("Password").fill("another-long-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in\?signed-up=1$/);
  await expect(page.getByText("already exists")).toHaveCount(0);
});

test("sign up lands in a new personal team; sign-out ends the session on the server; sign in again", async ({ page, context }) => {
  const email = uniqueEmail("signup");
  await signUp(page, email, "Robin Tester");
  expect(new URL(page.url()).pathname).toMatch(/^\/t\/robin-tester-s-team(-\d+)?$/);
  const landing = await page.request.get(page.url());
  expect(landing.status()).toBeLessThan(400);

  // The confirmation link only shows a button: opening it (as a mail scanner would) confirms nothing.
  await openMailedLink(page, email, "verify-email");
  await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText("Not confirmed yet")).toBeVisible();
  await page.goBack();
  await page.getByRole("button", { name: "Confirm my e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your e-mail address is confirmed" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();

  const sessionCookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(sessionCookie).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  // Replaying the old cookie must not work: sign-out deleted the session row, not just the cookie.
  await context.addCookies([sessionCookie!]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await context.clearCookies();

  await signIn(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname === "/teams");
  await page.goto("/account");
  await expect(page.getByText(email)).toBeVisible();
});

test("a wrong password is refused with a message above the form, keeping the e-mail", async ({ page }) => {
  await signIn(page, "viewer@acme.test", "not-the-demo-password");
  await expect(page.getByRole("alert").filter({ hasText: "E-mail or password is incorrect." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("E-mail")).toHaveValue("viewer@acme.test");

  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-email-error")).toContainText("Enter an e-mail address");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
});

test("forgot password: the e-mailed link sets a new password once, and the new password signs in", async ({ page, context }) => {
  const email = uniqueEmail("reset");
  await signUp(page, email);
  await context.clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists" })).toBeVisible();

  const link = await openMailedLink(page, email, "reset-password");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("another-long-passphrase");
  await page.getByLabel("Repeat the new password").fill("another-long-passphrasf");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("#reset-confirm-password-error")).toContainText("do not match");

  await page.getByRole("textbox", { name: "New password", exact: true }).fill("another-long-passphrase");
  await page.getByLabel("Repeat the new password").fill("another-long-passphrase");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await page.waitForURL(/\/sign-in\?reset=1$/);
  await expect(page.getByText("Password changed, sign in")).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "E-mail or password is incorrect." })).toBeVisible();
  await signIn(page, email, "another-long-passphrase");
  await page.waitForURL((url) => url.pathname === "/teams");
});

test("changing the password keeps this device signed in and signs out the others", async ({ page, browser }) => {
  const email = uniqueEmail("change");
  await signUp(page, email);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, PASSWORD);
  await otherPage.waitForURL((url) => url.pathname === "/teams");

  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("another-long-passphrase");
  await page.getByLabel("Repeat the new password").fill("another-long-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await other.close();
});

test("the credentials endpoint answers 429 with Retry-After once an account's budget is spent; the form says how long to wait", async ({ request, page }) => {
  const email = uniqueEmail("brute");
  const attempt = async () => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: "guess-a-password", callbackUrl: "/teams" },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 5; i++) {
    const refused = await attempt();
    expect(refused.status()).toBe(302);
    expect(refused.headers().location).toContain("error=CredentialsSignin");
  }
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(await limited.json()).toEqual({ error: "Too many sign-in attempts" });
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);

  // The lock-out holds for the client that spent the budget (another one only waits longer):
  // the form, from its own five wrong guesses, then says how long to wait.
  const formEmail = uniqueEmail("brute-form");
  for (let i = 0; i < 5; i++) {
    await signIn(page, formEmail, "guess-a-password");
    await expect(page.getByRole("alert").filter({ hasText: "E-mail or password is incorrect." })).toBeVisible();
  }
  await signIn(page, formEmail, "guess-a-password");
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts. Try again in 15 minutes." })).toBeVisible();
});

test("sign-in and sign-up have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(seriousViolations(await new AxeBuilder({ page }).analyze()), path).toEqual([]);
  }
  // With errors showing, too.
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#sign-up-password-error")).not.toBeEmpty();
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});
