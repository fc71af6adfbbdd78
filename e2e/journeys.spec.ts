// Journeys end to end: an editor creates a journey from the six-stage template, adds a
// touchpoint and a pain point, reorders two stages from the keyboard and sees the emotion
// curve follow; the canvas passes axe; a viewer sees it read-only; the export downloads.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "cairn-demo-2026";

async function signIn(page: Page, email: string, next = "/t/acme/journeys") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

function seriousViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>) {
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("an editor maps a journey from the template and reorders stages from the keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "editor@acme.test");
  const name = `Trail runner ${randomUUID().slice(0, 8)}`;

  await page.getByRole("button", { name: "New journey" }).click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await dialog.getByLabel("Persona", { exact: true }).fill("Sam, 29, runs trails on weekends");
  await dialog.getByRole("radio", { name: /Customer lifecycle/ }).check();
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await page.waitForURL(/\/t\/acme\/journeys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const curve = page.locator("[data-emotion-curve]");
  await expect(curve).toHaveAttribute("data-emotion-curve", "Discovery:1|Evaluation:0|Purchase:0|Onboarding:-1|Usage:1|Support:-1");
  await expect(page.getByRole("columnheader")).toHaveCount(6);

  // A touchpoint in Discovery.
  await page.getByRole("button", { name: "Add touchpoint to Discovery" }).click();
  const touchpoint = page.getByRole("form", { name: "New touchpoint" });
  await touchpoint.getByLabel("Channel", { exact: true }).selectOption("social");
  await touchpoint.getByLabel("Channel detail").fill("Instagram");
  await touchpoint.getByLabel("Description").fill("Trail videos from local runners");
  await touchpoint.getByLabel("Owner").selectOption({ label: "Eli Novak" });
  await touchpoint.getByRole("button", { name: "Add touchpoint" }).click();
  const touchpoints = page.getByRole("list", { name: "Discovery: touchpoints" });
  await expect(touchpoints.getByText("Trail videos from local runners")).toBeVisible();
  await expect(touchpoints.getByText("Owner: Eli Novak")).toBeVisible();

  // A pain point in Discovery.
  await page.getByRole("button", { name: "Add pain point to Discovery" }).click();
  const pain = page.getByRole("form", { name: "New pain point" });
  await pain.getByLabel("Pain point").fill("Hard to tell which shoes suit rocky trails");
  await pain.getByRole("button", { name: "Add pain point" }).click();
  await expect(page.getByRole("list", { name: "Discovery: pain points" }).getByText("Hard to tell which shoes suit rocky trails")).toBeVisible();

  // Reorder from the keyboard: Alt+→ on Discovery's handle swaps it with Evaluation.
  const handle = page.getByRole("button", { name: "Reorder Discovery" });
  await handle.focus();
  await page.keyboard.press("Alt+ArrowRight");
  await expect(curve).toHaveAttribute("data-emotion-curve", "Evaluation:0|Discovery:1|Purchase:0|Onboarding:-1|Usage:1|Support:-1");
  await expect(page.locator("#emotion-curve-description")).toHaveText("Emotion curve across 6 stages: Evaluation 0, Discovery +1, Purchase 0, Onboarding -1, Usage +1, Support -1.");
  await expect(page.getByRole("status").filter({ hasText: "Discovery moved to position 2 of 6." })).toBeAttached();
  await expect(handle).toBeFocused();
  await expect(page.getByText("All changes saved")).toBeVisible();

  // And with the Move buttons (also keyboard-operable): Support one step left.
  await page.getByRole("button", { name: "Move Support left" }).focus();
  await page.keyboard.press("Enter");
  await expect(curve).toHaveAttribute("data-emotion-curve", "Evaluation:0|Discovery:1|Purchase:0|Onboarding:-1|Support:-1|Usage:1");

  // With the mouse (native drag and drop): Usage's header dropped on Support's takes its place.
  const header = (stage: string) => page.locator("th[data-stage-id]").filter({ has: page.locator("[data-stage-name]", { hasText: stage }) });
  await header("Usage").dragTo(header("Support"));
  await expect(curve).toHaveAttribute("data-emotion-curve", "Evaluation:0|Discovery:1|Purchase:0|Onboarding:-1|Usage:1|Support:-1");

  // Cards move from the keyboard too: Alt+← on its handle sends the touchpoint to the stage on the left.
  await page.getByRole("button", { name: "Move Trail videos from local runners" }).focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(page.getByRole("list", { name: "Evaluation: touchpoints" }).getByText("Trail videos from local runners")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move Trail videos from local runners" })).toBeFocused();

  // A new score moves the curve too.
  await page.getByLabel("Emotion at Purchase").selectOption("-2");
  await expect(curve).toHaveAttribute("data-emotion-curve", "Evaluation:0|Discovery:1|Purchase:-2|Onboarding:-1|Usage:1|Support:-1");

  // All of it was saved: a fresh load shows the same canvas.
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.reload();
  await expect(curve).toHaveAttribute("data-emotion-curve", "Evaluation:0|Discovery:1|Purchase:-2|Onboarding:-1|Usage:1|Support:-1");
  await expect(page.getByRole("list", { name: "Evaluation: touchpoints" }).getByText("Trail videos from local runners")).toBeVisible();
  await expect(page.getByRole("list", { name: "Discovery: pain points" }).getByText("Hard to tell which shoes suit rocky trails")).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(axe)).toEqual([]);

  // The empty-name refusal names the field and keeps the dialog's text.
  await page.getByRole("button", { name: "Edit details" }).click();
  const details = page.getByRole("dialog", { name: "Journey details" });
  await details.getByRole("textbox", { name: "Name", exact: true }).fill("");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText("Name is required")).toBeVisible();
});

test("the demo journey shows stage health and the adoption panel; a viewer gets no edit controls", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  expect(seriousViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.getByRole("link", { name: "Weekend hiker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Weekend hiker" })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveCount(6);
  await expect(page.getByRole("button", { name: /^Reorder / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Add touchpoint/ })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: /^Emotion at / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New journey" })).toHaveCount(0);

  const adoption = page.getByRole("heading", { name: "Adoption phase: Onboarding" });
  await expect(adoption).toBeVisible();
  await expect(page.getByRole("region", { name: /Leading indicators/ }).or(page.locator("section[aria-labelledby=adoption-leading]")).getByText("Activation rate")).toBeVisible();
  await expect(page.locator("section[aria-labelledby=adoption-lagging]").getByText("Customer retention rate")).toBeVisible();

  // Support serves six KPIs: the canvas draws its worst five, and the sixth loads on request.
  const listId = await page.getByRole("button", { name: "Show all 6 KPIs of Support" }).getAttribute("aria-controls");
  const list = page.locator(`[id="${listId}"]`);
  const toggle = page.locator(`button[aria-controls="${listId}"]`);
  await expect(list.getByRole("listitem")).toHaveCount(5);
  // Server-rendered: retry the click until the page has hydrated.
  await expect(async () => {
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
  await expect(list.getByRole("listitem")).toHaveCount(6);
  await expect(toggle).toHaveAccessibleName("Show the 5 worst of Support");
  await toggle.click();
  await expect(list.getByRole("listitem")).toHaveCount(5);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(axe)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("weekend-hiker.journey.json");
});
