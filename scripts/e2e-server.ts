// The server Playwright drives: a production build (`next start`) on its own embedded
// database, reset and seeded with the demo data before every run.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { e2eDnsFile } from "../e2e/dns-file";
import { startE2eFakeStripe } from "./e2e-fake-stripe";

const port = process.env.E2E_PORT ?? "3100";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PGLITE_DATA_DIR: `.data/e2e-${port}`,
  APP_URL: `http://localhost:${port}`,
  AUTH_URL: `http://localhost:${port}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
  CAIRN_DEV_TOOLS: "1",
  // As behind one proxy: a spec that signs people up names its own client address in
  // X-Forwarded-For (e2e/contexts.ts ownClientAddress), so the per-address sign-up and sign-in
  // limits count each spec as the separate visitor it plays, not the whole run as one.
  TRUSTED_PROXY_HOPS: "1",
  // Single sign-on's domain verification reads its TXT records from this file, which the SSO spec writes.
  CAIRN_DNS_TXT_FILE: e2eDnsFile(port),
};
mkdirSync(dirname(env.CAIRN_DNS_TXT_FILE!), { recursive: true });
writeFileSync(env.CAIRN_DNS_TXT_FILE!, "{}\n");
delete env.DATABASE_URL;
// The billing spec pays through a local fake Stripe, started inside this process.
if (process.env.E2E_FAKE_STRIPE === "1") Object.assign(env, await startE2eFakeStripe(env.APP_URL!));

const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "db/cli.ts", "reset", "--seed"], { stdio: "inherit", env });
if (seed.status !== 0) process.exit(seed.status ?? 1);

// Through `npm start`'s launcher, so requests carry the socket address the sign-in limits key on.
const server = spawn(process.execPath, ["scripts/start.mjs", "-p", port], { stdio: "inherit", env: { WEB_CONCURRENCY: "1", ...env } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
