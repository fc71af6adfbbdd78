// Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster, then removes it.
// Usage: tsx scripts/with-postgres.ts -- <command> [args…]
import { spawn } from "node:child_process";
import { findPostgresBin, startCluster } from "./postgres-cluster";

const separator = process.argv.indexOf("--");
const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (command.length === 0) {
  console.error("usage: tsx scripts/with-postgres.ts -- <command> [args…]");
  process.exit(2);
}

const bin = findPostgresBin();
if (!bin) {
  console.error("✖ No PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin; set PG_BIN to override).");
  process.exit(3);
}

const cluster = await startCluster(bin);
console.log(`PostgreSQL (${bin}) running for this command at ${cluster.url}`);
const child = spawn(command[0]!, command.slice(1), {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: cluster.url },
  shell: false,
});
const finish = (code: number) => {
  cluster.stop();
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => finish(code ?? (signal ? 1 : 0)));
child.on("error", (error) => {
  console.error(`✖ ${error.message}`);
  finish(1);
});
