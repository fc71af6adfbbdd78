// What the scorecard pages' frame needs besides the scorecard itself, in ONE statement (the
// editor's page stays within its 10-statement budget, bench/): the journeys it may be tied to,
// every scorecard of the team (its place in the organisation tree, built by lib/scorecards/org-tree),
// and the objectives of the scorecards above it that its objectives may contribute to, each with
// which of its objectives contribute already. The walk up is bounded, so a stored loop cannot hang it.
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import type { OrgScorecard } from "./org-tree";

export interface ContributionTarget {
  id: string;
  title: string;
  scorecardId: string;
  scorecardName: string;
  contributorIds: string[];
}

export interface ScorecardPlaceRows {
  journeys: Array<{ id: string; name: string }>;
  org: OrgScorecard[];
  targets: ContributionTarget[];
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
const parsed = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

export async function loadScorecardPlaceRows(tx: Tx, ctx: { teamId: string }, scorecardId: string): Promise<ScorecardPlaceRows> {
  const t = ctx.teamId;
  const [row] = rowsOf<{ journeys: unknown; org: unknown; targets: unknown }>(
    await tx.execute(sql`
      with recursive up(id, steps) as (
        select s.parent_id, 1 from scorecards s where s.team_id = ${t} and s.id = ${scorecardId} and s.parent_id is not null
        union all
        select s.parent_id, up.steps + 1 from scorecards s join up on s.team_id = ${t} and s.id = up.id
        where s.parent_id is not null and up.steps < 1000
      )
      select
        (select coalesce(json_agg(json_build_object('id', j.id, 'name', j.name) order by j.name), '[]'::json)
           from journeys j where j.team_id = ${t} and j.archived_at is null) as journeys,
        (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'parentId', s.parent_id, 'restricted', s.restricted,
                  'archivedAt', s.archived_at, 'version', s.version) order by s.name), '[]'::json)
           from scorecards s where s.team_id = ${t}) as org,
        (select coalesce(json_agg(json_build_object('id', o.id, 'title', o.title, 'scorecardId', o.scorecard_id, 'scorecardName', a.name,
                  'contributorIds', coalesce((select json_agg(c.objective_id) from objective_contributions c
                     join objectives mine on mine.team_id = c.team_id and mine.id = c.objective_id
                     where c.team_id = o.team_id and c.parent_objective_id = o.id and mine.scorecard_id = ${scorecardId}), '[]'::json))
                  order by a.name, o.position, o.created_at), '[]'::json)
           from objectives o join scorecards a on a.team_id = o.team_id and a.id = o.scorecard_id
           where o.team_id = ${t} and o.scorecard_id in (select id from up)) as targets`),
  );
  const org = parsed<Array<Omit<OrgScorecard, "archivedAt"> & { archivedAt: string | null }>>(row?.org ?? []);
  return {
    journeys: parsed(row?.journeys ?? []),
    org: org.map((s) => ({ ...s, archivedAt: s.archivedAt ? new Date(s.archivedAt) : null })),
    targets: parsed(row?.targets ?? []),
  };
}
