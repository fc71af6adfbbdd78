"use server";
// Server action of the history panels: every accepted change of one objective or KPI, in words.
import { teamAction } from "@/lib/actions/team-action";
import { loadEntityHistory } from "@/lib/collaboration/activity-feed";
import { historySchema } from "@/lib/collaboration/validation";

export const entityHistoryAction = teamAction("activity.history", {
  permission: "activity.read",
  schema: historySchema,
  handler: (input, { tx, ctx }) => loadEntityHistory(tx, ctx, input),
});
