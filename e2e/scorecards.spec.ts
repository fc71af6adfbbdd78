// Scorecards end to end: a new team builds the starter kit in one click and sees a complete
// scorecard tied to a journey; the Free plan then refuses a second one; an editor adds KPIs by
// hand (a refused percentage keeps what was typed) and from the library, changes a target with
// a reason that shows in the history; a viewer gets no edit controls; no serious a11y issues.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownClientAddress, signUpAndSignIn } from "./contexts";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("scorecards"));

const DEMO_PASSWORD = "cairn-demo-2026";
let n = 0;

async function signUp(page: Page) {
  const email = `e2e-kit-${randomUUID().slice(0, 8)}-${++n}@example.test`;
  await signUpAndSignIn(page, { name: "Kit Builder", email, password: "granite-cairn-path-42" });
  return new URL(page.url()).pathname;
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in?callbackUrl=%2Ft%2Facme%2Fscorecards");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t\//);
}

async function openDemoScorecard(page: Page) {
  await page.goto("/t/acme/scorecards");
  await page.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await page.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

test("a new team builds the starter kit and sees the whole picture; a second scorecard needs a paid plan", async ({ page }) => {
  // Sign-up hashes a password and the kit writes a few dozen rows: slower than most on a cold server.
  test.setTimeout(60_000);
  const teamPath = await signUp(page);
  await page.goto(`${teamPath}/scorecards`);
  await expect(page.getByRole("heading", { name: "No scorecard yet" })).toBeVisible();
  await page.getByLabel("Marketing funnel").check();
  await page.getByRole("button", { name: "Build a starter scorecard" }).click();
  await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);

  await expect(page.getByTestId("scorecard-name")).toHaveText("Marketing funnel scorecard");
  await expect(page.getByText("Journey: Marketing funnel")).toBeVisible();
  await expect(page.getByTestId("perspective")).toHaveCount(4);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Financial", "Customer", "Internal Processes", "Learning & Growth"]);
  await expect(page.getByTestId("objective")).toHaveCount(8);
  await expect(page.getByTestId("kpi-row")).toHaveCount(16);
  // Objectives serve the journey's stages; nothing is measured yet, so everything is grey.
  await expect(page.getByTestId("objective").first().getByText("Decision")).toBeVisible();
  await expect(page.getByTestId("scorecard-score")).toHaveAttribute("data-status", "grey");
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  await page.goto(`${teamPath}/scorecards`);
  await expect(page.getByRole("link", { name: "Marketing funnel scorecard" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New scorecard" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Upgrade on the billing page" })).toHaveAttribute("href", `${teamPath}/settings/billing`);
});

test("an editor adds KPIs by hand and from the library, and changes a target with a reason", async ({ page }) => {
  await signIn(page, "editor@acme.test");
  const base = await openDemoScorecard(page);
  const objective = page.getByTestId("objective").filter({ has: page.getByRole("heading", { name: "Keep a motivated team" }) });
  // Unique per run: the server keeps its data between runs with reuseExistingServer.
  const name = `Survey participation ${randomUUID().slice(0, 8)}`;

  // A percentage of 140 is refused next to its field, and nothing typed is lost.
  await objective.getByRole("button", { name: "Blank KPI" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel(/^Target/).fill("140");
  await dialog.getByLabel(/^Red threshold/).fill("60");
  await dialog.getByRole("button", { name: "Add KPI" }).click();
  await expect(dialog.getByText(/Target must be between 0 and 100 for a percentage/)).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue(name);
  await dialog.getByLabel(/^Target/).fill("80");
  await dialog.getByRole("button", { name: "Add KPI" }).click();
  await expect(dialog).toBeHidden();
  await expect(objective.getByRole("link", { name })).toBeVisible();

  // From the library, filtered to the objective's perspective.
  await objective.getByRole("button", { name: "From library" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByLabel(/Voluntary staff turnover/).check();
  await picker.getByRole("button", { name: "Add selected KPIs" }).click();
  await expect(picker).toBeHidden();
  await expect(objective.getByRole("link", { name: "Voluntary staff turnover" }).first()).toBeVisible();

  // The target history keeps the reason.
  await objective.getByRole("link", { name }).click();
  await page.waitForURL(new RegExp(`${base}/kpis/`));
  const target = page.getByRole("spinbutton", { name: /^Target/ });
  await target.fill("85");
  await page.getByRole("textbox", { name: "Reason" }).fill("Leadership wants broader participation");
  await page.getByRole("button", { name: "Change target" }).click();
  const history = page.getByTestId("target-history-row");
  await expect(history.first()).toContainText("Target: 80% → 85%");
  await expect(history.first()).toContainText("Leadership wants broader participation");
  await expect(target).toHaveValue("85");
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});

test("a viewer reads the scorecard without any edit control", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  const base = await openDemoScorecard(page);
  await expect(page.getByTestId("objective").first()).toBeVisible();
  for (const name of [/^Edit /, /^Delete /, "Add objective", "Blank KPI", "From library", "Settings"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Net Promoter Score", exact: true }).click();
  await page.waitForURL(new RegExp(`${base}/kpis/`));
  await expect(page.getByRole("heading", { name: "Target history" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change target" })).toHaveCount(0);
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});

test("two people edit the same perspective: the later save is told and chooses to keep their own", async ({ browser }) => {
  const [first, second] = [await browser.newPage(), await browser.newPage()];
  await signIn(first, "editor@acme.test");
  await signIn(second, "admin@acme.test");
  const base = await openDemoScorecard(first);
  await second.goto(base);

  // Both open the same perspective's dialog before either saves.
  const open = async (page: Page) => {
    await page.getByRole("button", { name: "Edit perspective Learning & Growth" }).click();
    return page.getByRole("dialog");
  };
  const mine = await open(first);
  const theirs = await open(second);
  await theirs.getByLabel("Weight").fill("1.25");
  await theirs.getByRole("button", { name: "Save" }).click();
  await expect(theirs).toBeHidden();

  await mine.getByLabel("Weight").fill("0.75");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine.getByText("Someone else changed this while you were editing")).toBeVisible();
  await mine.getByRole("button", { name: "Keep mine" }).click();
  await expect(mine).toBeHidden();
  await first.reload();
  await expect(first.getByText(/Learning & growth perspective · weight 0\.75/)).toBeVisible();
  await first.close();
  await second.close();
});
