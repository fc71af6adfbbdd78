import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDbHandle } from "./client";
import { teams, journeys, stages } from "./schema";
import { inTeam } from "./tenant";

/**
 * The tenancy rules of DESIGN.md, checked against the migrated catalog itself, so a table
 * added later without them fails here.
 */
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const { db } = await getDbHandle();
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

async function tenantTables(): Promise<string[]> {
  const list = await rows<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and c.column_name = 'team_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  return list.map((r) => r.table_name);
}

// The indexes that cannot lead with team_id: "which teams does this person belong to",
// and "which team verified this e-mail domain" (one team at most, whichever it is: single sign-on).
const INDEXES_NOT_LEADING_WITH_TEAM = new Set(["memberships_user_idx", "team_domains_verified_domain_key"]);

describe("tenant tables", () => {
  it("cover the whole domain", async () => {
    const tables = await tenantTables();
    for (const name of [
      "memberships", "invitations", "journeys", "stages", "touchpoints", "stage_notes", "scorecards", "perspectives",
      "objectives", "objective_stages", "objective_links", "kpis", "measurements", "initiatives", "comments",
      "activity", "notifications", "share_links", "api_keys",
    ]) {
      expect(tables).toContain(name);
    }
  });

  it("have a primary key that leads with team_id", async () => {
    const pks = await rows<{ table_name: string; first_column: string }>(sql`
      select tc.table_name, kcu.column_name as first_column
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.ordinal_position = 1
      where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'`);
    const byTable = new Map(pks.map((p) => [p.table_name, p.first_column]));
    for (const table of await tenantTables()) expect(byTable.get(table), table).toBe("team_id");
  });

  it("have every index lead with team_id", async () => {
    const indexes = await rows<{ tablename: string; indexname: string; indexdef: string }>(sql`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'`);
    const tenant = new Set(await tenantTables());
    const offenders = indexes
      .filter((i) => tenant.has(i.tablename) && !INDEXES_NOT_LEADING_WITH_TEAM.has(i.indexname))
      .filter((i) => !/\(\s*"?team_id"?\s*[,)]/.test(i.indexdef))
      .map((i) => i.indexname);
    expect(offenders).toEqual([]);
  });

  it("reference other tenant tables only through keys that include team_id", async () => {
    const fks = await rows<{ name: string; child: string; parent: string; columns: string[] }>(sql`
      select con.conname as name, child.relname as child, parent.relname as parent,
        array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as columns
      from pg_constraint con
      join pg_class child on child.oid = con.conrelid
      join pg_class parent on parent.oid = con.confrelid
      join pg_namespace n on n.oid = child.relnamespace
      where con.contype = 'f' and n.nspname = 'public'`);
    const tenant = new Set(await tenantTables());
    const offenders = fks
      .filter((fk) => tenant.has(fk.child) && (tenant.has(fk.parent) || fk.parent === "teams"))
      .filter((fk) => !fk.columns.includes("team_id"))
      .map((fk) => fk.name);
    expect(offenders).toEqual([]);
  });

  it("have row-level security enabled and forced, with a team policy", async () => {
    const rls = await rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
        (select count(*)::int from pg_policies p where p.tablename = c.relname and p.schemaname = 'public'
           and p.qual like '%app.team_id%') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const byTable = new Map(rls.map((r) => [r.relname, r]));
    for (const table of await tenantTables()) {
      expect(byTable.get(table), table).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      expect(byTable.get(table)?.policies, table).toBeGreaterThan(0);
    }
  });

  it("give the app role no way around row-level security", async () => {
    const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(sql`
      select r.rolsuper, r.rolbypassrls,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
      from pg_roles r where r.rolname = 'cairn_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });
});

describe("row-level security", () => {
  it("hides other teams' rows and refuses writes into another team", async () => {
    const { db } = await getDbHandle();
    const [a, b] = await db.insert(teams).values([{ name: "A", slug: "rls-a" }, { name: "B", slug: "rls-b" }]).returning();
    await inTeam(a!.id, (tx) => tx.insert(journeys).values({ teamId: a!.id, name: "A's journey" }));

    expect(await inTeam(a!.id, (tx) => tx.select().from(journeys))).toHaveLength(1);
    expect(await inTeam(b!.id, (tx) => tx.select().from(journeys))).toHaveLength(0);
    await expect(inTeam(b!.id, (tx) => tx.insert(journeys).values({ teamId: a!.id, name: "smuggled" }))).rejects.toThrow();
  });

  it("returns nothing when app.team_id is unset", async () => {
    const { db } = await getDbHandle();
    const visible = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'cairn_app', true)`);
      return tx.select().from(journeys);
    });
    expect(visible).toEqual([]);
  });

  it("refuses a row that points at another team's parent", async () => {
    const { db } = await getDbHandle();
    const [a, b] = await db.insert(teams).values([{ name: "A", slug: "fk-a" }, { name: "B", slug: "fk-b" }]).returning();
    const [journey] = await inTeam(a!.id, (tx) => tx.insert(journeys).values({ teamId: a!.id, name: "A's" }).returning());
    // Even as the owner (no RLS in the way), the composite foreign key refuses the cross-team reference.
    await expect(
      db.insert(stages).values({ teamId: b!.id, journeyId: journey!.id, name: "Stolen", position: 0 }),
    ).rejects.toThrow();
  });
});
