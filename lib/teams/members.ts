import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { clearOwnerships, countByRole, deleteMembership, getMembership, setMemberRole } from "@/db/queries/memberships";
import type { TeamContext } from "@/db/tenant";
import { outranksOrEquals, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

type Ctx = Pick<TeamContext, "teamId" | "userId" | "role" | "membershipId">;

/** Changes a member's role under the house rules: nobody hands out a role above their own, the last owner stays. */
export async function changeMemberRole(tx: Tx, ctx: Ctx, input: { membershipId: string; role: Role; version: number }) {
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (!outranksOrEquals(ctx.role, target.role) || !outranksOrEquals(ctx.role, input.role)) {
    throw new AppError("forbidden", "You cannot manage a role above your own.");
  }
  if (input.role === "owner" && ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
  if (target.role === "owner" && input.role !== "owner" && (await countByRole(tx, ctx)).owner <= 1) {
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

/** Removes a member; their ownerships in this team are cleared so nothing points at someone who left. */
export async function removeMember(tx: Tx, ctx: Ctx, input: { membershipId: string }, options: { self?: boolean } = {}) {
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (!options.self && !outranksOrEquals(ctx.role, target.role)) throw new AppError("forbidden", "You cannot remove a member whose role is above yours.");
  if (target.role === "owner" && (await countByRole(tx, ctx)).owner <= 1) {
    throw new AppError("validation", options.self ? "You are the last owner: transfer ownership before leaving." : "The last owner cannot be removed.");
  }
  await deleteMembership(tx, ctx, target.id);
  await clearOwnerships(tx, ctx, target.userId);
  await recordChange(tx, ctx, {
    actorId: ctx.userId,
    entityType: "membership",
    entityId: target.id,
    action: "delete",
    before: { userId: target.userId, role: target.role },
    reason: options.self ? "left the team" : null,
  });
  return target;
}

/** The owner hands ownership to another member and becomes an admin. */
export async function transferOwnership(tx: Tx, ctx: Ctx, input: { membershipId: string }) {
  if (ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
  const target = await getMembership(tx, ctx, input.membershipId);
  if (!target) throw new AppError("not_found", "This member was not found.");
  if (!ctx.membershipId) throw new AppError("forbidden", "Only a member can transfer ownership.");
  if (target.id === ctx.membershipId) throw new AppError("validation", "You already own this team.", { fieldErrors: { membershipId: ["Choose another member."] } });
  const me = await getMembership(tx, ctx, ctx.membershipId);
  await setMemberRole(tx, ctx, target.id, "owner", target.version);
  await setMemberRole(tx, ctx, ctx.membershipId, "admin", me!.version);
  await recordChange(tx, ctx, [
    { actorId: ctx.userId, entityType: "membership", entityId: target.id, action: "update", field: "role", before: target.role, after: "owner", reason: "ownership transferred" },
    { actorId: ctx.userId, entityType: "membership", entityId: ctx.membershipId, action: "update", field: "role", before: "owner", after: "admin", reason: "ownership transferred" },
  ]);
}
