"use server";
// Server actions of the team's recycle bin: restore an entry (editors), purge one or empty the
// bin (admins and owners). The page is app/t/[team]/settings/recycle-bin.
import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/team-action";
import { emptyBin, purgeBinItem, restoreFromBin } from "./recycle-bin";
import { binItemSchema, emptyBinSchema } from "./validation";

const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}`, "layout");

export const restoreFromBinAction = teamAction("recycle_bin.restore", {
  permission: "recycle_bin.restore",
  schema: binItemSchema,
  handler: (input, { tx, ctx, team }) => restoreFromBin(tx, ctx, team, input),
  after: refresh,
});

export const purgeBinItemAction = teamAction("recycle_bin.purge", {
  permission: "recycle_bin.purge",
  schema: binItemSchema,
  handler: (input, { tx, ctx }) => purgeBinItem(tx, ctx, input),
  after: refresh,
});

export const emptyBinAction = teamAction("recycle_bin.empty", {
  permission: "recycle_bin.purge",
  schema: emptyBinSchema,
  handler: (_input, { tx, ctx }) => emptyBin(tx, ctx),
  after: refresh,
});
