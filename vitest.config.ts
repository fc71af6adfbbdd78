import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses:
    // let Vite resolve it instead.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // Playwright specs live in e2e/ and are run by Playwright, never by Vitest.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/support/clock.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["db/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/env.ts", "tests/support/clock.ts", "tests/support/setup-integration.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
