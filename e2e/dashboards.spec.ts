// Executive dashboards end to end: a viewer reads the dashboard with no edit control and numbers
// that match the scoring module; an editor shares it; the link opens in a fresh browser without
// signing in and is a 404 after revocation; axe finds nothing serious on either page.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { localDate } from "../lib/periods";
import { evaluateKpi, rollupObjective, rollupPerspective, rollupScorecard, type KpiDirection } from "../lib/scoring";
import { clock } from "@/lib/clock";

const PASSWORD = "cairn-demo-2026";
const TEAM_CALENDAR = { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 };

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in?callbackUrl=%2Ft%2Facme%2Fdashboards");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/t/acme/dashboards");
}

async function openDashboard(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Open dashboard of Acme Outdoor 2026" }).click();
  await page.waitForURL(/\/t\/acme\/dashboards\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Outdoor 2026" })).toBeVisible();
  return new URL(page.url()).pathname;
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

type CsvRow = Record<string, string>;

/**
 * The overall and perspective scores computed in this test process with lib/scoring, from the
 * raw definitions and values the export hands out (every measurement up to today).
 */
function scoresFromCsv(rows: CsvRow[], asOf: string) {
  const kpis = new Map<string, CsvRow[]>();
  for (const row of rows) kpis.set(row.kpi_id!, [...(kpis.get(row.kpi_id!) ?? []), row]);
  const objectives = new Map<string, { perspective: string; weight: number; kpis: Array<{ score: number | null; stale: boolean; weight: number }> }>();
  const perspectives = new Map<string, number>();
  for (const list of kpis.values()) {
    const first = list[0]!;
    const evaluation = evaluateKpi({
      def: {
        direction: first.direction as KpiDirection,
        target: Number(first.target),
        targetMax: first.target_max === "" ? null : Number(first.target_max),
        redThreshold: Number(first.red_threshold),
      },
      frequency: first.frequency as "weekly" | "monthly" | "quarterly",
      measurements: list.filter((r) => r.period !== "").map((r) => ({ period: r.period!, value: Number(r.value) })),
      asOfPeriod: asOf,
      calendar: TEAM_CALENDAR,
    });
    const key = `${first.perspective}\u0000${first.objective}`;
    const objective = objectives.get(key) ?? { perspective: first.perspective!, weight: Number(first.objective_weight), kpis: [] };
    objective.kpis.push({ score: evaluation.score, stale: evaluation.stale, weight: Number(first.kpi_weight) });
    objectives.set(key, objective);
    perspectives.set(first.perspective!, Number(first.perspective_weight));
  }
  const perspectiveScores = new Map(
    [...perspectives.keys()].map((name) => [
      name,
      rollupPerspective([...objectives.values()].filter((o) => o.perspective === name).map((o) => ({ score: rollupObjective(o.kpis).score, weight: o.weight }))).score,
    ]),
  );
  const overall = rollupScorecard([...perspectives].map(([name, weight]) => ({ score: perspectiveScores.get(name)!, weight }))).score;
  return { overall, perspectives: perspectiveScores };
}

test("a viewer reads the dashboard: numbers from the scoring module, no edit control, phone and print layouts", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  const path = await openDashboard(page);

  // Read-only: nothing to edit, share or delete; the share page is refused.
  await expect(page.getByRole("link", { name: /share/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /\b(share|edit|delete|revoke|create|add|remove)\b/i })).toHaveCount(0);
  await expect(page.locator("main input:not([type=hidden]), main textarea")).toHaveCount(0);
  const sharing = await page.request.get(`${path}/sharing`, { maxRedirects: 0 });
  expect([303, 307, 403, 404]).toContain(sharing.status());

  // The overall and perspective scores equal what lib/scoring computes from the raw values.
  const today = localDate(clock.now(), TEAM_CALENDAR.timeZone);
  const csv = await page.request.get(`${path}/export?period=custom&from=2020-01-01&to=${today}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="acme-outdoor-2026_2020-01-01_/);
  const parsed = Papa.parse<CsvRow>(await csv.text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const expected = scoresFromCsv(parsed.data, today);
  expect(expected.overall).not.toBeNull();
  await expect(page.getByTestId("overall-score").locator("[data-score]")).toHaveText(expected.overall!.toFixed(1));
  for (const [name, score] of expected.perspectives) {
    const tile = page.locator("[data-testid^=perspective-]").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(tile.locator("[data-score]")).toHaveText(score === null ? "—" : score.toFixed(1));
  }

  // Needs attention and the heatmap are in the page; the KPI cards load as they scroll into view,
  // and a detail chart when it is opened.
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Initiatives past due (1)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Weekend hiker" })).toBeVisible();
  await page.getByRole("heading", { name: "Objectives and KPIs", exact: true }).scrollIntoViewIfNeeded();
  // Each perspective's objectives come with its cards: owner, score and status in words.
  const customerObjectives = page.getByRole("region", { name: "Objectives of Customer" });
  await expect(customerObjectives.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expect(customerObjectives.getByRole("row").nth(1).getByText(/^(On track|At risk|Off track|No data)$/)).toBeVisible();
  await expect(page.getByRole("img", { name: /^Net Promoter Score: \d+ values/ })).toBeVisible();
  const showChart = page.getByRole("button", { name: "Show chart of Net Promoter Score" });
  await showChart.click();
  await expect(page.getByRole("button", { name: "Hide chart of Net Promoter Score" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("[data-slot=kpi-history-chart]").first()).toBeVisible();

  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  // A quarter and a custom range are URLs too.
  await page.getByRole("link", { name: "Quarter", exact: true }).click();
  await page.waitForURL(/period=quarter/);
  await expect(page.getByText(/^Compared with Q\d FY\d{4}$/)).toBeVisible();

  // On a phone the tiles stack; on paper the controls disappear.
  await page.setViewportSize({ width: 390, height: 844 });
  const overall = await page.getByTestId("overall-score").boundingBox();
  const firstPerspective = await page.locator("[data-testid^=perspective-]").first().boundingBox();
  expect(Math.abs(overall!.x - firstPerspective!.x)).toBeLessThan(2);
  expect(firstPerspective!.y).toBeGreaterThan(overall!.y + overall!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Period" })).toBeHidden();
  await expect(page.getByTestId("overall-score")).toBeVisible();
});

test("an editor shares the dashboard; the link opens without signing in, counts the view, and is a 404 once revoked", async ({ page, browser }) => {
  await signIn(page, "editor@acme.test");
  const path = await openDashboard(page);
  const memberScore = await page.getByTestId("overall-score").locator("[data-score]").textContent();

  await page.getByRole("link", { name: "Share" }).click();
  await page.waitForURL(`**${path}/sharing`);
  const label = `E2E board ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByLabel("Expires").selectOption("7");
  await page.getByRole("button", { name: "Create link" }).click();
  const urlField = page.getByTestId("new-share-url");
  await expect(urlField).toHaveValue(/\/share\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
  const shareUrl = new URL(await urlField.inputValue());
  const row = page.getByTestId("share-link-row").filter({ hasText: label });
  await expect(row).toContainText("Active");

  // A fresh browser, never signed in.
  const stranger = await browser.newContext();
  try {
    const shared = await stranger.newPage();
    const response = await shared.goto(shareUrl.pathname);
    expect(response!.status()).toBe(200);
    await expect(shared.getByRole("heading", { level: 1, name: "Acme Outdoor 2026" })).toBeVisible();
    await expect(shared.getByText("Shared by Acme Outdoor")).toBeVisible();
    await expect(shared.getByTestId("overall-score").locator("[data-score]")).toHaveText(memberScore!);
    await expect(shared.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex, nofollow/);
    await expect(shared.getByRole("link", { name: /share|download csv/i })).toHaveCount(0);
    await expect(shared.getByRole("button", { name: /\b(share|edit|delete|revoke|create|add|remove)\b/i })).toHaveCount(0);
    expect(await shared.content()).not.toMatch(/@acme\.test/);
    expect((await stranger.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
    expect(seriousViolations(await new AxeBuilder({ page: shared }).analyze())).toEqual([]);

    // Server HTML: every perspective's cards are in the page, and no script loads — only the print
    // button's inline one runs (under the request's CSP nonce: the button shows).
    await expect(shared.locator("script[src]")).toHaveCount(0);
    await expect(shared.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await expect(shared.getByRole("region", { name: "Objectives of Learning & Growth" })).toBeAttached();

    // Each KPI's chart and values are a page of their own behind the same token, not counted as a view.
    await shared.getByRole("link", { name: "Chart and values of Net Promoter Score" }).click();
    await expect(shared.getByRole("heading", { level: 1, name: "Net Promoter Score" })).toBeVisible();
    await expect(shared.locator("[data-slot=kpi-history-chart]")).toBeVisible();
    await shared.getByText("Values as a table").click();
    const valueRows = shared.getByRole("table", { name: "Values of Net Promoter Score" }).getByRole("row");
    await expect(valueRows.nth(1)).toBeVisible();
    await expect(shared.locator("script[src]")).toHaveCount(0);
    expect(seriousViolations(await new AxeBuilder({ page: shared }).analyze())).toEqual([]);
    await shared.getByRole("link", { name: "Back to Acme Outdoor 2026" }).click();
    await expect(shared.getByRole("heading", { level: 1, name: "Acme Outdoor 2026" })).toBeVisible();

    // The views are counted (the two visits of the dashboard; the chart page is not a view).
    await page.reload();
    await expect(row.getByRole("cell").nth(4)).toHaveText("2");

    // Revoke: the same link is now a clear 404 page.
    await row.getByRole("button", { name: `Revoke ${label}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Revoke");
    await dialog.getByRole("button", { name: "Revoke link" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Revoked");

    const gone = await shared.goto(shareUrl.pathname);
    expect(gone!.status()).toBe(404);
    await expect(shared.getByRole("heading", { level: 1, name: "This share link does not work" })).toBeVisible();
    await expect(shared.getByText("Acme Outdoor 2026")).toHaveCount(0);
  } finally {
    await stranger.close();
  }
});
