// Everything the scorecard editor shows, in a fixed number of queries whatever the
// scorecard's size: the evaluated tree, initiatives, the journey's stages, members, journeys.
import type { Tx } from "@/db/client";
import { listScorecardInitiatives } from "@/db/queries/initiatives";
import { listMembers } from "@/db/queries/memberships";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { listJourneyOptions, listJourneyStages } from "@/db/queries/scorecards";
import type { Initiative } from "@/db/schema";
import type { TeamCalendar } from "@/lib/periods";
import { evaluateScorecard, teamToday } from "./evaluate";
import { pushTo } from "@/lib/collections";

export async function loadScorecardEditor(tx: Tx, ctx: { teamId: string }, scorecardId: string, calendar: TeamCalendar, asOf = teamToday(calendar)) {
  const tree = await loadScorecardTree(tx, ctx, scorecardId, asOf);
  if (!tree) return undefined;
  const initiatives = await listScorecardInitiatives(tx, ctx, scorecardId);
  const stages = await listJourneyStages(tx, ctx, tree.scorecard.journeyId);
  const members = await listMembers(tx, ctx);
  const journeys = await listJourneyOptions(tx, ctx);
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
  };
}

export type ScorecardEditorData = NonNullable<Awaited<ReturnType<typeof loadScorecardEditor>>>;
