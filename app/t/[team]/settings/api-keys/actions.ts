"use server";
// Server actions of the API keys page (admins): create a key (its secret is answered once), revoke one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { insertApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { recordChange } from "@/db/queries/changes";
import { teamAction } from "@/lib/actions/team-action";
import { API_SCOPES, newApiKey } from "@/lib/api/api-key";
import { AppError } from "@/lib/errors";
import { requiredText, uuid } from "@/lib/validation/primitives";

const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}/settings/api-keys`);

const scopes = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(API_SCOPES, { error: "Scopes are read and write" }))
    .min(1, "Choose at least one scope: read, write or both")
    .transform((list) => API_SCOPES.filter((s) => list.includes(s))),
);

export const createApiKey = teamAction("api_keys.create", {
  permission: "api_keys.manage",
  schema: z.object({ name: requiredText("Name", 100), scopes }),
  async handler(input, { tx, ctx, user }) {
    const made = newApiKey(ctx.teamId);
    const key = await insertApiKey(tx, ctx, { name: input.name, prefix: made.prefix, keyHash: made.keyHash, scopes: input.scopes, createdBy: user.id });
    // The activity row names the key, never its secret or hash.
    await recordChange(tx, ctx, { actorId: user.id, entityType: "api_key", entityId: key.id, action: "create", after: { name: key.name, prefix: key.prefix, scopes: key.scopes } });
    return { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, secret: made.key };
  },
  after: refresh,
});

export const revokeApiKeyAction = teamAction("api_keys.revoke", {
  permission: "api_keys.manage",
  schema: z.object({ apiKeyId: uuid("API key") }),
  async handler(input, { tx, ctx, user }) {
    const revoked = await revokeApiKey(tx, ctx, input.apiKeyId);
    if (!revoked) throw new AppError("not_found", "This API key was not found or is already revoked.");
    await recordChange(tx, ctx, { actorId: user.id, entityType: "api_key", entityId: revoked.id, action: "delete", before: { name: revoked.name, prefix: revoked.prefix } });
    return { id: revoked.id };
  },
  after: refresh,
});
