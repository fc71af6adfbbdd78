// `npm run dev`, step one: make a fresh checkout runnable with no set-up — a local
// AUTH_SECRET in .env.local, migrations applied, demo data seeded once — then exit so the
// dev server can take the embedded database (PGlite allows one process at a time).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";

const envFile = ".env.local";
const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : "";
if (!/^AUTH_SECRET=/m.test(existing) && !process.env.AUTH_SECRET) {
  const line = `# Written by scripts/prepare-dev.ts for local development only.\nAUTH_SECRET=${randomBytes(32).toString("base64")}\n`;
  fs.writeFileSync(envFile, existing + (existing && !existing.endsWith("\n") ? "\n" : "") + line);
  console.log("✓ Wrote a local AUTH_SECRET to .env.local");
}

const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "db/cli.ts", "seed", "--if-empty"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
process.exit(result.status ?? 1);
