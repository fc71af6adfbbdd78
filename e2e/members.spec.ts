// Members end to end, across two browsers: the owner invites a colleague, the colleague opens the
// mailed link, signs up and lands in the team; roles, the seat limit, the 403 and 404 pages, phones.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { closeOpenedContexts, newContext, ownClientAddress, signUpFinished } from "./contexts";
import { expect, test, type Browser, type Page } from "@playwright/test";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("members"));

const DEMO_PASSWORD = "cairn-demo-2026";
const PASSWORD = "granite-cairn-path-42";
let n = 0;
const uniqueEmail = (label: string) => `e2e-${label}-${randomUUID().slice(0, 8)}-${++n}@example.test`;

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function newPage(browser: Browser): Promise<Page> {
  return (await newContext(browser)).newPage();
}

test.afterEach(closeOpenedContexts);

/** The newest invitation link mailed to `email`, read from the development mailbox (mail leaves after the answer). */
async function mailedInvitation(page: Page, email: string): Promise<string> {
  const link = page.getByRole("link", { name: /\/invite\// }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return (await link.getAttribute("href"))!;
}

async function invite(page: Page, email: string, role: "viewer" | "editor" | "admin") {
  await page.goto("/t/acme/settings/members");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

/** Sign-up answers "check your inbox" whether or not the address had an account; then the person signs in. */
async function signUpThenSignIn(page: Page, name: string, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in\?signed-up=1$/);
  await signUpFinished(page, email);
  await signIn(page, email, PASSWORD);
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
}

/** Opens the newest confirmation link mailed to `email` and confirms the address. */
async function confirmAddress(page: Page, email: string) {
  const link = page.getByRole("link", { name: /\/verify-email\// }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await link.click();
  await page.getByRole("button", { name: "Confirm my e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your e-mail address is confirmed" })).toBeVisible();
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("owner invites a colleague, who signs up from the mailed link and joins; both see the team", async ({ browser }) => {
  // Two browsers, a sign-up and a dozen pages: longer than one page's budget.
  test.setTimeout(90_000);
  const owner = await newPage(browser);
  await signIn(owner, "owner@acme.test");
  const email = uniqueEmail("colleague");

  // The demo team's three Free editor seats are taken: an editor invitation is refused with the way to Billing.
  await invite(owner, email, "editor");
  const refusal = owner.getByRole("alert").filter({ hasText: "No editor seat left" });
  await expect(refusal).toContainText("Billing");
  await expect(refusal.getByRole("link", { name: "Open Billing" })).toHaveAttribute("href", "/t/acme/settings/billing");
  await expect(owner.getByTestId("seat-usage")).toContainText("3 of 3 editor seats in use");

  // A viewer is always allowed.
  await owner.getByLabel("Role", { exact: true }).selectOption("viewer");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const pending = owner.getByRole("region", { name: "Pending invitations" });
  await expect(pending.getByRole("row").filter({ hasText: email })).toContainText("Viewer");
  expect(seriousViolations(await new AxeBuilder({ page: owner }).analyze())).toEqual([]);

  // The colleague, in another browser, opens the mailed link and creates an account from it.
  const colleague = await newPage(browser);
  const link = await mailedInvitation(colleague, email);
  expect(new URL(link).pathname).toMatch(/^\/invite\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
  await colleague.goto(new URL(link).pathname);
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText("Join Acme Outdoor on Cairn");
  await expect(colleague.getByRole("definition").filter({ hasText: email })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
  expect(seriousViolations(await new AxeBuilder({ page: colleague }).analyze())).toEqual([]);
  await colleague.getByRole("link", { name: "Create an account" }).click();
  await colleague.waitForURL(/\/sign-up\?invite=/);
  await expect(colleague.getByLabel("Work e-mail")).toHaveValue(email);
  await colleague.getByLabel("Your name").fill("Casey Colleague");
  await colleague.getByLabel("Password").fill(PASSWORD);
  await colleague.getByRole("button", { name: "Create account" }).click();
  await colleague.waitForURL((url) => url.pathname === "/t/acme");

  // Both see the team: the colleague is listed as a viewer, read-only for them.
  await colleague.goto("/t/acme/settings/members");
  await expect(colleague.getByRole("row").filter({ hasText: email })).toContainText("Viewer");
  await expect(colleague.getByRole("combobox")).toHaveCount(0);
  await expect(colleague.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(colleague.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(colleague.getByRole("button", { name: "Leave team" })).toBeVisible();
  await expect(colleague.getByRole("navigation", { name: "Settings" }).getByRole("link")).toHaveText(["Members"]);
  await owner.reload();
  await expect(owner.getByRole("region", { name: "Members" }).getByRole("row").filter({ hasText: email })).toBeVisible();
  await expect(owner.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);

  // The link worked once.
  const reused = await colleague.goto(new URL(link).pathname);
  expect(reused?.status()).toBe(404);
  await expect(colleague.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();

  // Another team's URL is a 404 for the colleague, and settings are a friendly 403 page.
  const other = await colleague.goto("/t/globex");
  expect(other?.status()).toBe(404);
  // Settings opens on the members list for a viewer; billing is refused with the 403 page.
  await colleague.goto("/t/acme/settings");
  await colleague.waitForURL("**/t/acme/settings/members");
  await colleague.goto("/t/acme/settings/billing");
  await colleague.waitForURL("**/t/acme/forbidden");
  await expect(colleague.getByText("Your role in Acme Outdoor (viewer) cannot open this page")).toBeVisible();

  // Promoting the viewer needs an editor seat: refused beside the select, which goes back to Viewer.
  const roleSelect = owner.getByRole("combobox", { name: "Role of Casey Colleague" });
  await roleSelect.selectOption("editor");
  await expect(owner.getByText("No editor seat left: 3 of 3 in use.")).toBeVisible();
  await expect(roleSelect).toHaveValue("viewer");

  // Removing them ends their access on the next request.
  await owner.getByRole("button", { name: "Remove Casey Colleague from the team" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(owner.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  const gone = await colleague.goto("/t/acme");
  expect(gone?.status()).toBe(404);
});

test("a signed-in invitee accepts with one button; someone else is told the link is not theirs", async ({ browser }) => {
  const admin = await newPage(browser);
  await signIn(admin, "admin@acme.test");
  const email = uniqueEmail("existing");
  await invite(admin, email, "viewer");
  await expect(admin.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();

  const invitee = await newPage(browser);
  const path = new URL(await mailedInvitation(invitee, email)).pathname;

  // Signed in as another person: a clear message, no accept button.
  await signIn(invitee, "editor@acme.test");
  await invitee.goto(path);
  await expect(invitee.getByText("This invitation is for another address")).toBeVisible();
  await expect(invitee.getByRole("button", { name: /Accept invitation/ })).toHaveCount(0);
  await invitee.getByRole("button", { name: "Sign out" }).click();
  await invitee.waitForURL((url) => url.pathname === "/");

  // An account of its own first (it lands in a personal team), then the link: the address must be
  // confirmed before it can be accepted, then one button joins.
  await signUpThenSignIn(invitee, "Ida Invitee", email);
  await invitee.goto(path);
  await expect(invitee.getByText("Confirm your e-mail address first")).toBeVisible();
  await expect(invitee.getByRole("button", { name: /Accept invitation/ })).toHaveCount(0);
  await confirmAddress(invitee, email);
  await invitee.goto(path);
  await invitee.getByRole("button", { name: "Accept invitation and join Acme Outdoor" }).click();
  await invitee.waitForURL((url) => url.pathname === "/t/acme");

  // Two teams now: /teams lists both with the role in each.
  await invitee.goto("/teams");
  const teams = invitee.getByRole("navigation", { name: "Your teams" });
  await expect(teams.getByRole("link", { name: /Acme Outdoor/ })).toContainText("Viewer");
  await expect(teams.getByRole("link", { name: /Ida Invitee/ })).toContainText("Owner");
  expect(seriousViolations(await new AxeBuilder({ page: invitee }).analyze())).toEqual([]);
});

test("general settings: owners and admins edit, only owners see the danger zone; a wrong URL name is explained", async ({ browser }) => {
  // A team of one's own, so the demo team's calendar stays as the other specs expect it.
  const owner = await newPage(browser);
  await signUpThenSignIn(owner, "Sol Settings", uniqueEmail("settings"));
  const slug = new URL(owner.url()).pathname.split("/")[2]!;

  await owner.goto(`/t/${slug}/settings`);
  await expect(owner.getByRole("heading", { name: "Team settings" })).toBeVisible();
  await expect(owner.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "General" })).toHaveAttribute("aria-current", "page");
  await owner.getByLabel("URL name").fill("Not Valid!");
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByText("URL name may contain only lowercase letters, digits and single dashes")).toBeVisible();
  await expect(owner.getByLabel("URL name")).toHaveValue("Not Valid!");
  await owner.getByLabel("URL name").fill("acme");
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByText("This URL name is already taken by another team")).toBeVisible();
  await owner.getByLabel("URL name").fill(slug);
  await owner.getByLabel("Time zone").selectOption("Europe/Berlin");
  await owner.getByLabel("Fiscal year starts in").selectOption({ label: "April" });
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await owner.reload();
  await expect(owner.getByLabel("Fiscal year starts in")).toHaveValue("4");
  await expect(owner.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  expect(seriousViolations(await new AxeBuilder({ page: owner }).analyze())).toEqual([]);

  await expect(owner.getByRole("heading", { name: "Danger zone" })).toBeVisible();
  await owner.getByRole("button", { name: "Delete this team" }).click();
  const dialog = owner.getByRole("alertdialog", { name: "Delete Sol Settings's team?" });
  const confirm = dialog.getByRole("button", { name: "Delete team permanently" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${slug} to confirm`).fill(slug.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await confirm.click();
  await owner.waitForURL((url) => url.pathname === "/teams");
  expect((await owner.goto(`/t/${slug}`))?.status()).toBe(404);

  // An admin of the demo team sees the form but no danger zone.
  const admin = await newPage(browser);
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings");
  await expect(admin.getByLabel("Team name")).toHaveValue("Acme Outdoor");
  await expect(admin.getByRole("heading", { name: "Danger zone" })).toHaveCount(0);
});

test("the members page works on a phone: the table scrolls inside its region, the page does not", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, "owner@acme.test");
  await page.goto("/t/acme/settings/members");
  await expect(page.getByRole("region", { name: "Members" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Send invitation" })).toBeVisible();
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await context.close();
});
