import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, wrapPglite, type DbHandle } from "@/db/client";

export const TEMPLATE_DB = "cairn_test_template";

export interface TestDatabase extends DbHandle {
  /** Closes the handle and removes the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database on the engine under test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = process.env.DATABASE_URL ? inject("templateUrl") : undefined;
  if (templateUrl) {
    const { default: postgres } = await import("postgres");
    const name = `cairn_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(templateUrl.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${TEMPLATE_DB}`);
    const handle = await openDatabase({ databaseUrl: templateUrl.replace(/\/[^/]*$/, `/${name}`), maxConnections: 20 });
    return {
      ...handle,
      async drop() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const pg = await PGlite.create({ loadDataDir: dump });
  const handle = await wrapPglite(pg, "memory");
  return { ...handle, drop: () => handle.close() };
}
