import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // One clock (lib/clock.ts): "now" comes from clock.now(), so tests and the e2e server can set it.
    // Elapsed time is performance.now(). Dates built from a value (`new Date(ms)`) are fine.
    files: ["**/*.{ts,tsx,mjs}"],
    // The test runner's scripts time themselves against the machine; they decide nothing in the app.
    ignores: ["lib/clock.ts", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read the time from clock.now() (lib/clock.ts)." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read the time from clock.nowMs() (lib/clock.ts), or performance.now() for elapsed time." },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "next-env.d.ts", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "bench/results/**"]),
]);
