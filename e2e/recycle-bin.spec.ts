// The recycle bin end to end: an editor deletes an objective from the scorecard editor and is
// told it went to the recycle bin (with a link); an admin finds it there, with what it carried,
// restores it, and the objective is back with its KPIs and their values as they were.
import { expect, test } from "@playwright/test";
import { closeOpenedContexts, signedIn } from "./contexts";

const OBJECTIVE = "Improve unit economics";

test.afterEach(closeOpenedContexts);


test("an editor deletes an objective; an admin restores it from the recycle bin with its measurements", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await signedIn(browser, "editor@acme.test");
  await editor.getByRole("link", { name: "Acme Outdoor 2026" }).first().click();
  await editor.waitForURL(/\/t\/acme\/scorecards\/[0-9a-f-]{36}$/);
  const scorecardUrl = editor.url();

  const kpis = editor.getByRole("region", { name: `KPIs of ${OBJECTIVE}` });
  await expect(kpis).toBeVisible();
  // What the KPIs show (names, latest values, statuses): the same after the restore.
  const before = (await kpis.getByTestId("kpi-row").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
  expect(before.length).toBeGreaterThan(0);

  await editor.getByRole("button", { name: `Delete objective ${OBJECTIVE}` }).click();
  const dialog = editor.getByRole("alertdialog", { name: `Delete objective “${OBJECTIVE}”?` });
  await expect(dialog).toContainText("moves to the recycle bin");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(editor.getByTestId("bin-notice")).toContainText("Moved to the recycle bin");
  await expect(editor.getByRole("button", { name: `Delete objective ${OBJECTIVE}` })).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "Open the recycle bin" })).toHaveAttribute("href", "/t/acme/settings/recycle-bin");

  // An admin opens the bin from the settings navigation.
  const admin = await signedIn(browser, "admin@acme.test");
  await admin.goto("/t/acme/settings");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Recycle bin" }).click();
  await admin.waitForURL(/\/t\/acme\/settings\/recycle-bin$/);
  const entry = admin.getByTestId("recycle-bin").getByRole("listitem").filter({ hasText: `Objective “${OBJECTIVE}”` });
  await expect(entry).toContainText(new RegExp(`with ${before.length} KPIs?, \\d+ measurements`));
  await expect(entry).toContainText("Deleted by");
  await expect(entry).toContainText("30 days left");
  await expect(entry.getByRole("button", { name: `Purge objective ${OBJECTIVE}` })).toBeVisible();
  await entry.getByRole("button", { name: `Restore objective ${OBJECTIVE}` }).click();
  await expect(admin.getByTestId("bin-notice")).toContainText(`Restored objective ${OBJECTIVE}.`);
  await expect(admin.getByTestId("recycle-bin").getByRole("listitem").filter({ hasText: `Objective “${OBJECTIVE}”` })).toHaveCount(0);

  // Back on the scorecard, with its KPIs showing the same values as before.
  await admin.getByRole("link", { name: "Open it" }).click();
  await admin.waitForURL(scorecardUrl);
  const restored = admin.getByRole("region", { name: `KPIs of ${OBJECTIVE}` });
  await expect(restored).toBeVisible();
  await expect.poll(async () => (await restored.getByTestId("kpi-row").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim())).toEqual(before);

  // The history says who did what.
  await admin.goto("/t/acme/activity");
  await expect(admin.getByText(/restored objective/i).first()).toBeVisible();
});
