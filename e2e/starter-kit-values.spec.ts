// Issue 5's whole loop for a brand-new team: the starter kit builds a scorecard, three months of
// one KPI are typed into the grid, and the KPI's status, its objective's score and its
// perspective's score follow DESIGN.md's formula (linear through red → 3.33 and target → 6.67;
// a stale value does not count; nothing else is measured, so each level equals the KPI).
import { randomUUID } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import { ownClientAddress, signUpAndSignIn } from "./contexts";

// This spec signs people up: its own client address, so it never spends another spec's sign-up budget.
test.use(ownClientAddress("starter-kit-values"));

const score = async (locator: Locator) => {
  const value = await locator.first().getAttribute("data-score");
  return value === "" || value === null ? null : Number(value);
};

// "Customer churn rate": lower is better, target 2 %, red line 4 %, monthly.
const hand = (value: number) => Math.min(10, Math.max(0, 10 / 3 + ((value - 4) / (2 - 4)) * (10 / 3)));

test("starter kit, then three months of one KPI: its status, objective and perspective scores follow the formula", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `e2e-values-${randomUUID().slice(0, 8)}@example.test`;
  await signUpAndSignIn(page, { name: "Kit Measurer", email, password: "granite-cairn-path-42" });
  const teamPath = new URL(page.url()).pathname;

  await page.goto(`${teamPath}/scorecards`);
  await page.getByRole("button", { name: "Build a starter scorecard" }).click();
  await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/measurements`);

  const row = page.getByTestId("grid-monthly").getByRole("row", { name: /Customer churn rate/ });
  const kpiId = (await row.getAttribute("data-testid"))!.replace("kpi-row-", "");
  const kpiStatus = page.getByTestId(`kpi-status-${kpiId}`).locator("[data-status]");
  const kpiScore = page.getByTestId(`kpi-score-${kpiId}`);
  const objectiveScore = page.getByRole("rowheader", { name: /Keep customers happy and loyal/ }).first().locator("[data-testid^=objective-score-]");
  const perspectiveScore = page.getByRole("rowheader", { name: /^Customer/ }).first().locator("[data-testid^=perspective-score-]");

  // Nothing measured yet: no score anywhere (grey, not zero).
  await expect(kpiStatus).toHaveAttribute("data-status", "grey");
  expect(await score(objectiveScore)).toBeNull();
  expect(await score(perspectiveScore)).toBeNull();

  const cells = row.getByRole("textbox");
  // The server's HTML shows the values as text; the inputs come once React runs.
  await expect(cells.first()).toBeVisible();
  const count = await cells.count();
  const enter = async (cell: number, value: string) => {
    await cells.nth(cell).click();
    await cells.nth(cell).fill(value);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grid-status")).toContainText("Saved Customer churn rate");
  };

  // Two months ago: 3.5 % is at risk, but the value is stale, so it does not count upwards.
  // (No value here goes red: a red value opens the "why is it red?" dialog, tested elsewhere.)
  await enter(count - 3, "3.5");
  await expect(kpiStatus).toHaveAttribute("data-status", "amber");
  await expect.poll(() => score(objectiveScore)).toBeNull();
  await expect.poll(() => score(perspectiveScore)).toBeNull();

  // Last month: 3 % is between target and red line — at risk, 5.00; the objective and the
  // perspective (whose other KPIs have no data) take exactly that score.
  await enter(count - 2, "3");
  await expect(kpiStatus).toHaveAttribute("data-status", "amber");
  await expect.poll(() => score(kpiScore)).toBeCloseTo(hand(3), 6);
  await expect.poll(() => score(objectiveScore)).toBeCloseTo(hand(3), 6);
  await expect.poll(() => score(perspectiveScore)).toBeCloseTo(hand(3), 6);

  // This month: 1,5 % (decimal comma) beats the target — on track, 7.50.
  await enter(count - 1, "1,5");
  await expect(kpiStatus).toHaveAttribute("data-status", "green");
  await expect.poll(() => score(kpiScore)).toBeCloseTo(hand(1.5), 6);
  await expect.poll(() => score(objectiveScore)).toBeCloseTo(hand(1.5), 6);
  await expect.poll(() => score(perspectiveScore)).toBeCloseTo(hand(1.5), 6);
  await expect(kpiScore.first()).toHaveText(/7\.50/);
});
