"use server";
// Server actions of the strategy map: add a cause → effect link (refused if it would close a
// cycle) and remove one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/actions/team-action";
import { addObjectiveLink, removeObjectiveLink } from "@/lib/strategy-map/links";
import { uuid } from "@/lib/validation/primitives";

const revalidateScorecard = () => revalidatePath("/t/[team]/scorecards/[scorecardId]", "layout");

export const addLink = teamAction("objectiveLinks.add", {
  permission: "scorecards.write",
  schema: z.object({ scorecardId: uuid("scorecard"), causeId: uuid("Cause"), effectId: uuid("Effect") }),
  async handler(input, { tx, ctx }) {
    const link = await addObjectiveLink(tx, ctx, input);
    return { id: link.id, causeId: link.causeId, effectId: link.effectId };
  },
  after: revalidateScorecard,
});

export const removeLink = teamAction("objectiveLinks.remove", {
  permission: "scorecards.write",
  schema: z.object({ scorecardId: uuid("scorecard"), linkId: uuid("link") }),
  async handler(input, { tx, ctx }) {
    const link = await removeObjectiveLink(tx, ctx, input);
    return { id: link.id };
  },
  after: revalidateScorecard,
});
