// A member's inbox in one team: mentions and assignments (stored, read or unread), and the
// KPIs they own that still owe a value for the current period (computed on every read).
import type { Tx } from "@/db/client";
import { describeEntities, refKey } from "@/db/queries/entity-refs";
import { listMembers } from "@/db/queries/memberships";
import { inboxCounts, listDueKpis, listNotifications, type CurrentPeriods } from "@/db/queries/notifications";
import type { TeamContext } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { currentPeriod, type TeamCalendar } from "@/lib/periods";
import { displayName } from "./mentions";
import type { NotificationPayload } from "./notify";

type Ctx = Pick<TeamContext, "teamId">;

export function currentPeriods(now: Date, calendar: TeamCalendar): CurrentPeriods {
  return {
    weekly: currentPeriod(now, "weekly", calendar),
    monthly: currentPeriod(now, "monthly", calendar),
    quarterly: currentPeriod(now, "quarterly", calendar),
  };
}

export interface InboxItem {
  id: string;
  kind: "mention" | "assignment" | "kpi_due";
  entityType: string;
  entityId: string;
  read: boolean;
  createdAt: Date;
  actorName: string | null;
  label: string;
  /** Path inside the team; null when the entity is gone. */
  path: string | null;
  excerpt: string | null;
}

export async function loadInbox(tx: Tx, ctx: Ctx, userId: string, calendar: TeamCalendar, now = clock.now(), limit = 100) {
  const rows = await listNotifications(tx, ctx, userId, { limit });
  const entities = await describeEntities(tx, ctx, rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId })));
  const names = new Map((await listMembers(tx, ctx)).map((m) => [m.userId, displayName(m)]));
  const items = rows.map((row): InboxItem => {
    const payload = (row.payload ?? {}) as NotificationPayload;
    const info = entities.get(refKey(row));
    return {
      id: row.id,
      kind: row.kind,
      entityType: row.entityType,
      entityId: row.entityId,
      read: row.readAt !== null,
      createdAt: row.createdAt,
      actorName: payload.actorId ? (names.get(payload.actorId) ?? "A former member") : null,
      label: info?.label ?? payload.label ?? "(deleted)",
      path: info ? info.path : null,
      excerpt: payload.excerpt ?? null,
    };
  });
  const due = await listDueKpis(tx, ctx, currentPeriods(now, calendar), userId);
  return { items, due };
}

/** The header badge: unread notifications plus KPIs due. */
export async function getInboxCounts(tx: Tx, ctx: Ctx, userId: string, calendar: TeamCalendar, now = clock.now()) {
  return inboxCounts(tx, ctx, userId, currentPeriods(now, calendar));
}
