// Inputs of the recycle bin's actions: which entry (its id is the deletion's id).
import { z } from "zod";

export const binItemSchema = z.object({ itemId: z.string().trim().uuid("Choose an item of the recycle bin") });
export const emptyBinSchema = z.object({ confirm: z.literal("empty", { error: "Confirm that the recycle bin should be emptied" }) });
