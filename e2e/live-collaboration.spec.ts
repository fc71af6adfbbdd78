// Live collaboration end to end, with two people in two browser contexts on one scorecard:
// each sees the other is here; A editing a KPI shows B a marker on it; A's new target appears
// on B's open screen within a second (measured and printed); when both edit the same target,
// the second to save sees both values (keep mine / take theirs / edit) and neither value is
// lost; the same on an objective, taking theirs and then editing by hand; a comment
// with an @mention reaches the other person's thread and inbox without a reload; on the
// journey canvas a stage being edited is marked and its thread is live; the feed filters, and
// the inbox and the feed pass axe. LIVE_LATENCY_BUDGET_MS overrides the 1 s budget.
import { randomUUID } from "node:crypto";
import os from "node:os";
import AxeBuilder from "@axe-core/playwright";
import { closeOpenedContexts, signedIn } from "./contexts";
import { expect, test, type Page } from "@playwright/test";

const KPI = "Net Promoter Score";
/** The issue's promise: another member's change on screen within one second. */
const BUDGET_MS = Number(process.env.LIVE_LATENCY_BUDGET_MS ?? 1000);
const A = { email: "owner@acme.test", name: "Dana Whitfield" };
const B = { email: "editor@acme.test", name: "Eli Novak" };

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

test.afterEach(closeOpenedContexts);


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
            // eslint-disable-next-line no-restricted-syntax -- runs in the browser: the wall time this runner compares with
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
    // eslint-disable-next-line no-restricted-syntax -- compared with the page's Date.now(): one wall clock for two processes
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

  // 2. Both edit the same target from the same version. A saves first; B sees both values and keeps his.
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
  const conflict = dialogB.getByRole("alertdialog", { name: "Someone else changed this while you were editing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toBeFocused();
  // Both values, side by side, with who saved theirs; only the field that differs.
  const targetValues = conflict.locator('[data-testid="conflict-value"][data-field="target"]');
  await expect(targetValues).toContainText(`Theirs (saved by ${A.name}`);
  await expect(targetValues).toContainText(String(mine));
  await expect(targetValues).toContainText(`Yours${theirs}`);
  await expect(conflict.getByTestId("conflict-value")).toHaveCount(1);
  await expect(dialogB.getByLabel(/^Target/)).toHaveValue(String(theirs));
  await conflict.getByRole("button", { name: "Keep mine" }).click();
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

test("both edit one objective: the second sees both values, takes theirs once, then edits by hand; the history keeps every saved value", async ({ browser }) => {
  test.setTimeout(120_000);
  const OBJECTIVE = "Keep a motivated team";
  const a = await signedIn(browser, A.email);
  const b = await signedIn(browser, B.email);
  await a.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await a.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  await b.goto(a.url());
  await expect(b.getByText(`${A.name} is here`)).toBeVisible({ timeout: 15_000 });

  const card = (page: Page) => page.getByTestId("objective").filter({ has: page.locator("h3", { hasText: new RegExp(`^${OBJECTIVE}$`) }) });
  const openObjective = async (page: Page) => {
    await card(page).getByRole("button", { name: `Edit objective ${OBJECTIVE}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit objective “${OBJECTIVE}”` });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  const description = (dialog: ReturnType<Page["getByRole"]>) => dialog.getByRole("textbox", { name: "Description" });
  const stamp = randomUUID().slice(0, 8);

  // 1. Dana saves first; Eli, on the same version, sees both descriptions and takes Dana's.
  const theirs1 = `Quarterly pulse survey ${stamp}`;
  const mine1 = `Monthly pulse survey ${stamp}`;
  const dialogB1 = await openObjective(b);
  const dialogA1 = await openObjective(a);
  await description(dialogA1).fill(theirs1);
  await dialogA1.getByRole("button", { name: "Save objective" }).click();
  await expect(dialogA1).toBeHidden();
  await expect(card(b)).toContainText(theirs1);
  await description(dialogB1).fill(mine1);
  await dialogB1.getByRole("button", { name: "Save objective" }).click();
  const conflict1 = dialogB1.getByRole("alertdialog", { name: "Someone else changed this while you were editing" });
  await expect(conflict1).toBeFocused();
  const values1 = conflict1.locator('[data-testid="conflict-value"][data-field="description"]');
  await expect(values1).toContainText("Description");
  await expect(values1).toContainText(`Theirs (saved by ${A.name}`);
  await expect(values1).toContainText(theirs1);
  await expect(values1).toContainText(`Yours${mine1}`);
  await conflict1.getByRole("button", { name: "Take theirs" }).click();
  await expect(dialogB1).toBeHidden();
  await expect(card(b)).toContainText(theirs1);
  await expect(card(b)).not.toContainText(mine1);

  // 2. Again, Dana first; this time Eli chooses Edit: his text stays in the form, now on top of
  // Dana's version, with both values beside it; he merges them by hand and saves.
  const theirs2 = `Pulse survey, owned by people ops ${stamp}`;
  const mine2 = `Pulse survey every month ${stamp}`;
  const merged = `Pulse survey every month, owned by people ops ${stamp}`;
  const dialogB2 = await openObjective(b);
  const dialogA2 = await openObjective(a);
  await description(dialogA2).fill(theirs2);
  await dialogA2.getByRole("button", { name: "Save objective" }).click();
  await expect(dialogA2).toBeHidden();
  await expect(card(b)).toContainText(theirs2);
  await description(dialogB2).fill(mine2);
  await dialogB2.getByRole("button", { name: "Save objective" }).click();
  const conflict2 = dialogB2.getByRole("alertdialog", { name: "Someone else changed this while you were editing" });
  await expect(conflict2.locator('[data-field="description"]')).toContainText(`Yours${mine2}`);
  await conflict2.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(conflict2).toBeHidden();
  await expect(description(dialogB2)).toBeFocused();
  await expect(description(dialogB2)).toHaveValue(mine2);
  await expect(dialogB2.getByTestId("conflict-reference")).toContainText(theirs2);
  await description(dialogB2).fill(merged);
  await dialogB2.getByRole("button", { name: "Save objective" }).click();
  await expect(dialogB2).toBeHidden();
  await expect(card(b)).toContainText(merged);
  await expect(card(a)).toContainText(merged);

  // Every saved value is in the objective's history, with who saved it.
  await card(a).getByRole("button", { name: `History of objective ${OBJECTIVE}` }).click();
  const history = a.getByRole("dialog", { name: `History of “${OBJECTIVE}”` }).getByTestId("activity-entry");
  await expect(history.filter({ hasText: `→ “${theirs1}”` }).filter({ hasText: A.name })).toHaveCount(1);
  await expect(history.filter({ hasText: `“${theirs1}” → “${theirs2}”` }).filter({ hasText: A.name })).toHaveCount(1);
  await expect(history.filter({ hasText: `“${theirs2}” → “${merged}”` }).filter({ hasText: B.name })).toHaveCount(1);

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
  // The badge's count arrives after the page (GET /t/[team]/inbox/count): read it once it has.
  await expect(b.getByTestId("inbox-link")).toHaveAttribute("data-state", "loaded");
  const before = await b.getByTestId("inbox-link").getAttribute("aria-label");

  const text = `Numbers look right ${randomUUID().slice(0, 8)}`;
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

test("the activity feed filters by person and kind; the inbox and the feed have no serious accessibility issue", async ({ browser }) => {
  const page = await signedIn(browser, A.email);
  // A change of A's to find: a new target, with a reason, on the KPI's own page.
  await page.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await page.goto((await kpiRow(page).locator("a").first().getAttribute("href"))!);
  const target = page.getByRole("spinbutton", { name: "Target" });
  await target.fill(String(Number(await target.inputValue()) + 1));
  await page.getByRole("textbox", { name: "Reason" }).fill("For the feed");
  await page.getByRole("button", { name: "Change target" }).click();
  await expect(page.getByText("Saved. The change is now in the history below.")).toBeVisible();
  await expect(page.getByTestId("kpi-history").getByTestId("activity-entry").first()).toContainText("changed the target");

  await page.goto("/t/acme/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await page.getByLabel("Kind of item").selectOption("kpi");
  await page.getByLabel("Person").selectOption({ label: A.name });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/type=kpi/);
  const entries = page.getByTestId("activity-entry");
  await expect(entries.first()).toBeVisible();
  for (const text of await entries.allInnerTexts()) expect(text).toContain(A.name);
  await expect(entries.filter({ hasText: `changed the target of KPI ${KPI}` }).filter({ hasText: "Reason: For the feed" }).first()).toBeVisible();
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.goto("/t/acme/inbox");
  await expect(page.getByRole("heading", { name: "KPIs due this period" })).toBeVisible();
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.context().close();
});

test("on the journey canvas, the other member sees who edits a stage, and its comment thread is live", async ({ browser }) => {
  test.setTimeout(60_000);
  const a = await signedIn(browser, A.email);
  const b = await signedIn(browser, B.email);
  await a.goto("/t/acme/journeys");
  await a.getByRole("link", { name: "Weekend hiker" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Weekend hiker" })).toBeVisible();
  await b.goto(a.url());
  await expect(a.getByText(`${B.name} is here`)).toBeVisible({ timeout: 15_000 });
  await expect(b.getByText(`${A.name} is here`)).toBeVisible({ timeout: 15_000 });

  await a.getByRole("button", { name: "Edit stage Onboarding" }).click();
  await expect(b.getByRole("status").filter({ hasText: `${A.name} editing` })).toBeVisible();
  await a.getByRole("form", { name: "Edit stage Onboarding" }).getByRole("button", { name: "Cancel" }).click();
  await expect(b.getByRole("status").filter({ hasText: `${A.name} editing` })).toBeHidden();

  await b.getByRole("button", { name: "Comments on stage Onboarding" }).click();
  const threadB = b.getByRole("dialog", { name: "Comments on “Onboarding”" });
  await expect(threadB.getByText("No comment yet.")).toBeVisible();
  await a.getByRole("button", { name: "Comments on stage Onboarding" }).click();
  const threadA = a.getByRole("dialog", { name: "Comments on “Onboarding”" });
  const text = `Break-in advice belongs here ${randomUUID().slice(0, 8)}`;
  await threadA.getByRole("combobox", { name: "Write a comment" }).fill(text);
  await threadA.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(threadB.getByTestId("comment").filter({ hasText: text })).toBeVisible({ timeout: 2_000 });
  // Only the author may edit or delete it.
  await expect(threadB.getByRole("button", { name: "Edit your comment" })).toHaveCount(0);
  await threadA.getByRole("button", { name: "Edit your comment" }).click();
  await threadA.getByRole("combobox", { name: "Edit your comment" }).fill(`${text} (and in the box)`);
  await threadA.getByRole("button", { name: "Save" }).click();
  await expect(threadB.getByTestId("comment").filter({ hasText: "(and in the box)" })).toContainText("(edited)", { timeout: 2_000 });
  await threadA.getByRole("button", { name: "Delete your comment" }).click();
  await threadA.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(threadB.getByTestId("comment")).toHaveCount(0, { timeout: 2_000 });

  await a.context().close();
  await b.context().close();
});
