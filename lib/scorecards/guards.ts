// Checks shared by the scorecard services: owners are members, stages belong to the
// scorecard's journey, the plan has room, and version-conditional deletes explain a miss.
import type { Tx } from "@/db/client";
import { findMembershipByUser } from "@/db/queries/memberships";
import { countActiveScorecards, listJourneyStages, lockScorecardCount } from "@/db/queries/scorecards";
import { findInTeam, staleWrite } from "@/db/queries/versioned";
import type { Team } from "@/db/schema";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { PLANS, scorecardLimit } from "@/lib/billing/plans";
import { AppError, validationError } from "@/lib/errors";

type Ctx = { teamId: string; teamSlug: string };

/** An owner must be a member of the team (any role). */
export async function assertOwnerIsMember(tx: Tx, ctx: { teamId: string }, ownerId: string | null, field = "ownerId"): Promise<void> {
  if (!ownerId) return;
  if (!(await findMembershipByUser(tx, ctx, ownerId))) {
    throw validationError({ [field]: ["Choose an owner among the team's members"] });
  }
}

/** Stages an objective serves must be stages of its scorecard's journey. */
export async function assertStagesOfJourney(tx: Tx, ctx: { teamId: string }, journeyId: string | null, stageIds: readonly string[]): Promise<void> {
  if (stageIds.length === 0) return;
  if (!journeyId) throw validationError({ stageIds: ["This scorecard is not tied to a journey: tie it to one to choose stages"] });
  const allowed = new Set((await listJourneyStages(tx, ctx, journeyId)).map((s) => s.id));
  if (stageIds.some((id) => !allowed.has(id))) throw validationError({ stageIds: ["Choose stages of this scorecard's journey"] });
}

export function billingPath(teamSlug: string): string {
  return `/t/${teamSlug}/settings/billing`;
}

/** Refuses (402) a scorecard beyond the plan's limit; archived scorecards do not count. */
export async function assertScorecardSlot(tx: Tx, ctx: Ctx, team: Pick<Team, "plan" | "subscriptionStatus">): Promise<void> {
  const limit = scorecardLimit(team);
  if (limit === null) return;
  await lockScorecardCount(tx, ctx);
  if ((await countActiveScorecards(tx, ctx)) < limit) return;
  const plan = team.subscriptionStatus === "canceled" ? PLANS.free : PLANS[team.plan];
  throw new AppError(
    "payment_required",
    `The ${plan.name} plan includes ${limit} active scorecard${limit === 1 ? "" : "s"}. Upgrade on the billing page (${billingPath(ctx.teamSlug)}) to add more, or archive one first.`,
  );
}

/** After a version-conditional delete matched nothing: 404 if the row is gone, else 409 with it. */
export async function explainMissedDelete<T extends PgTable & { teamId: PgColumn; id: PgColumn }>(
  tx: Tx,
  table: T,
  ctx: { teamId: string },
  id: string,
  what: string,
): Promise<never> {
  const current = await findInTeam(tx, table, ctx, id);
  if (!current) throw new AppError("not_found", `${what} was not found.`);
  throw await staleWrite(tx, ctx, current as { id: string }, `${what} was changed by someone else since you opened it. Review it before deleting.`);
}
