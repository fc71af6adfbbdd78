import type { Tx } from "@/db/client";
import { revokeApiKeysCreatedBy } from "@/db/queries/api-keys";
import type { ActivityEntry } from "@/db/queries/activity";
import { recordChange } from "@/db/queries/changes";
import { clearOwnerships, deleteMembership, getMembership, lockOwners, setMemberRole } from "@/db/queries/memberships";
import { revokeShareLinksCreatedBy } from "@/db/queries/share-links";
import type { Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { outranksOrEquals, takesSeat, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertSeatAvailable } from "./seats";

type Ctx = Pick<TeamContext, "teamId" | "userId" | "role" | "membershipId">;

// Every change that could leave the team without an owner first locks the owners' rows
// (lockOwners) and only then reads and counts: two such changes at once run one after the
// other, and the second sees what the first left. Counting without the lock let two owners
// demote each other, or one leave while the other was demoted, and the team kept no owner.

/** Changes a member's role under the house rules: nobody hands out a role above their own, the last owner stays. */
export async function changeMemberRole(tx: Tx, ctx: Ctx, input: { membershipId: string; role: Role; version: number }) {
  const owners = await lockOwners(tx, ctx);
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (!outranksOrEquals(ctx.role, target.role) || !outranksOrEquals(ctx.role, input.role)) {
    throw new AppError("forbidden", "You cannot manage a role above your own.");
  }
  if (input.role === "owner" && ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
  if (target.role === "owner" && input.role !== "owner" && owners.length <= 1) {
    throw new AppError("validation", "The last owner cannot be demoted: transfer ownership first.", {
      fieldErrors: { role: ["The team must keep at least one owner."] },
    });
  }
  if (target.role === input.role) return target;
  const updated = await setMemberRole(tx, ctx, target.id, input.role, input.version);
  if (!updated) throw new AppError("conflict", "Someone changed this member's role since you opened the page.", { current: target });
  await recordChange(tx, ctx, {
    actorId: ctx.userId,
    entityType: "membership",
    entityId: target.id,
    action: "update",
    field: "role",
    before: target.role,
    after: input.role,
  });
  return { ...target, role: input.role, version: updated.version };
}

/**
 * Removes a member; their ownerships in this team are cleared so nothing points at someone who
 * left, and the API keys and share links they created are revoked: a key or link is access in
 * its creator's name, and it must end with their membership.
 */
export async function removeMember(tx: Tx, ctx: Ctx, input: { membershipId: string }, options: { self?: boolean } = {}) {
  const owners = await lockOwners(tx, ctx);
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (!options.self && !outranksOrEquals(ctx.role, target.role)) throw new AppError("forbidden", "You cannot remove a member whose role is above yours.");
  if (target.role === "owner" && owners.length <= 1) {
    throw new AppError("validation", options.self ? "You are the last owner: transfer ownership before leaving." : "The last owner cannot be removed.");
  }
  await deleteMembership(tx, ctx, target.id);
  await clearOwnerships(tx, ctx, target.userId);
  const keys = await revokeApiKeysCreatedBy(tx, ctx, target.userId);
  const links = await revokeShareLinksCreatedBy(tx, ctx, target.userId);
  const reason = options.self ? "left the team" : "member removed";
  const changes: ActivityEntry[] = [
    {
      actorId: ctx.userId,
      entityType: "membership",
      entityId: target.id,
      action: "delete",
      before: { userId: target.userId, role: target.role },
      reason: options.self ? "left the team" : null,
    },
    ...keys.map((key): ActivityEntry => ({ actorId: ctx.userId, entityType: "api_key", entityId: key.id, action: "delete", before: { name: key.name, prefix: key.prefix }, reason })),
    ...links.map((link): ActivityEntry => ({ actorId: ctx.userId, entityType: "share_link", entityId: link.id, action: "delete", before: { label: link.label }, reason })),
  ];
  await recordChange(tx, ctx, changes);
  return target;
}

/**
 * The owner hands ownership to another member and becomes an admin. A viewer who becomes the
 * owner takes an editor seat, so the plan must have one. Both role writes are conditional, and
 * a write that finds its row changed (the member removed or re-roled meanwhile, or the actor no
 * longer an owner) undoes the whole transfer, so the team never ends up without an owner.
 */
export async function transferOwnership(
  tx: Tx,
  ctx: Ctx & Pick<TeamContext, "teamSlug">,
  team: Team,
  input: { membershipId: string; version?: number },
) {
  if (ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
  if (!ctx.membershipId) throw new AppError("forbidden", "Only a member can transfer ownership.");
  const owners = await lockOwners(tx, ctx);
  const me = owners.find((o) => o.id === ctx.membershipId);
  if (!me) throw new AppError("conflict", "You are no longer an owner of this team: reload the page.");
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (target.id === ctx.membershipId) throw new AppError("validation", "You already own this team.", { fieldErrors: { membershipId: ["Choose another member."] } });
  const changed = new AppError("conflict", "Someone changed this member since you opened the page: reload it and try again.", { current: target });
  if (input.version !== undefined && input.version !== target.version) throw changed;
  if (!takesSeat(target.role)) await assertSeatAvailable(tx, ctx, team, { adding: 1 });
  if (target.role !== "owner" && !(await setMemberRole(tx, ctx, target.id, "owner", target.version))) throw changed;
  if (!(await setMemberRole(tx, ctx, me.id, "admin", me.version))) throw new AppError("conflict", "Your own role changed meanwhile: reload the page.");
  await recordChange(tx, ctx, [
    { actorId: ctx.userId, entityType: "membership", entityId: target.id, action: "update", field: "role", before: target.role, after: "owner", reason: "ownership transferred" },
    { actorId: ctx.userId, entityType: "membership", entityId: ctx.membershipId, action: "update", field: "role", before: "owner", after: "admin", reason: "ownership transferred" },
  ]);
}
