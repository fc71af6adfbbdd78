// Live collaboration end to end, with two people in two browser contexts on one scorecard:
// each sees the other is here; A editing a KPI shows B a marker on it; A's new target appears
// on B's open screen within a second (measured and printed); when both edit the same target,
// the second to save is asked (keep mine / take theirs) and neither value is lost; a comment
// with an @mention reaches the other person's thread and inbox without a reload.
import os from "node:os";
import { expect, test, type Browser, type Page } from "@playwright/test";

const DEMO_PASSWORD = "cairn-demo-2026";
const KPI = "Net Promoter Score";
/** The issue's promise: another member's change on screen within one second. */
const BUDGET_MS = Number(process.env.LIVE_LATENCY_BUDGET_MS ?? 1000);
const A = { email: "owner@acme.test", name: "Dana Whitfield" };
const B = { email: "editor@acme.test", name: "Eli Novak" };

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Ft%2Facme%2Fscorecards");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t\/acme\/scorecards$/);
  return page;
}

// By text, not role: behind an open modal the page is hidden from the accessibility tree.
const kpiRow = (page: Page) => page.getByTestId("kpi-row").filter({ has: page.locator("a", { hasText: new RegExp(`^${KPI}$`) }) });

/** Resolves (in the page) with Date.now() once the KPI's row shows `text`: the moment B's screen has it. */
async function watchRow(page: Page, text: string) {
  await page.evaluate(
    ({ kpi, text }) => {
      const w = window as unknown as { __seen?: Promise<number> };
      w.__seen = new Promise<number>((resolve) => {
        const check = () => {
          const row = [...document.querySelectorAll('[data-testid="kpi-row"]')].find((r) => r.querySelector("a")?.textContent === kpi);
          if (row?.textContent?.includes(text)) {
            resolve(Date.now());
            return true;
          }
          return false;
        };
        if (check()) return;
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { kpi: KPI, text },
  );
  return () => page.evaluate(() => (window as unknown as { __seen: Promise<number> }).__seen);
}

async function openEditor(page: Page) {
  await kpiRow(page).getByRole("button", { name: `Edit KPI ${KPI}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit KPI “${KPI}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("two members on one scorecard: presence, a target live within a second, a conflict that loses nothing", async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await signedIn(browser, A.email);
  const b = await signedIn(browser, B.email);
  await a.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await a.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  await b.goto(a.url());

  // Both live streams are up when each sees the other here.
  await expect(a.getByText(`${B.name} is here`)).toBeVisible({ timeout: 15_000 });
  await expect(b.getByText(`${A.name} is here`)).toBeVisible({ timeout: 15_000 });

  // 1. A edits; B sees the marker on that KPI, then the new target within a second.
  const latencies: number[] = [];
  for (let round = 0; round < 3; round++) {
    const dialog = await openEditor(a);
    if (round === 0) await expect(kpiRow(b).getByText(`${A.name} editing`)).toBeVisible();
    const target = dialog.getByLabel(/^Target/);
    const next = Number(await target.inputValue()) + 1;
    await target.fill(String(next));
    await dialog.getByLabel("Reason for a target change").fill(`Round ${round + 1}`);
    const seen = await watchRow(b, `Target ≥ ${next},`);
    const clicked = Date.now();
    await dialog.getByRole("button", { name: "Save KPI" }).click();
    const shownAt = await seen();
    latencies.push(shownAt - clicked);
    await expect(dialog).toBeHidden();
    await expect(kpiRow(b)).toContainText(`Target ≥ ${next},`);
  }
  await expect(kpiRow(b).getByText(`${A.name} editing`)).toBeHidden();
  const median = [...latencies].sort((x, y) => x - y)[1]!;
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`[live] A clicks Save → B's screen shows the new target: ${latencies.map((l) => `${l} ms`).join(", ")} (median ${median} ms; load average ${load})`);
  // The median of three: one round slowed by a busy machine does not decide, a slow system does.
  expect(median).toBeLessThan(BUDGET_MS);
  for (const latency of latencies) expect(latency).toBeLessThan(2 * BUDGET_MS);

  // 2. Both edit the same target from the same version. A saves first; B is asked, keeps theirs.
  const dialogB = await openEditor(b);
  const dialogA = await openEditor(a);
  const base = Number(await dialogA.getByLabel(/^Target/).inputValue());
  const mine = base + 10;
  const theirs = base + 20;
  await dialogA.getByLabel(/^Target/).fill(String(mine));
  await dialogA.getByRole("button", { name: "Save KPI" }).click();
  await expect(dialogA).toBeHidden();
  // B's screen has A's value behind the open dialog, which keeps what B is typing.
  await expect(kpiRow(b)).toContainText(`Target ≥ ${mine},`);
  await dialogB.getByLabel(/^Target/).fill(String(theirs));
  await dialogB.getByLabel("Reason for a target change").fill("Eli's number");
  await dialogB.getByRole("button", { name: "Save KPI" }).click();
  const conflict = dialogB.getByText("Someone else changed this while you were editing");
  await expect(conflict).toBeVisible();
  await expect(dialogB.getByLabel(/^Target/)).toHaveValue(String(theirs));
  await dialogB.getByRole("button", { name: "Keep mine" }).click();
  await expect(dialogB).toBeHidden();
  await expect(kpiRow(a)).toContainText(`Target ≥ ${theirs},`, { timeout: 2_000 });

  // Neither value is lost: both are in the KPI's target history, in order, with who and why.
  await a.goto((await kpiRow(a).getByRole("link", { name: KPI, exact: true }).getAttribute("href"))!);
  const history = a.getByTestId("target-history-row");
  await expect(history.filter({ hasText: `${base} → ${mine}` }).filter({ hasText: A.name })).toHaveCount(1);
  await expect(history.filter({ hasText: `${mine} → ${theirs}` }).filter({ hasText: B.name }).filter({ hasText: "Eli's number" })).toHaveCount(1);

  await a.context().close();
  await b.context().close();
});

test("a comment with an @mention reaches the other person's thread and inbox live", async ({ browser }) => {
  test.setTimeout(60_000);
  const a = await signedIn(browser, A.email);
  const b = await signedIn(browser, B.email);
  await a.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await a.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  const href = await kpiRow(a).getByRole("link", { name: KPI, exact: true }).getAttribute("href");
  await a.goto(href!);
  await b.goto(href!);
  const threadB = b.getByTestId("comment-thread");
  await expect(threadB).toBeVisible();
  const before = await b.getByTestId("inbox-link").getAttribute("aria-label");

  const text = `Numbers look right ${Date.now()}`;
  const box = a.getByRole("combobox", { name: "Write a comment" });
  await box.fill("Thanks @Eli");
  await expect(a.getByRole("option", { name: B.name })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue(`Thanks @${B.name} `);
  await box.pressSequentially(text);
  await a.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(a.getByTestId("comment").filter({ hasText: text })).toBeVisible();

  // B's open page: the thread and the header's inbox count update without a reload.
  await expect(threadB.getByTestId("comment").filter({ hasText: text })).toBeVisible({ timeout: 2_000 });
  await expect(threadB.getByTestId("comment").filter({ hasText: text }).locator("strong")).toHaveText(`@${B.name}`);
  await expect(b.getByTestId("inbox-link")).not.toHaveAttribute("aria-label", before ?? "", { timeout: 2_000 });
  await b.getByTestId("inbox-link").click();
  await b.waitForURL(/\/t\/acme\/inbox$/);
  const note = b.getByTestId("notification").filter({ hasText: text.slice(0, 30) }).first();
  await expect(note).toContainText(`${A.name} mentioned you on the KPI ${KPI}`);
  await note.getByRole("button", { name: /^Mark read/ }).click();
  await expect(note).toHaveAttribute("data-read", "true");

  await a.context().close();
  await b.context().close();
});
