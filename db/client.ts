import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { describeDatabaseError, redactUrl } from "./errors";
import { recordQuery } from "./query-counter";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or a transaction inside it. */
export type Queryable = Database | Tx;

export type Unlisten = () => Promise<void>;

export interface DbHandle {
  db: Database;
  engine: "postgres" | "pglite";
  /** Where the data lives, without secrets, for logs and the health check. */
  location: string;
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

const migrationsFolder = () => env().CAIRN_MIGRATIONS_DIR ?? path.join(process.cwd(), "drizzle");
const logger = { logQuery: (query: string) => recordQuery(query) };

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  /** Apply pending migrations right after opening. */
  migrate?: boolean;
  /** postgres-js pool size. */
  maxConnections?: number;
}

/** Opens the database the environment names: PostgreSQL when DATABASE_URL is set, else PGlite. */
export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  const handle = databaseUrl
    ? await openPostgres(databaseUrl, options.maxConnections ?? 10)
    : await openPglite(options.pgliteDir ?? env().PGLITE_DATA_DIR);
  if (options.migrate) await migrateDatabase(handle);
  return handle;
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const location = redactUrl(url);
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(describeDatabaseError(error, location));
  }
  const db = drizzle(client, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    location,
    async listen(channel, onPayload) {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    const { lockDataDir } = await import("./pglite-lock");
    try {
      release = lockDataDir(dir);
    } catch (error) {
      throw new DatabaseUnavailableError(describeDatabaseError(error));
    }
  }
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create(inMemory ? undefined : path.resolve(dir));
  } catch (error) {
    release();
    throw new DatabaseUnavailableError(describeDatabaseError(error, dir));
  }
  return wrapPglite(pg, inMemory ? "memory" : dir, release);
}

/** Wraps an open PGlite instance (tests hand in clones of a migrated template). */
export async function wrapPglite(
  pg: import("@electric-sql/pglite").PGlite,
  location: string,
  release: () => void = () => {},
): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle(pg, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    location,
    listen: (channel, onPayload) => pg.listen(channel, onPayload),
    async close() {
      await pg.close();
      release();
    },
  };
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  try {
    if (handle.engine === "postgres") {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await migrate(handle.db as never, { migrationsFolder: migrationsFolder() });
    } else {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(handle.db as never, { migrationsFolder: migrationsFolder() });
    }
  } catch (error) {
    throw new DatabaseUnavailableError(`Migration failed, nothing was applied: ${describeDatabaseError(error, handle.location)}`);
  }
}

// One handle per process, opened on first use (never at build time) and kept on globalThis
// so that development hot reloads do not open a second PGlite on the same directory.
const globalForDb = globalThis as unknown as { __cairnDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__cairnDb ??= openDatabase({ migrate: env().NODE_ENV === "development" || !env().DATABASE_URL }).catch(
    (error) => {
      globalForDb.__cairnDb = undefined;
      throw error;
    },
  );
  return globalForDb.__cairnDb;
}

/**
 * The transaction a team- or user-bound unit of work is running in. Any query made through
 * getDb() inside it joins it: PGlite has a single connection, so a second, independent
 * query would wait forever for the open transaction, and on PostgreSQL joining keeps the
 * unit of work atomic.
 */
const currentTx = new AsyncLocalStorage<{ tx: Tx; scope: string }>();

/** Runs `fn` with `tx` as the ambient transaction for `scope` ("team:<id>" or "user:<id>"). */
export function runInTransaction<T>(tx: Tx, scope: string, fn: () => Promise<T>): Promise<T> {
  return currentTx.run({ tx, scope }, fn);
}

/** The ambient bound transaction, if any: lets inTeam reuse it instead of nesting. */
export function ambientTransaction(): { tx: Tx; scope: string } | undefined {
  return currentTx.getStore();
}

export async function getDb(): Promise<Database> {
  return (currentTx.getStore()?.tx as unknown as Database | undefined) ?? (await getDbHandle()).db;
}

/** Tests install their own database (a fresh PGlite clone or a throwaway PostgreSQL database). */
export function setDbHandleForTests(handle: DbHandle | undefined): void {
  globalForDb.__cairnDb = handle ? Promise.resolve(handle) : undefined;
}
