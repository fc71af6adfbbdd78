// Who hears about what: a member mentioned in a comment, and a member who became the owner
// of an objective or a KPI. Rows are written in the caller's transaction, so a change that
// rolls back notifies nobody; the caller's recordChange NOTIFY refreshes the recipients' badge.
import type { Tx } from "@/db/client";
import { describeEntities, type EntityType } from "@/db/queries/entity-refs";
import { insertNotifications } from "@/db/queries/notifications";
import type { TeamContext } from "@/db/tenant";

type Ctx = Pick<TeamContext, "teamId" | "userId">;

/** What the inbox shows when the entity is gone; the live label and path win when it exists. */
export interface NotificationPayload {
  actorId?: string | null;
  label?: string;
  path?: string | null;
  commentId?: string;
  excerpt?: string;
  /** For assignments: what the member became. */
  role?: "owner";
}

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Notifies the members newly mentioned in a comment (on create: all of them; on edit: only
 * those the edit added), never the author.
 */
export async function notifyMentions(
  tx: Tx,
  ctx: Ctx,
  input: { commentId: string; entityType: EntityType; entityId: string; body: string; mentions: readonly string[]; previous?: readonly string[] },
): Promise<string[]> {
  const before = new Set(input.previous ?? []);
  const recipients = input.mentions.filter((id) => id !== ctx.userId && !before.has(id));
  if (recipients.length === 0) return [];
  const info = (await describeEntities(tx, ctx, [{ entityType: input.entityType, entityId: input.entityId }])).get(`${input.entityType}:${input.entityId}`);
  const payload: NotificationPayload = { actorId: ctx.userId, commentId: input.commentId, excerpt: excerpt(input.body), label: info?.label, path: info?.path ?? null };
  await insertNotifications(
    tx,
    ctx,
    recipients.map((userId) => ({ userId, kind: "mention" as const, entityType: input.entityType, entityId: input.entityId, payload })),
  );
  return recipients;
}

/**
 * Called where owners are set (objectives and KPIs, created or edited): when the owner
 * becomes someone other than before and other than the person acting, tell the new owner.
 * Returns whether a notification was written.
 */
export async function notifyAssignment(
  tx: Tx,
  ctx: Ctx,
  change: { entityType: "objective" | "kpi"; entityId: string; from: string | null | undefined; to: string | null | undefined },
): Promise<boolean> {
  const { to } = change;
  if (!to || to === change.from || to === ctx.userId) return false;
  const info = (await describeEntities(tx, ctx, [{ entityType: change.entityType, entityId: change.entityId }])).get(`${change.entityType}:${change.entityId}`);
  const payload: NotificationPayload = { actorId: ctx.userId, role: "owner", label: info?.label, path: info?.path ?? null };
  await insertNotifications(tx, ctx, [{ userId: to, kind: "assignment", entityType: change.entityType, entityId: change.entityId, payload }]);
  return true;
}
