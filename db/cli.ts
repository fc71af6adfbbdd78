// Database chores from the command line: `tsx db/cli.ts migrate | seed | reset`.
// Every failure is one line a person can act on and a non-zero exit, never a stack trace.
import { assertEnv } from "@/lib/env";
import { DatabaseUnavailableError, migrateDatabase, openDatabase, type DbHandle } from "./client";
import { describeDatabaseError } from "./errors";
import { resetDatabase } from "./reset";
import { DEMO_ACCOUNTS, seedDemo } from "./seed";

const USAGE = "usage: tsx db/cli.ts migrate | seed [--if-empty] | reset [--seed]";

async function main(command: string | undefined, flags: string[]): Promise<void> {
  assertEnv();
  if (!command || !["migrate", "seed", "reset"].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  let handle: DbHandle | undefined;
  try {
    handle = await openDatabase();
    const where = `${handle.engine} (${handle.location})`;
    if (command === "reset") {
      await resetDatabase(handle);
      console.log(`✓ Emptied ${where}`);
    }
    await migrateDatabase(handle);
    console.log(`✓ Migrations applied to ${where}`);
    if (command === "seed" || flags.includes("--seed")) {
      const seeded = await seedDemo(handle.db, { ifEmpty: flags.includes("--if-empty") });
      if (seeded) {
        console.log(`✓ Demo data: team "${seeded.teamName}" at /t/${seeded.teamSlug}`);
        for (const account of DEMO_ACCOUNTS) console.log(`    ${account.role.padEnd(6)} ${account.email}  password: ${account.password}`);
      } else {
        console.log("✓ Demo data already present; left as it is");
      }
    }
  } catch (error) {
    const message = error instanceof DatabaseUnavailableError ? error.message : describeDatabaseError(error);
    console.error(`✖ ${message}`);
    process.exitCode = 1;
  } finally {
    await handle?.close().catch(() => {});
  }
}

await main(process.argv[2], process.argv.slice(3));
