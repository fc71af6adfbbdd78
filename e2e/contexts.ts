// Browser contexts a spec opens itself (a second person, a stored sign-in) are not closed by
// Playwright. Left open, their pages keep announcing presence and receiving live events in the
// specs that run after them in the same browser: every spec that opens one closes it after each test.
import type { Browser, BrowserContext, BrowserContextOptions } from "@playwright/test";

const open = new Set<BrowserContext>();

export async function newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  open.add(context);
  context.on("close", () => open.delete(context));
  return context;
}

/** For test.afterEach: closes what the test opened and left open (also when it failed midway). */
export async function closeOpenedContexts(): Promise<void> {
  await Promise.all([...open].map((context) => context.close()));
}
