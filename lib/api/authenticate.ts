// Authorization: Bearer <key> → the key's team, its creator's current role and the scopes it may
// use now, or a 401. The key's own team id binds the lookup (and row-level security) to that
// team; the creator's membership is joined in the same statement, so a revoked key, a key whose
// creator left, and a demotion all take effect on the very next request (nothing is cached).
import { findActiveApiKey, touchApiKey, type ApiKey } from "@/db/queries/api-keys";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { Role } from "@/lib/auth/permissions";
import { safeEqual } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { bearerToken, effectiveScopes, parseApiKey, type ApiScope } from "./api-key";

export interface ApiCaller {
  key: ApiKey;
  team: Team;
  /** The role in the team, now, of the member who created the key. */
  creatorRole: Role;
  /** The key's scopes that its creator's current role allows: the only ones it may use. */
  scopes: ApiScope[];
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
  return { ...found, scopes: effectiveScopes(found.key.scopes, found.creatorRole) };
}
