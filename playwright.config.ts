import { defineConfig, devices } from "@playwright/test";

// Auth.js builds its URLs with `localhost`: browsing 127.0.0.1 breaks its CSRF check (STACK-FACTS.md §2).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// The server, its seed and these specs all read one clock (lib/clock.ts) started at this instant,
// so no spec depends on the day it runs. The browser keeps the machine's time: it decides nothing.
process.env.CAIRN_CLOCK ??= "2026-12-07T10:00:00Z";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download browsers here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_FAKE_STRIPE: "1", CAIRN_CLOCK: process.env.CAIRN_CLOCK },
  },
});
