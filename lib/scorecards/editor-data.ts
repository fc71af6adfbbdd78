// Everything the scorecard editor shows, in a fixed number of queries whatever the
// scorecard's size: the evaluated tree, initiatives, the journey's stages, members, journeys.
// Kept per team data version, as the dashboard is: a warm request reads nothing but the team row.
import type { Tx } from "@/db/client";
import { listScorecardInitiatives } from "@/db/queries/initiatives";
import { listMembers } from "@/db/queries/memberships";
import { loadScorecardPlaceRows } from "@/db/queries/scorecard-place";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { listJourneyStages } from "@/db/queries/scorecards";
import type { Initiative } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { teamDataCache, type TeamVersion } from "@/lib/cache/team-data-cache";
import type { TeamCalendar } from "@/lib/periods";
import { evaluateScorecard, teamToday } from "./evaluate";
import { pushTo } from "@/lib/collections";
import { buildEditorView, type EditorView } from "./editor-view";
import { ancestorsOf, buildOrgTree, flattenOrgTree, subtreeIds } from "./org-tree";

export async function loadScorecardEditor(tx: Tx, ctx: { teamId: string }, scorecardId: string, calendar: TeamCalendar, asOf = teamToday(calendar)) {
  const tree = await loadScorecardTree(tx, ctx, scorecardId, asOf);
  if (!tree) return undefined;
  const initiatives = await listScorecardInitiatives(tx, ctx, scorecardId);
  const stages = await listJourneyStages(tx, ctx, tree.scorecard.journeyId);
  const members = await listMembers(tx, ctx);
  // The journeys, its place in the organisation tree and what its objectives may contribute to:
  // one statement for the three.
  const { journeys, org: orgRows, targets } = await loadScorecardPlaceRows(tx, ctx, scorecardId);
  const org = buildOrgTree(orgRows);
  const ancestors = ancestorsOf(org, scorecardId).map((s) => ({ id: s.id, name: s.name }));
  const below = subtreeIds(org, scorecardId);
  const contributesTo: Record<string, string[]> = {};
  for (const t of targets) for (const id of t.contributorIds) (contributesTo[id] ??= []).push(t.id);
  const initiativesByObjective = new Map<string, Initiative[]>();
  for (const i of initiatives) pushTo(initiativesByObjective, i.objectiveId, i);
  return {
    asOf,
    evaluated: evaluateScorecard(tree, asOf, calendar),
    initiativesByObjective,
    stages,
    members: members.map((m) => ({ userId: m.userId, name: m.name ?? m.email, role: m.role })),
    journeys,
    journeyName: journeys.find((j) => j.id === tree.scorecard.journeyId)?.name ?? null,
    place: {
      ancestors,
      children: (org.byId.get(scorecardId)?.children ?? []).map((c) => ({ id: c.scorecard.id, name: c.scorecard.name })),
      /** Where it may move: anywhere but itself and its own subtree. */
      parentOptions: flattenOrgTree(org)
        .filter((n) => !below.has(n.scorecard.id))
        .map((n) => ({ id: n.scorecard.id, name: n.scorecard.archivedAt ? `${n.scorecard.name} (archived)` : n.scorecard.name, depth: n.depth })),
    },
    contributions: { targets: targets.map((t) => ({ id: t.id, title: t.title, scorecardName: t.scorecardName })), byObjective: contributesTo },
  };
}

export type ScorecardEditorData = NonNullable<Awaited<ReturnType<typeof loadScorecardEditor>>>;

export interface KeptScorecardEditor {
  data: ScorecardEditorData;
  /** The editor page's view of `data`, built on its first use and kept with it. */
  view(): EditorView;
}

// Every scorecard page (its layout reads this) is reread far more often than the team's data
// changes: the read is kept until the team's data version moves (or the day or the calendar).
const kept = teamDataCache<KeptScorecardEditor | null>(200);

/**
 * The editor's data as of today, kept per team data version. `team` is the team row read at the
 * start of the request, before any of this data: an entry of its version is never older than
 * the database. Only for reads; a kept value is shared by requests and must not be changed.
 */
export function readScorecardEditor(ctx: { teamId: string }, team: TeamVersion, scorecardId: string, calendar: TeamCalendar, asOf = teamToday(calendar)): Promise<KeptScorecardEditor | null> {
  const key = [scorecardId, asOf, calendar.timeZone, calendar.fiscalYearStartMonth].join("|");
  return kept(team, key, async () => {
    const data = await inTeam(ctx.teamId, (tx) => loadScorecardEditor(tx, ctx, scorecardId, calendar, asOf));
    if (!data) return null;
    let view: EditorView | undefined;
    return { data, view: () => (view ??= buildEditorView(data, calendar)) };
  });
}
