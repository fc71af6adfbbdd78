// Authorization: Bearer <key> → the key's team and scopes, or a 401. The key's own team id
// binds the lookup (and row-level security) to that team; a revoked key is refused on its
// very next request because nothing about keys is cached.
import { findActiveApiKey, touchApiKey, type ApiKey } from "@/db/queries/api-keys";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { safeEqual } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { bearerToken, parseApiKey } from "./api-key";

export interface ApiCaller {
  key: ApiKey;
  team: Team;
}

export async function authenticateApiKey(authorization: string | null): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("unauthenticated", "Send your API key in the Authorization header: Authorization: Bearer <key>.");
  const parsed = parseApiKey(token);
  // Unknown, malformed and revoked keys get the same answer: nothing tells them apart.
  const refused = new AppError("unauthenticated", "This API key is not valid. It may have been revoked; an admin can create a new one in the team's settings.");
  if (!parsed) throw refused;
  const found = await inTeam(parsed.teamId, async (tx) => {
    const row = await findActiveApiKey(tx, { teamId: parsed.teamId }, parsed.keyHash);
    if (row && safeEqual(row.key.keyHash, parsed.keyHash)) {
      await touchApiKey(tx, { teamId: parsed.teamId }, row.key.id);
      return row;
    }
    return undefined;
  });
  if (!found) throw refused;
  return found;
}
