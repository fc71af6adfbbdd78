// Billing end to end, against the fake Stripe the e2e server starts (E2E_FAKE_STRIPE=1): an admin of
// the demo team goes from the billing page to Checkout and back on a paid plan, changes seats, opens
// the portal, sees a failed payment; editors cannot open billing. Leaves acme back on Free limits.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "cairn-demo-2026";
let fakeStripe: { origin: string; subscriptionId: string } | undefined;

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

test.afterAll(async ({ request }) => {
  // Cancel in (fake) Stripe: the webhook puts acme back on Free limits for the other specs.
  if (fakeStripe) await request.post(`${fakeStripe.origin}/_fake/subscriptions/${fakeStripe.subscriptionId}`, { data: { status: "canceled" } });
});

test("an admin upgrades through Stripe Checkout and comes back on a paid plan", async ({ page, request }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/t/acme/settings/billing");
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  expect(await page.getByTestId("billing-setup-help").count(), "Stripe is not configured on the e2e server: start it with E2E_FAKE_STRIPE=1 (scripts/e2e-fake-stripe.ts)").toBe(0);
  const plan = page.getByTestId("billing-current-plan");
  await expect(plan).toContainText("Current plan: Free");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The page says how many seats Checkout will start with; the server counts them.
  const intro = await page.getByText(/Checkout starts with \d+ editor seat/).textContent();
  const seats = Number(/starts with (\d+)/.exec(intro ?? "")![1]);
  expect(seats).toBeGreaterThan(0);

  await page.getByTestId("plan-team").getByRole("button", { name: "Upgrade to Team" }).click();
  await page.waitForURL(/\/checkout\/cs_test_/);
  const origin = new URL(page.url()).origin;
  const deliveredBefore = (await (await request.get(`${origin}/_fake/state`)).json()).deliveries.length;
  await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
  await expect(page.getByText(`× ${seats} seats`)).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  // Back in Cairn: the signed webhooks arrived before the redirect.
  await page.waitForURL("**/t/acme/settings/billing?checkout=success");
  await expect(page.getByText("Welcome to Team")).toBeVisible();
  await expect(plan).toContainText("Current plan: Team");
  await expect(plan).toContainText("Active");
  await expect(plan).toContainText(`Editor seats: ${seats} of ${seats} used`);
  await expect(plan).toContainText(`$${(seats * 12).toFixed(2)} on`);

  const state = await (await request.get(`${origin}/_fake/state`)).json();
  const session = state.checkoutSessions.at(-1);
  expect(session.line_items).toEqual([{ price: expect.any(String), quantity: seats }]);
  expect(session.client_reference_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(state.deliveries.slice(deliveredBefore).map((d: { status: number }) => d.status)).toEqual([200, 200, 200]);
  fakeStripe = { origin, subscriptionId: session.subscription };

  // Seats: one more, with proration; never below the seats in use.
  const seatsField = page.getByLabel("Paid editor seats");
  await seatsField.fill(String(seats + 1));
  await page.getByRole("button", { name: "Update seats" }).click();
  await expect(page.getByText(`The team now pays for ${seats + 1} editor seats`)).toBeVisible();
  await expect(plan).toContainText(`Editor seats: ${seats} of ${seats + 1} used`);
  await seatsField.fill(String(seats - 1));
  await page.getByRole("button", { name: "Update seats" }).click();
  await expect(page.getByText(`${seats} editor seats are in use`)).toBeVisible();
  await expect(page.getByText(`At least ${seats}`)).toBeVisible();

  // The customer portal, and back.
  await page.getByRole("button", { name: "Payment methods, invoices and plan" }).click();
  await page.waitForURL(/\/portal\/bps_/);
  await page.getByRole("link", { name: "Return to Cairn" }).click();
  await page.waitForURL("**/t/acme/settings/billing");

  // A failed payment: the page says how long the team keeps working.
  await request.post(`${origin}/_fake/subscriptions/${fakeStripe.subscriptionId}`, { data: { status: "past_due" } });
  await page.reload();
  await expect(page.getByText("The last payment failed").first()).toBeVisible();
  await expect(page.getByText(/Everything keeps working until/).first()).toBeVisible();
  await request.post(`${origin}/_fake/subscriptions/${fakeStripe.subscriptionId}`, { data: { status: "active" } });
  await page.reload();
  await expect(page.getByText("The last payment failed")).toHaveCount(0);
});

test("editors and viewers cannot open billing", async ({ page }) => {
  await signIn(page, "editor@acme.test");
  await page.goto("/t/acme/settings/billing");
  await expect(page).not.toHaveURL(/\/settings\/billing/);
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toHaveCount(0);
});

test("the pricing page lists the plans from the plan config", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();
  for (const name of ["Free", "Team", "Business"]) await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByText("$12")).toBeVisible();
  await expect(page.getByText("$24")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
