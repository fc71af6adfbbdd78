import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

/** Drops every table and type (development and test data only; the CLI's `reset`). */
export async function resetDatabase(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`drop schema if exists drizzle cascade`);
  await handle.db.execute(sql`drop schema public cascade`);
  await handle.db.execute(sql`create schema public`);
  await handle.db.execute(sql`grant all on schema public to public`);
}
