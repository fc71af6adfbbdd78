// "Cascade" on a scorecard: a child unit whose objectives start as copies of the parent's (same
// perspective kind, title and description), each contributing to the objective it copies. The team
// edits them afterwards. One transaction: the plan's limit, the scorecard, its perspectives, the
// objectives and their contributions, or nothing.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { insertContributions } from "@/db/queries/contributions";
import { insertObjectives } from "@/db/queries/objectives";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import type { Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { createScorecard } from "./manage-scorecards";

type Ctx = Pick<TeamContext, "teamId" | "teamSlug" | "userId">;

export async function cascadeScorecard(tx: Tx, ctx: Ctx, team: Pick<Team, "plan" | "subscriptionStatus">, input: { scorecardId: string; name: string }) {
  // The tree's KPIs and values are not needed; any date will do for the read.
  const parent = await loadScorecardTree(tx, ctx, input.scorecardId, "1970-01-01");
  if (!parent) throw new AppError("not_found", "This scorecard was not found.");
  // The child serves the same customers: it keeps the parent's journey (its stage links are not copied).
  const { scorecard, perspectives } = await createScorecard(tx, ctx, team, {
    name: input.name,
    description: "",
    journeyId: parent.scorecard.journeyId,
    parentId: parent.scorecard.id,
  });
  const kindOf = new Map(parent.perspectives.map((p) => [p.id, p.kind]));
  const targetPerspective = new Map<string, string>();
  for (const p of perspectives) if (!targetPerspective.has(p.kind)) targetPerspective.set(p.kind, p.id);
  const sources = parent.objectives.filter((o) => targetPerspective.has(kindOf.get(o.perspectiveId)!));
  const copies = await insertObjectives(
    tx,
    ctx,
    sources.map((o) => ({
      scorecardId: scorecard.id,
      perspectiveId: targetPerspective.get(kindOf.get(o.perspectiveId)!)!,
      title: o.title,
      description: o.description,
      weight: o.weight,
      position: o.position,
    })),
  );
  await insertContributions(tx, ctx, copies.map((copy, i) => ({ objectiveId: copy.id, parentObjectiveId: sources[i]!.id })));
  await recordChange(
    tx,
    ctx,
    copies.map((copy, i) => ({
      actorId: ctx.userId,
      entityType: "objective" as const,
      entityId: copy.id,
      action: "create" as const,
      after: { title: copy.title, contributesTo: [sources[i]!.id] },
      reason: `Cascaded from “${parent.scorecard.name}”`,
    })),
    { parentId: scorecard.id },
  );
  return { scorecard, objectives: copies.length };
}
