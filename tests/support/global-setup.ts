import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { assertLocalDatabase } from "./local-database-guard";
import { TEMPLATE_DB } from "./test-database";

/**
 * Migrates one template database per run; every test file then starts from a copy of it
 * (a PGlite data-dir clone, or CREATE DATABASE … TEMPLATE on PostgreSQL) in well under a second.
 */
export default async function setup(project: TestProject) {
  const { openDatabase } = await import("@/db/client");
  const url = process.env.DATABASE_URL;
  assertLocalDatabase(url);

  if (url) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const handle = await openDatabase({ databaseUrl: templateUrl, migrate: true, maxConnections: 1 });
    await handle.close();
    project.provide("templateUrl", templateUrl);
    return async () => {
      await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
      await admin.end();
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { wrapPglite, migrateDatabase } = await import("@/db/client");
  const pg = await PGlite.create();
  const handle = await wrapPglite(pg, "memory");
  await migrateDatabase(handle);
  const dump = await pg.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cairn-test-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    templateUrl: string;
    pgliteTemplate: string;
  }
}
