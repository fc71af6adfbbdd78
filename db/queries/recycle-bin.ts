// The team's recycle bin: snapshot a deleted item with everything that cascades from it, list,
// restore (rows written back with their own ids, parents first), purge. Bound to one team.
//
// Why snapshots and not deleted_at columns: dozens of reads (editor, dashboards, API, reminders,
// inbox, strategy map, alignment, journeys, digest) would each have to learn to skip deleted rows
// and their descendants, and one forgotten filter would show a deleted KPI's values again. With
// the rows moved out, every existing query stays correct as it is.
import { and, desc, eq, getTableColumns, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { recycleBinItems, scorecards, teams, users, type RecycleBinItem } from "../schema";

type Ctx = { teamId: string };

export type BinKind = "objective" | "kpi" | "initiative" | "scorecard" | "journey";

/** Every table a snapshot may hold, in the order restore writes them back (parents first). */
export const RESTORE_ORDER = [
  "journeys", "stages", "touchpoints", "stage_notes",
  "scorecards", "perspectives", "share_links", "objectives", "objective_stages", "objective_links", "objective_contributions",
  "kpis", "measurements", "kpi_explanations", "update_link_uses", "initiatives",
] as const;
type BinTable = (typeof RESTORE_ORDER)[number];

/** Root table of each kind, and its label column. */
export const ROOT: Record<BinKind, { table: BinTable; label: string }> = {
  objective: { table: "objectives", label: "title" },
  kpi: { table: "kpis", label: "name" },
  initiative: { table: "initiatives", label: "title" },
  scorecard: { table: "scorecards", label: "name" },
  journey: { table: "journeys", label: "name" },
};

/**
 * Which rows of which table go with the item (`t` is the table's alias). Every condition is
 * also `t.team_id = <team>`, added by the caller.
 */
function partsOf(kind: BinKind, teamId: string, id: string): Array<{ table: BinTable; where: SQL; lock?: boolean }> {
  const kpisOfObjective = sql`select k.id from kpis k where k.team_id = ${teamId} and k.objective_id = ${id}`;
  const objectivesOfScorecard = sql`select o.id from objectives o where o.team_id = ${teamId} and o.scorecard_id = ${id}`;
  const kpisOfScorecard = sql`select k.id from kpis k join objectives o on o.team_id = k.team_id and o.id = k.objective_id where k.team_id = ${teamId} and o.scorecard_id = ${id}`;
  const stagesOfJourney = sql`select s.id from stages s where s.team_id = ${teamId} and s.journey_id = ${id}`;
  const kpiChildren = (kpiIds: SQL) =>
    (["measurements", "kpi_explanations", "update_link_uses"] as const).map((table) => ({ table, where: sql`t.kpi_id in (${kpiIds})` }));
  switch (kind) {
    case "kpi":
      return [{ table: "kpis", where: sql`t.id = ${id}`, lock: true }, ...kpiChildren(sql`select ${id}::uuid`)];
    case "initiative":
      return [{ table: "initiatives", where: sql`t.id = ${id}`, lock: true }];
    case "objective":
      return [
        { table: "objectives", where: sql`t.id = ${id}`, lock: true },
        { table: "objective_stages", where: sql`t.objective_id = ${id}` },
        { table: "objective_links", where: sql`(t.cause_id = ${id} or t.effect_id = ${id})` },
        { table: "objective_contributions", where: sql`(t.objective_id = ${id} or t.parent_objective_id = ${id})` },
        { table: "kpis", where: sql`t.objective_id = ${id}`, lock: true },
        ...kpiChildren(kpisOfObjective),
        { table: "initiatives", where: sql`t.objective_id = ${id}` },
      ];
    case "scorecard":
      return [
        { table: "scorecards", where: sql`t.id = ${id}`, lock: true },
        { table: "perspectives", where: sql`t.scorecard_id = ${id}`, lock: true },
        { table: "share_links", where: sql`t.scorecard_id = ${id}` },
        { table: "objectives", where: sql`t.scorecard_id = ${id}`, lock: true },
        { table: "objective_stages", where: sql`t.objective_id in (${objectivesOfScorecard})` },
        { table: "objective_links", where: sql`t.scorecard_id = ${id}` },
        { table: "objective_contributions", where: sql`(t.objective_id in (${objectivesOfScorecard}) or t.parent_objective_id in (${objectivesOfScorecard}))` },
        { table: "kpis", where: sql`t.objective_id in (${objectivesOfScorecard})`, lock: true },
        ...kpiChildren(kpisOfScorecard),
        { table: "initiatives", where: sql`t.objective_id in (${objectivesOfScorecard})` },
      ];
    case "journey":
      return [
        { table: "journeys", where: sql`t.id = ${id}`, lock: true },
        { table: "stages", where: sql`t.journey_id = ${id}`, lock: true },
        { table: "touchpoints", where: sql`t.stage_id in (${stagesOfJourney})` },
        { table: "stage_notes", where: sql`t.stage_id in (${stagesOfJourney})` },
        { table: "objective_stages", where: sql`t.stage_id in (${stagesOfJourney})` },
      ];
  }
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/**
 * Locks the item and the rows whose children could be added while it is being deleted (a value
 * entered for one of its KPIs in the meantime would otherwise cascade away without being in the
 * snapshot: a child's insert takes a key-share lock on its parent, which waits for this one).
 * Returns the root's version, label and scorecard (for objectives, KPIs and initiatives).
 */
export async function lockBinTree(tx: Tx, ctx: Ctx, kind: BinKind, id: string): Promise<{ version: number; label: string; parentId: string | null } | undefined> {
  const parts = partsOf(kind, ctx.teamId, id);
  for (const part of parts.filter((p) => p.lock)) {
    await tx.execute(sql`select 1 from ${sql.identifier(part.table)} t where t.team_id = ${ctx.teamId} and ${part.where} for update`);
  }
  const root = ROOT[kind];
  const parent =
    kind === "objective"
      ? sql`t.scorecard_id`
      : kind === "kpi" || kind === "initiative"
        ? sql`(select o.scorecard_id from objectives o where o.team_id = t.team_id and o.id = t.objective_id)`
        : sql`null::uuid`;
  const [row] = rowsOf<{ version: number; label: string; parent_id: string | null }>(
    await tx.execute(sql`select t.version, t.${sql.identifier(root.label)} as label, ${parent} as parent_id from ${sql.identifier(root.table)} t where t.team_id = ${ctx.teamId} and t.id = ${id}`),
  );
  return row && { version: Number(row.version), label: String(row.label), parentId: row.parent_id };
}

/** Writes the bin entry: the snapshot of every row that goes with the item, and their counts. */
export async function insertBinItem(
  tx: Tx,
  ctx: Ctx,
  values: { kind: BinKind; entityId: string; label: string; parentId: string | null; deletedBy: string | null; deletedAt: Date; purgeAfter: Date; detached?: { scorecardIds?: string[] } },
): Promise<RecycleBinItem> {
  const parts = partsOf(values.kind, ctx.teamId, values.entityId);
  // jsonb_build_object(name, rows, ...): to_jsonb keeps every column as the database stores it.
  const pairs = sql.join(
    parts.map((p) => sql`${p.table}::text, (select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) from ${sql.identifier(p.table)} t where t.team_id = ${ctx.teamId} and ${p.where})`),
    sql`, `,
  );
  const [item] = await tx
    .insert(recycleBinItems)
    .values({
      teamId: ctx.teamId,
      entityType: values.kind,
      entityId: values.entityId,
      label: values.label,
      parentId: values.parentId,
      snapshot: sql`jsonb_build_object(${pairs})` as never,
      detached: values.detached ?? {},
      deletedBy: values.deletedBy,
      deletedAt: values.deletedAt,
      purgeAfter: values.purgeAfter,
    })
    .returning({ id: recycleBinItems.id });
  const [counted] = await tx
    .update(recycleBinItems)
    .set({ contents: sql`(select coalesce(jsonb_object_agg(key, jsonb_array_length(value)), '{}'::jsonb) from jsonb_each(${recycleBinItems.snapshot}))` as never })
    .where(and(eq(recycleBinItems.teamId, ctx.teamId), eq(recycleBinItems.id, item!.id)))
    .returning();
  return counted!;
}

export type BinListItem = Omit<RecycleBinItem, "snapshot"> & { deletedByName: string | null };

/** What the bin holds, newest first, without the snapshots themselves. */
export async function listBinItems(tx: Tx, ctx: Ctx): Promise<BinListItem[]> {
  const { snapshot: _snapshot, ...columns } = getTableColumns(recycleBinItems);
  void _snapshot;
  const rows = await tx
    .select({ item: columns, deletedByName: sql<string | null>`coalesce(${users.name}, ${users.email})` })
    .from(recycleBinItems)
    .leftJoin(users, eq(users.id, recycleBinItems.deletedBy))
    .where(eq(recycleBinItems.teamId, ctx.teamId))
    .orderBy(desc(recycleBinItems.deletedAt));
  return rows.map((r) => ({ ...(r.item as Omit<RecycleBinItem, "snapshot">), deletedByName: r.deletedByName }));
}

/** One entry with its snapshot, locked against a concurrent restore or purge. */
export async function lockBinItem(tx: Tx, ctx: Ctx, id: string): Promise<RecycleBinItem | undefined> {
  const [row] = await tx
    .select()
    .from(recycleBinItems)
    .where(and(eq(recycleBinItems.teamId, ctx.teamId), eq(recycleBinItems.id, id)))
    .for("update");
  return row;
}

/** The newest entry holding this entity as its root (to name a parent that is itself in the bin). */
export async function findBinItemByEntity(tx: Tx, ctx: Ctx, entityId: string): Promise<Pick<RecycleBinItem, "id" | "entityType" | "label"> | undefined> {
  const [row] = await tx
    .select({ id: recycleBinItems.id, entityType: recycleBinItems.entityType, label: recycleBinItems.label })
    .from(recycleBinItems)
    .where(and(eq(recycleBinItems.teamId, ctx.teamId), eq(recycleBinItems.entityId, entityId)))
    .orderBy(desc(recycleBinItems.deletedAt))
    .limit(1);
  return row;
}

/**
 * Writes the snapshot's rows back, parents first. Links to things that are gone since (a stage
 * of another journey, the other end of a strategy-map arrow, a journey a scorecard was tied to)
 * are left out rather than failing the restore; the counts of what was left out are returned.
 */
export async function writeBackSnapshot(tx: Tx, ctx: Ctx, binId: string): Promise<Record<string, number>> {
  const skipped: Record<string, number> = {};
  for (const table of RESTORE_ORDER) {
    const source = sql`jsonb_populate_recordset(null::${sql.identifier(table)}, (select b.snapshot -> ${table}::text from recycle_bin_items b where b.team_id = ${ctx.teamId} and b.id = ${binId}))`;
    let filter = sql`true`;
    if (table === "objective_stages") {
      filter = sql`exists (select 1 from stages s where s.team_id = r.team_id and s.id = r.stage_id) and exists (select 1 from objectives o where o.team_id = r.team_id and o.id = r.objective_id)`;
    } else if (table === "objective_contributions") {
      // Both ends must be back; whether the target is still above is checked after (lib/recycle-bin).
      filter = sql`exists (select 1 from objectives o where o.team_id = r.team_id and o.id = r.objective_id) and exists (select 1 from objectives o where o.team_id = r.team_id and o.id = r.parent_objective_id)`;
    } else if (table === "objective_links") {
      filter = sql`exists (select 1 from objectives o where o.team_id = r.team_id and o.id = r.cause_id) and exists (select 1 from objectives o where o.team_id = r.team_id and o.id = r.effect_id)`;
    }
    const inserted = rowsOf<{ n: number; total: number }>(
      await tx.execute(sql`
        with src as (select r.* from ${source} r),
        ins as (insert into ${sql.identifier(table)} select r.* from src r where ${filter} returning 1)
        select (select count(*) from ins)::int as n, (select count(*) from src)::int as total`),
    )[0];
    if (inserted && inserted.total > inserted.n) skipped[table] = inserted.total - inserted.n;
  }
  return skipped;
}

/** Removes one entry for good; returns what it was. */
export async function deleteBinItem(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx
    .delete(recycleBinItems)
    .where(and(eq(recycleBinItems.teamId, ctx.teamId), eq(recycleBinItems.id, id)))
    .returning({ id: recycleBinItems.id, entityType: recycleBinItems.entityType, entityId: recycleBinItems.entityId, label: recycleBinItems.label });
  return row;
}

/** Empties the bin; returns what went. */
export async function deleteAllBinItems(tx: Tx, ctx: Ctx) {
  return tx
    .delete(recycleBinItems)
    .where(eq(recycleBinItems.teamId, ctx.teamId))
    .returning({ id: recycleBinItems.id, entityType: recycleBinItems.entityType, entityId: recycleBinItems.entityId, label: recycleBinItems.label });
}

/** Entries whose 30 days are over. */
export async function deleteExpiredBinItems(tx: Tx, ctx: Ctx, now: Date) {
  return tx
    .delete(recycleBinItems)
    .where(and(eq(recycleBinItems.teamId, ctx.teamId), lte(recycleBinItems.purgeAfter, now)))
    .returning({ id: recycleBinItems.id, entityType: recycleBinItems.entityType, entityId: recycleBinItems.entityId, label: recycleBinItems.label });
}

/** A scorecard whose journey is gone since comes back tied to no journey (its stage links are left out). */
export async function untieMissingJourney(tx: Tx, ctx: Ctx, binId: string): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`
      update recycle_bin_items b set snapshot = jsonb_set(b.snapshot, '{scorecards,0,journey_id}', 'null'::jsonb)
      where b.team_id = ${ctx.teamId} and b.id = ${binId}
        and b.snapshot -> 'scorecards' -> 0 ->> 'journey_id' is not null
        and not exists (select 1 from journeys j where j.team_id = b.team_id and j.id = (b.snapshot -> 'scorecards' -> 0 ->> 'journey_id')::uuid)
      returning 1`),
  );
  return rows.length > 0;
}

/** A scorecard whose parent is gone since (deleted, or in the bin itself) comes back at the top of the tree. */
export async function detachMissingParent(tx: Tx, ctx: Ctx, binId: string): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`
      update recycle_bin_items b set snapshot = jsonb_set(b.snapshot, '{scorecards,0,parent_id}', 'null'::jsonb)
      where b.team_id = ${ctx.teamId} and b.id = ${binId}
        and b.snapshot -> 'scorecards' -> 0 ->> 'parent_id' is not null
        and not exists (select 1 from scorecards s where s.team_id = b.team_id and s.id = (b.snapshot -> 'scorecards' -> 0 ->> 'parent_id')::uuid)
      returning 1`),
  );
  return rows.length > 0;
}

/** The restored root gets a new version, so every open client reloads it rather than keep a stale copy. */
export async function bumpRestoredRoot(tx: Tx, ctx: Ctx, kind: BinKind, id: string, now: Date): Promise<number | undefined> {
  const table = sql.identifier(ROOT[kind].table);
  const [row] = rowsOf<{ version: number }>(
    await tx.execute(sql`update ${table} set version = version + 1, updated_at = ${now.toISOString()}::timestamptz where team_id = ${ctx.teamId} and id = ${id} returning version`),
  );
  return row ? Number(row.version) : undefined;
}

/** Ties the scorecards a journey's delete detached back to it, where nobody has tied them elsewhere since. */
export async function retieScorecards(tx: Tx, ctx: Ctx, journeyId: string, scorecardIds: readonly string[], now: Date) {
  if (scorecardIds.length === 0) return [];
  return rowsOf<{ id: string; version: number }>(
    await tx.execute(sql`
      update scorecards set journey_id = ${journeyId}, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
      where team_id = ${ctx.teamId} and journey_id is null and id in (${sql.join(scorecardIds.map((id) => sql`${id}::uuid`), sql`, `)})
      returning id, version`),
  );
}

/** Scorecards tied to a journey (a journey's delete unties them; its restore ties them back). */
export async function listScorecardIdsTiedTo(tx: Tx, ctx: Ctx, journeyId: string): Promise<string[]> {
  const rows = await tx.select({ id: scorecards.id }).from(scorecards).where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.journeyId, journeyId)));
  return rows.map((r) => r.id);
}

/**
 * Every team's id, for the hourly purge that visits each one: the bin is a tenant table under
 * forced RLS, so not even the housekeeping can read it outside a team-bound transaction.
 */
export async function listTeamIdsForBinPurge(): Promise<string[]> {
  const rows = await (await getDb()).select({ id: teams.id }).from(teams);
  return rows.map((r) => r.id);
}
