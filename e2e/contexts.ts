// Browser contexts a spec opens itself (a second person, a stored sign-in) are not closed by
// Playwright. Left open, their pages keep announcing presence and receiving live events in the
// specs that run after them in the same browser: every spec that opens one closes it after each test.
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

const open = new Set<BrowserContext>();

export async function newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  open.add(context);
  context.on("close", () => open.delete(context));
  return context;
}

/** For test.afterEach: closes what the test opened and left open (also when it failed midway). */
export async function closeOpenedContexts(): Promise<void> {
  await Promise.all([...open].map((context) => context.close()));
}

/** The demo seed's password for every acme.test person. */
export const DEMO_PASSWORD = "cairn-demo-2026";

/** A page of a new context, signed in as a demo person, on the team's scorecard list. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Ft%2Facme%2Fscorecards");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t\/acme\/scorecards$/);
  return page;
}

/**
 * Sign-up answers before the account exists: the part that depends on the address runs after the
 * answer (lib/auth/account.ts), so its timing says nothing about who has an account. Its
 * confirmation mail in the development mailbox says it has finished: wait for it before signing in.
 */
export async function signUpFinished(page: Page, email: string): Promise<void> {
  await expect(async () => {
    const mailbox = await page.request.get(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(await mailbox.text()).toContain("/verify-email/");
  }).toPass({ timeout: 15_000 });
}

/**
 * For `test.use(ownClientAddress("<spec>"))`: this spec's pages come from an address of their own
 * (TEST-NET-2, derived from the name), which the e2e server trusts as forwarded by one proxy.
 */
export function ownClientAddress(spec: string): { extraHTTPHeaders: Record<string, string> } {
  let n = 0;
  for (const c of spec) n = (n * 31 + c.charCodeAt(0)) % 250;
  return { extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${n + 1}` } };
}

/** A new person: the sign-up form, its "check your inbox" answer, then the sign-in that lands in their own team. */
export async function signUpAndSignIn(page: Page, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work e-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer for an address that had an account.
  await page.waitForURL(/\/sign-in\?signed-up=1$/);
  await signUpFinished(page, person.email);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
}
