// Set-based writes of many measurements at once (REST batch, CSV import): a handful of
// statements per chunk whatever its size, each taking the rows as one jsonb parameter, so
// 10,000 values cost four round trips instead of 20,000 and stay far below PostgreSQL's
// 65,535 bind parameters.
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { instant } from "./instant";
import { clock } from "@/lib/clock";

type Ctx = { teamId: string };

export interface BatchCell {
  kpiId: string;
  period: string;
  value: number;
  /** null keeps the stored note (or "" for a new value). */
  note: string | null;
}

export interface StoredCell {
  id: string;
  kpiId: string;
  period: string;
  value: number;
  note: string;
  version: number;
}

/** postgres-js returns the rows, PGlite `{ rows }`: one shape for both engines. */
async function rowsOf(tx: Tx, query: SQL): Promise<Array<Record<string, unknown>>> {
  const result = (await tx.execute(query)) as unknown as { rows?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>;
  return Array.isArray(result) ? result : (result.rows ?? []);
}

const toCell = (r: Record<string, unknown>): StoredCell => ({
  id: String(r.id),
  kpiId: String(r.kpi_id),
  period: String(r.period),
  value: Number(r.value),
  note: String(r.note),
  version: Number(r.version),
});

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** The stored values of these (KPI, period) cells, locked until the transaction ends. */
export async function lockCells(tx: Tx, ctx: Ctx, cells: ReadonlyArray<{ kpiId: string; period: string }>): Promise<StoredCell[]> {
  if (cells.length === 0) return [];
  const rows = await rowsOf(
    tx,
    sql`select m.id, m.kpi_id, m.period::text as period, m.value, m.note, m.version
        from measurements m
        join jsonb_to_recordset(${json(cells.map((c) => ({ k: c.kpiId, p: c.period })))}) as i(k uuid, p date)
          on m.kpi_id = i.k and m.period = i.p
        where m.team_id = ${ctx.teamId}
        order by m.kpi_id, m.period
        for update of m`,
  );
  return rows.map(toCell);
}

/** The activity row's picture of a cell, as saveMeasurements logs it ({ kpiId, period, value, note }). */
const snapshot = (kpiId: string, period: string, value: string, note: string) =>
  sql.raw(`jsonb_build_object('kpiId', ${kpiId}, 'period', ${period}::text, 'value', ${value}, 'note', ${note})`);

/**
 * Inserts new cells and, in the same statement, their "create" activity rows. A cell someone
 * else inserted meanwhile is skipped and returned, to be handled as an update.
 */
export async function insertCellsLogged(
  tx: Tx,
  ctx: Ctx,
  cells: readonly BatchCell[],
  actorId: string | null,
): Promise<{ inserted: number; lastSeq: number | undefined; skipped: Array<{ kpiId: string; period: string }> }> {
  if (cells.length === 0) return { inserted: 0, lastSeq: undefined, skipped: [] };
  const now = instant(clock.now());
  const rows = await rowsOf(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${json(cells.map((c) => ({ k: c.kpiId, p: c.period, v: c.value, n: c.note })))}) as i(k uuid, p date, v float8, n text)
        ), ins as (
          insert into measurements (team_id, kpi_id, period, value, note, entered_by, created_at, updated_at)
          select ${ctx.teamId}, k, p, v, coalesce(n, ''), ${actorId}, ${now}, ${now} from input
          on conflict (team_id, kpi_id, period) do nothing
          returning id, kpi_id, period, value, note
        ), act as (
          insert into activity (team_id, actor_id, entity_type, entity_id, action, field, before, after, created_at)
          select ${ctx.teamId}, ${actorId}, 'measurement', id, 'create', 'value', null, ${snapshot("kpi_id", "period", "value", "note")}, ${now} from ins
          returning seq
        )
        select 'done' as kind, (select count(*) from ins)::text as a, (select max(seq) from act)::text as b
        union all
        select 'skipped', input.k::text, input.p::text from input left join ins on ins.kpi_id = input.k and ins.period = input.p where ins.id is null`,
  );
  const done = rows.find((r) => r.kind === "done")!;
  return {
    inserted: Number(done.a),
    lastSeq: done.b === null ? undefined : Number(done.b),
    skipped: rows.filter((r) => r.kind === "skipped").map((r) => ({ kpiId: String(r.a), period: String(r.b) })),
  };
}

/** Sets new values (and notes) on locked rows by id, versions moving on, and logs each change with its before and after. */
export async function updateCellsLogged(
  tx: Tx,
  ctx: Ctx,
  changes: ReadonlyArray<{ id: string; value: number; note: string; before: { value: number; note: string } }>,
  actorId: string | null,
): Promise<{ updated: number; lastSeq: number | undefined }> {
  if (changes.length === 0) return { updated: 0, lastSeq: undefined };
  const now = instant(clock.now());
  const rows = await rowsOf(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${json(changes.map((c) => ({ id: c.id, v: c.value, n: c.note, bv: c.before.value, bn: c.before.note })))})
            as i(id uuid, v float8, n text, bv float8, bn text)
        ), upd as (
          update measurements m
          set value = input.v, note = input.n, version = m.version + 1, updated_at = ${now}, entered_by = ${actorId}
          from input
          where m.team_id = ${ctx.teamId} and m.id = input.id
          returning m.id, m.kpi_id, m.period, m.value, m.note, input.bv, input.bn
        ), act as (
          insert into activity (team_id, actor_id, entity_type, entity_id, action, field, before, after, created_at)
          select ${ctx.teamId}, ${actorId}, 'measurement', id, 'update', 'value', ${snapshot("kpi_id", "period", "bv", "bn")}, ${snapshot("kpi_id", "period", "value", "note")}, ${now} from upd
          returning seq
        )
        select (select count(*) from upd)::text as updated, (select max(seq) from act)::text as seq`,
  );
  return { updated: Number(rows[0]!.updated), lastSeq: rows[0]!.seq === null ? undefined : Number(rows[0]!.seq) };
}
