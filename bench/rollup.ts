// The dashboard's roll-up as one SQL statement, timed in psql: the floor a dashboard request
// could reach if the database did all the work, against which the route's time is a ratio.
// Scoring follows lib/scoring: linear through (red → 10/3) and (target → 20/3), clamped to
// [0, 10]; a range KPI scores its distance outside the range; stale or missing values are left
// out; weighted means at every level. Quarters assume a January fiscal year (the bench teams').
import { spawnSync } from "node:child_process";
import path from "node:path";
import { median, round } from "./stats";

const UUID = /^[0-9a-f-]{36}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function rollupSql(teamId: string, scorecardId: string, asOf: string): string {
  if (!UUID.test(teamId) || !UUID.test(scorecardId) || !ISO.test(asOf)) throw new Error("rollupSql: bad id or date");
  const team = `'${teamId}'::uuid`;
  const day = `'${asOf}'::date`;
  return `with card_kpis as (
  select k.id, k.objective_id, k.weight, k.direction, k.target, coalesce(k.target_max, k.target) as top, k.red_threshold, k.frequency
  from kpis k join objectives o on o.team_id = k.team_id and o.id = k.objective_id
  where k.team_id = ${team} and o.scorecard_id = '${scorecardId}'::uuid
), latest as (
  select distinct on (m.kpi_id) m.kpi_id, m.period, m.value
  from measurements m
  where m.team_id = ${team} and m.kpi_id in (select id from card_kpis) and m.period <= ${day}
  order by m.kpi_id, m.period desc
), kpi_scores as (
  select c.objective_id, c.weight,
    case
      when l.value is null then null
      when l.period < (case c.frequency when 'weekly' then date_trunc('week', ${day}) - interval '7 days'
                                         when 'monthly' then date_trunc('month', ${day}) - interval '1 month'
                                         else date_trunc('quarter', ${day}) - interval '3 months' end)::date then null
      when c.direction = 'range' then greatest(0, least(10, 10.0/3 + (c.red_threshold - greatest(c.target - l.value, l.value - c.top, 0)) / c.red_threshold * 10.0/3))
      else greatest(0, least(10, 10.0/3 + (l.value - c.red_threshold) / (c.target - c.red_threshold) * 10.0/3))
    end as score
  from card_kpis c left join latest l on l.kpi_id = c.id
), objective_scores as (
  select o.id, o.perspective_id, o.weight,
    sum(k.weight * k.score) filter (where k.score is not null) / nullif(sum(k.weight) filter (where k.score is not null), 0) as score
  from objectives o left join kpi_scores k on k.objective_id = o.id
  where o.team_id = ${team} and o.scorecard_id = '${scorecardId}'::uuid
  group by o.id, o.perspective_id, o.weight
), perspective_scores as (
  select p.id, p.name, p.position, p.weight,
    sum(o.weight * o.score) filter (where o.score is not null) / nullif(sum(o.weight) filter (where o.score is not null), 0) as score
  from perspectives p left join objective_scores o on o.perspective_id = p.id
  where p.team_id = ${team} and p.scorecard_id = '${scorecardId}'::uuid
  group by p.id, p.name, p.position, p.weight
)
select round((sum(weight * score) filter (where score is not null) / nullif(sum(weight) filter (where score is not null), 0))::numeric, 4) as scorecard_score,
  json_agg(json_build_object('name', name, 'score', round(score::numeric, 4)) order by position) as perspectives
from perspective_scores`;
}

export interface RollupTiming {
  /** Median of the timed runs (psql \timing), ms. */
  medianMs: number | null;
  runs: number[];
  scorecardScore: number | null;
  error?: string;
}

/**
 * Runs the statement `runs` times in one psql session under the app's role and RLS binding
 * (as the app's own queries run) and reads psql's "Time:" lines. The first run warms the cache.
 */
export function timeRollupInPsql(pgBin: string, databaseUrl: string, teamId: string, statement: string, runs = 7): RollupTiming {
  const args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", databaseUrl, "-c", `select set_config('app.team_id', '${teamId}', false)`, "-c", "set role cairn_app", "-c", "\\timing on"];
  for (let i = 0; i < runs + 1; i++) args.push("-c", statement);
  const result = spawnSync(path.join(pgBin, "psql"), args, { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) return { medianMs: null, runs: [], scorecardScore: null, error: (result.stderr || result.error?.message || "psql failed").trim().split("\n").slice(-2).join(" ") };
  const times = [...result.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  const timed = times.slice(1);
  const firstRow = result.stdout.split("\n").find((line) => /^\d*\.?\d*\|/.test(line));
  const score = firstRow ? Number(firstRow.split("|")[0]) : NaN;
  return { medianMs: round(median(timed), 2), runs: timed, scorecardScore: Number.isFinite(score) && firstRow?.split("|")[0] !== "" ? score : null };
}
