// The app's clock (lib/clock.ts) and the database's now() never disagree, because the database's
// clock decides nothing: every column whose SQL default is now() is filled from the app's clock
// when the app writes it, raw SQL passes the app's instant, and no query calls now().
import fs from "node:fs";
import path from "node:path";
import { and, eq, getTableColumns, isTable, sql, type Table } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { TEST_NOW } from "@/tests/support/clock";
import { getDbHandle } from "./client";
import { insertCellsLogged, updateCellsLogged } from "./queries/measurement-batches";
import { createSession } from "./queries/sessions";
import * as schema from "./schema";
import { activity, kpis, measurements, sessions, teams, users } from "./schema";
import { seedDemo } from "./seed";
import { inTeam } from "./tenant";

const FAR = new Date("2031-05-05T05:05:05.000Z");

afterEach(() => clock.set(TEST_NOW));

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const { db } = await getDbHandle();
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

describe("columns that default to now()", () => {
  it("take the app's clock in every table of the schema", async () => {
    const defaulted = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_default ilike '%now()%' order by 1, 2`);
    expect(defaulted.length).toBeGreaterThan(20);
    const tables = new Map(
      (Object.values(schema) as unknown[])
        .filter((value): value is Table => isTable(value))
        .map((table) => [getTableConfig(table).name, table]),
    );
    for (const { table_name, column_name } of defaulted) {
      const table = tables.get(table_name);
      expect(table, table_name).toBeDefined();
      const column = Object.values(getTableColumns(table!)).find((c) => c.name === column_name);
      expect(column?.defaultFn, `${table_name}.${column_name}`).toBeTypeOf("function");
      clock.set(FAR, { frozen: true });
      expect(column!.defaultFn!(), `${table_name}.${column_name}`).toEqual(FAR);
    }
  });

  it("are dated by the app's clock through the ORM and the raw-SQL batch writes alike", async () => {
    const { db } = await getDbHandle();
    await seedDemo(db);
    const [acme] = await db.select().from(teams).where(eq(teams.slug, "acme"));
    const [owner] = await db.select().from(users).where(eq(users.email, "owner@acme.test"));
    const [kpi] = await inTeam(acme!.id, (tx) => tx.select().from(kpis).where(and(eq(kpis.teamId, acme!.id), eq(kpis.frequency, "monthly"))).limit(1));

    clock.set(FAR, { frozen: true });
    await createSession(owner!.id, "clock-schema-session", new Date(FAR.getTime() + 3_600_000));
    const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, "clock-schema-session"));
    expect(session!.createdAt).toEqual(FAR);

    const ctx = { teamId: acme!.id };
    await inTeam(acme!.id, (tx) => insertCellsLogged(tx, ctx, [{ kpiId: kpi!.id, period: "2031-01-01", value: 7, note: null }], owner!.id));
    const [cell] = await inTeam(acme!.id, (tx) => tx.select().from(measurements).where(and(eq(measurements.kpiId, kpi!.id), eq(measurements.period, "2031-01-01"))));
    expect([cell!.createdAt, cell!.updatedAt]).toEqual([FAR, FAR]);

    const later = new Date(FAR.getTime() + 86_400_000);
    clock.set(later, { frozen: true });
    await inTeam(acme!.id, (tx) => updateCellsLogged(tx, ctx, [{ id: cell!.id, value: 8, note: "", before: { value: 7, note: "" } }], owner!.id));
    const [updated] = await inTeam(acme!.id, (tx) => tx.select().from(measurements).where(eq(measurements.id, cell!.id)));
    expect([updated!.createdAt, updated!.updatedAt]).toEqual([FAR, later]);
    const logged = await inTeam(acme!.id, (tx) => tx.select({ createdAt: activity.createdAt }).from(activity).where(eq(activity.entityId, cell!.id)));
    expect(logged.map((a) => a.createdAt.toISOString()).sort()).toEqual([FAR.toISOString(), later.toISOString()]);
  });
});

describe("queries", () => {
  it("never ask the database for the time, in the app or its tests", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        // lib/clock.ts is the clock itself (its method is called now()); this file names what it looks for.
        else if (/\.tsx?$/.test(entry.name) && ![path.resolve("lib/clock.ts"), path.resolve("db/clock-schema.test.ts")].includes(file)) {
          fs.readFileSync(file, "utf8")
            .split("\n")
            .forEach((line, i) => {
              const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
              if (/\b(now|current_timestamp|current_date|localtimestamp|clock_timestamp|transaction_timestamp)\s*\(\)|\bcurrent_(timestamp|date)\b/i.test(code.replace(/(clock|performance|Date)\.now\(\)/g, ""))) {
                offenders.push(`${file}:${i + 1}`);
              }
            });
        }
      }
    };
    for (const dir of ["db", "lib", "app", "pages", "components", "tests", "e2e", "bench"]) walk(path.resolve(dir));
    expect(offenders).toEqual([]);
  });
});
