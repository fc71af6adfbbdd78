// The update loop end to end on the seeded demo: an admin sends reminders now; the owner of the
// stale KPI opens the reminder in the development mailbox and follows its link — without
// signing in — to a one-value form, enters the value, and the link then refuses a second use;
// a tampered link gets a clear page; and the dashboard's freshness figure moves by one.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "cairn-demo-2026";

async function signIn(page: Page, email: string, callbackUrl: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${callbackUrl}`);
}

async function freshness(page: Page): Promise<{ count: number; total: number }> {
  const figure = page.getByTestId("freshness");
  await expect(figure).toBeVisible();
  return { count: Number(await figure.getAttribute("data-count")), total: Number(await figure.getAttribute("data-total")) };
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("an owner follows a reminder link from the mailbox, enters the value, and the dashboard's freshness moves", async ({ browser }) => {
  test.setTimeout(90_000);

  // The admin looks at the dashboard first: the figure before.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test", "/t/acme/dashboards");
  await admin.getByRole("link", { name: "Open dashboard of Acme Outdoor 2026" }).click();
  await admin.waitForURL(/\/t\/acme\/dashboards\/[0-9a-f-]{36}$/);
  const dashboardUrl = admin.url();
  const before = await freshness(admin);
  expect(before.count).toBeLessThan(before.total);

  // Settings → Reminders → Send reminders now.
  await admin.getByRole("link", { name: "Settings" }).click();
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Reminders" }).click();
  await admin.waitForURL("**/t/acme/settings/reminders");
  await expect(admin.getByRole("heading", { level: 1, name: "Reminders" })).toBeVisible();
  await expect(admin.getByTestId("reminders-owed")).toContainText("Dana Whitfield");
  await admin.getByRole("button", { name: "Send reminders now" }).click();
  await expect(admin.getByTestId("send-reminders-result")).toContainText(/^Sent .* e-mail/);

  // The owner (not signed in anywhere) opens the reminder in the development mailbox.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto("/dev/mailbox?to=owner@acme.test");
  const reminder = owner.getByRole("article").filter({ has: owner.getByRole("heading", { name: /needs? your update in Acme Outdoor$/ }) }).first();
  await expect(reminder).toBeVisible();
  // Follow the link of the value that is overdue (the e-mail may also list one coming due).
  const lines = (await reminder.innerText()).split("\n");
  const overdueAt = lines.findIndex((line) => line.includes("due since"));
  expect(overdueAt).toBeGreaterThan(0);
  const kpiTitle = lines[overdueAt - 1]!.replace(/^•\s*/, "").replace(/ \(.*\)$/, "").trim();
  const url = lines.slice(overdueAt).find((line) => line.includes("/u/"))!.replace(/^.*?(https?:\/\/\S+).*$/, "$1");
  await reminder.locator(`a[href="${url}"]`).click();
  await owner.waitForURL(/\/u\/v1\./);

  // The one-value form: the KPI, its target and last value; the status previews as you type.
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(kpiTitle);
  await expect(owner.getByText("You are entering this value as Dana Whitfield")).toBeVisible();
  expect(seriousViolations(await new AxeBuilder({ page: owner }).analyze())).toEqual([]);
  const value = owner.getByLabel(/^Value for /);
  await value.fill("50");
  await expect(owner.getByText(/^This value would be: /)).toBeVisible();
  const reason = owner.getByLabel("Why is it off track?");
  if (await reason.isVisible()) await reason.fill("Entered from the reminder e-mail in the end-to-end test");
  await owner.getByRole("button", { name: "Save value" }).click();
  await expect(owner.getByTestId("update-link-saved")).toBeVisible();
  await expect(owner.getByTestId("update-link-saved")).toContainText(kpiTitle);

  // The same link again: refused, clearly, and nothing changes.
  await owner.goto(url);
  await expect(owner.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  // A tampered link: refused as not valid.
  const tampered = url.replace(/\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)$/, (_m, first: string, rest: string) => `.${first === "A" ? "B" : "A"}${rest}`);
  await owner.goto(tampered);
  await expect(owner.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();

  // Back on the dashboard, freshness has moved by exactly one KPI.
  await admin.goto(dashboardUrl);
  const after = await freshness(admin);
  expect(after).toEqual({ count: before.count + 1, total: before.total });

  await adminContext.close();
  await ownerContext.close();
});

test("My updates lists the member's due values and says when there are none", async ({ page }) => {
  await signIn(page, "editor@acme.test", "/t/acme");
  await page.getByRole("link", { name: "My updates" }).click();
  await page.waitForURL("**/t/acme/my-updates");
  await expect(page.getByRole("heading", { level: 1, name: "My updates" })).toBeVisible();
  // Earlier specs may have entered or changed the editor's values: either something is listed
  // with its state (due or coming due), or the page says there is nothing to do.
  const grid = page.getByTestId("my-updates-grid");
  if (await grid.isVisible()) {
    await expect(grid.getByText(/^(Due|Coming due)$/).first()).toBeVisible();
  } else {
    await expect(page.getByText("You are up to date")).toBeVisible();
  }
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});
