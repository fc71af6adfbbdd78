// CSV import end to end, as an editor of the demo team: a file with one bad row is refused
// with that row's line number and nothing is written; the corrected file imports, and its
// values come back in the export; a 100,000-row file is checked in the browser without
// freezing the page and imported with a progress bar. A viewer gets no import form.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeOpenedContexts, newContext } from "./contexts";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Papa from "papaparse";
import { previousPeriod, type Frequency, type TeamCalendar } from "../lib/periods";

const PASSWORD = "cairn-demo-2026";
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-e2e-csv-"));
const stateOf = (role: "editor" | "viewer") => path.join(stateDir, `${role}.json`);
// The demo team (db/seed.ts): Europe/Berlin, fiscal year from January.
const CALENDAR: TeamCalendar = { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 };

// One sign-in per role for the whole file: sign-in is rate limited per account.
async function signIn(browser: Browser, role: "editor" | "viewer") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(`${role}@acme.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await context.storageState({ path: stateOf(role) });
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  await signIn(browser, "editor");
  await signIn(browser, "viewer");
});
test.afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));
test.afterEach(closeOpenedContexts);

async function as(browser: Browser, role: "editor" | "viewer"): Promise<Page> {
  const context = await newContext(browser, { storageState: stateOf(role) });
  return context.newPage();
}

/** The demo scorecard's import page, reached through the scorecards list. */
async function openImport(page: Page): Promise<string> {
  await page.goto("/t/acme/scorecards");
  await page.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await page.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
  return base;
}

type ExportRow = { kpi_id: string; kpi: string; unit: string; frequency: Frequency; period: string; value: string; note: string };

/** The export, downloaded with the page's session: every KPI with its values. */
async function exported(page: Page): Promise<ExportRow[]> {
  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  return Papa.parse<ExportRow>(await response.text(), { header: true, skipEmptyLines: true }).data;
}

async function chooseFile(page: Page, name: string, csv: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("import-preview")).toBeVisible();
  // The header names the columns; the mapping is guessed from it.
  await expect(page.getByLabel("KPI column")).toHaveValue("0");
  await expect(page.getByLabel("Period column")).toHaveValue("1");
  await expect(page.getByLabel("Value column")).toHaveValue("2");
}

async function checkFile(page: Page, name: string, csv: string) {
  await chooseFile(page, name, csv);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-report")).toBeVisible({ timeout: 60_000 });
}

test("a file with one bad row is refused with its line number; the corrected file imports", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await as(browser, "editor");
  await openImport(page);
  const before = await exported(page);
  const monthly = before.find((r) => r.frequency === "monthly" && r.unit !== "percent")!;
  const name = monthly.kpi.replace(/^'/, "");
  const rows = (bad: boolean) =>
    ["kpi,period,value,note", `${name},2014-01-01,101,first`, `"${name}",2014-02-01,"1,5",`, `${monthly.kpi_id},${bad ? "2014-03-15" : "2014-03-01"},103,third`].join("\n");

  await checkFile(page, "values-with-a-bad-row.csv", rows(true));
  const report = page.getByTestId("import-report");
  await expect(report.getByText("1 row has a problem")).toBeVisible();
  const issue = page.getByTestId("import-issues").getByRole("row").filter({ hasText: "Line 4" });
  await expect(issue).toContainText("does not start a monthly period");
  await expect(issue).toContainText("2014-03-01");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect((await exported(page)).filter((r) => r.period.startsWith("2014-0"))).toEqual([]);

  await page.getByRole("button", { name: "Choose another file" }).click();
  await checkFile(page, "values.csv", rows(false));
  await expect(report.getByText("3 values are ready to import")).toBeVisible();
  await page.getByRole("button", { name: "Import 3 values" }).click();
  await expect(page.getByTestId("import-done")).toContainText("3 new, 0 changed, 0 already up to date");

  const after = (await exported(page)).filter((r) => r.kpi_id === monthly.kpi_id && r.period.startsWith("2014-0"));
  expect(after.map((r) => [r.period, Number(r.value), r.note])).toEqual([
    ["2014-01-01", 101, "first"],
    ["2014-02-01", 1.5, ""],
    ["2014-03-01", 103, "third"],
  ]);
});

test("100,000 rows are checked without freezing the page and imported with a progress bar", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, "editor");
  await openImport(page);
  const kpis = [...new Map((await exported(page)).map((r) => [r.kpi_id, r])).values()];
  // Periods far before the demo data, going back from 1990 (the 100,000 rows fit in years 0001–1990).
  const cursor = kpis.map(() => "1990-01-01"); // a Monday, the 1st of a month and of a quarter
  const lines = ["kpi_id,period,value"];
  for (let i = 0; lines.length <= 100_000; i++) {
    const j = i % kpis.length;
    const kpi = kpis[j]!;
    cursor[j] = previousPeriod(cursor[j]!, kpi.frequency, CALENDAR);
    lines.push(`${kpi.kpi_id},${cursor[j]},${kpi.unit === "percent" ? i % 100 : i}`);
  }
  const csv = lines.join("\n");

  // Playwright hands the file to the page itself (a long task of its own), before we watch.
  await chooseFile(page, "hundred-thousand.csv", csv);
  // Long tasks on the page's thread while the file is read and checked.
  await page.evaluate(() => {
    (window as unknown as { longest: number }).longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const w = window as unknown as { longest: number };
        w.longest = Math.max(w.longest, entry.duration);
      }
    }).observe({ type: "longtask", buffered: false });
  });
  const started = performance.now();
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-report")).toBeVisible({ timeout: 60_000 });
  const checkedMs = performance.now() - started;
  await expect(page.getByTestId("import-report").getByText("100,000 values are ready to import")).toBeVisible();
  // Parsed in a Web Worker (the page's CSP allows it), not on the page's thread.
  await expect(page.getByTestId("import-report")).toHaveAttribute("data-parsed-in", "worker");
  const longest = await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    const seen = w.longest;
    w.longest = 0;
    return seen;
  });

  const importing = performance.now();
  await page.getByRole("button", { name: "Import 100,000 values" }).click();
  await expect(page.getByTestId("import-progress").getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("import-done")).toContainText("100,000 new", { timeout: 200_000 });
  const importMs = performance.now() - importing;
  const longestWhileImporting = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  console.log(
    `100,000-row CSV in the browser: checked in ${checkedMs} ms (longest main-thread task ${Math.round(longest)} ms), ` +
      `sent and written in ${importMs} ms (longest main-thread task ${Math.round(longestWhileImporting)} ms)`,
  );
  expect(longest).toBeLessThan(500);
  expect(longestWhileImporting).toBeLessThan(500);
});

test("a viewer can export but gets no import form", async ({ browser }) => {
  const page = await as(browser, "viewer");
  await openImport(page);
  await expect(page.getByText("Your role can read values, not import them.")).toBeVisible();
  await expect(page.getByLabel("CSV file")).toHaveCount(0);
  expect((await exported(page)).length).toBeGreaterThan(0);
});
