"use server";
// Server actions of the scorecards list: create, starter kit, rename/retie, archive, restore, delete.
import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/team-action";
import { cascadeScorecard } from "@/lib/scorecards/cascade-scorecard";
import { createScorecard, deleteScorecard, moveScorecard, setScorecardArchived, updateScorecard } from "@/lib/scorecards/manage-scorecards";
import { buildStarterKit } from "@/lib/scorecards/starter-kit";
import {
  scorecardCascadeSchema, scorecardCreateSchema, scorecardDeleteSchema, scorecardMoveSchema, scorecardRefSchema, scorecardUpdateSchema, starterKitSchema,
} from "@/lib/validation/scorecards";

// Every scorecard page hangs under this path; journeys change with the starter kit.
const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => {
  revalidatePath(`/t/${ctx.teamSlug}/scorecards`, "layout");
  revalidatePath(`/t/${ctx.teamSlug}/journeys`, "layout");
};

export const createScorecardAction = teamAction("scorecards.create", {
  permission: "scorecards.write",
  schema: scorecardCreateSchema,
  async handler(input, { tx, ctx, team }) {
    const { scorecard } = await createScorecard(tx, ctx, team, input);
    return { id: scorecard.id, name: scorecard.name };
  },
  after: refresh,
});

export const starterKitAction = teamAction("scorecards.starter_kit", {
  permission: "scorecards.write",
  schema: starterKitSchema,
  async handler(input, { tx, ctx, team }) {
    const built = await buildStarterKit(tx, ctx, team, input);
    return { id: built.scorecard.id, journeyId: built.journey.id, objectives: built.objectives, kpis: built.kpis };
  },
  after: refresh,
});

export const updateScorecardAction = teamAction("scorecards.update", {
  permission: "scorecards.write",
  schema: scorecardUpdateSchema,
  async handler(input, { tx, ctx }) {
    const updated = await updateScorecard(tx, ctx, input);
    return { id: updated.id, version: updated.version, droppedContributions: updated.droppedContributions.length };
  },
  after: refresh,
});

export const archiveScorecardAction = teamAction("scorecards.archive", {
  permission: "scorecards.write",
  schema: scorecardRefSchema,
  async handler(input, { tx, ctx, team }) {
    const updated = await setScorecardArchived(tx, ctx, team, input, true);
    return { id: updated.id, version: updated.version };
  },
  after: refresh,
});

export const restoreScorecardAction = teamAction("scorecards.restore", {
  permission: "scorecards.write",
  schema: scorecardRefSchema,
  async handler(input, { tx, ctx, team }) {
    const updated = await setScorecardArchived(tx, ctx, team, input, false);
    return { id: updated.id, version: updated.version };
  },
  after: refresh,
});

export const deleteScorecardAction = teamAction("scorecards.delete", {
  permission: "scorecards.delete",
  schema: scorecardDeleteSchema,
  async handler(input, { tx, ctx }) {
    const deleted = await deleteScorecard(tx, ctx, input);
    return { id: deleted.id, recycleBinId: deleted.recycleBinId, deletedChildren: deleted.deletedChildren, movedChildren: deleted.movedChildren };
  },
  after: refresh,
});

// Under another scorecard or at the top; contributions that no longer point above are removed (and counted).
export const moveScorecardAction = teamAction("scorecards.move", {
  permission: "scorecards.write",
  schema: scorecardMoveSchema,
  async handler(input, { tx, ctx }) {
    const moved = await moveScorecard(tx, ctx, input);
    return { id: moved.id, version: moved.version, parentId: moved.parentId, droppedContributions: moved.droppedContributions.length };
  },
  after: refresh,
});

export const cascadeScorecardAction = teamAction("scorecards.cascade", {
  permission: "scorecards.write",
  schema: scorecardCascadeSchema,
  async handler(input, { tx, ctx, team }) {
    const { scorecard, objectives } = await cascadeScorecard(tx, ctx, team, input);
    return { id: scorecard.id, name: scorecard.name, objectives };
  },
  after: refresh,
});
