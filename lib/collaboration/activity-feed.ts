// The team's activity feed (filters by entity type, person and dates on the team's calendar,
// paged by activity seq) and the history of one objective or KPI, in words.
import type { Tx } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { describeEntities, refKey } from "@/db/queries/entity-refs";
import { listMembers } from "@/db/queries/memberships";
import type { TeamContext } from "@/db/tenant";
import { describeActivity, labelFromRow, type ActivityDescription } from "./activity-format";
import { displayName } from "./mentions";
import type { FeedFilter } from "./validation";

type Ctx = Pick<TeamContext, "teamId">;

export const FEED_PAGE_SIZE = 50;

/** The instant a calendar day starts in `timeZone` (DST-safe: the offset is read at that instant). */
export function zonedDayStart(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export interface FeedEntry extends ActivityDescription {
  id: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  entityType: string;
  entityId: string;
  label: string;
  /** Path inside the team (prefix /t/<slug>), when the entity still has a page. */
  path: string | null;
}

type ActivityRow = Awaited<ReturnType<typeof listActivity>>[number];

async function present(tx: Tx, ctx: Ctx, rows: ActivityRow[]) {
  const members = (await listMembers(tx, ctx)).map((m) => ({ userId: m.userId, name: displayName(m) }));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const entities = await describeEntities(tx, ctx, rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId })));
  // What a row names among ids in before/after (owners, perspectives…) resolves through members only:
  // other ids read as "another item" rather than costing a query each.
  const entries = rows.map((row): FeedEntry => {
    const info = entities.get(refKey(row));
    return {
      ...describeActivity(row, names),
      id: row.id,
      seq: row.seq,
      at: row.createdAt,
      actorId: row.actorId,
      actorName: row.actorName ?? (row.actorId ? (names.get(row.actorId) ?? "A former member") : "Cairn"),
      entityType: row.entityType,
      entityId: row.entityId,
      label: info?.label ?? labelFromRow(row) ?? "(deleted)",
      path: info?.path ?? null,
    };
  });
  return { entries, members };
}

export async function loadActivityFeed(tx: Tx, ctx: Ctx, filter: FeedFilter, calendar: { timeZone: string }, limit = FEED_PAGE_SIZE) {
  const rows = await listActivity(tx, ctx, {
    entityType: filter.type,
    actorId: filter.person,
    beforeSeq: filter.before,
    from: filter.from ? zonedDayStart(filter.from, calendar.timeZone) : undefined,
    until: filter.to ? zonedDayStart(nextDay(filter.to), calendar.timeZone) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const { entries, members } = await present(tx, ctx, page);
  return { entries, members, nextBefore: rows.length > limit ? page.at(-1)!.seq : null };
}

/** Every accepted change of one objective or KPI, newest first (the history panel). */
export async function loadEntityHistory(tx: Tx, ctx: Ctx, ref: { entityType: "objective" | "kpi"; entityId: string }, limit = 200) {
  const rows = await listActivity(tx, ctx, { entityType: ref.entityType, entityId: ref.entityId, limit });
  return (await present(tx, ctx, rows)).entries;
}

/**
 * History rows already loaded by a page (the KPI page reads them for its target history) in
 * words, without another query: the item itself goes without saying in its own history.
 */
export function historyEntries(rows: readonly ActivityRow[], members: ReadonlyArray<{ userId: string; name: string }>): FeedEntry[] {
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return rows.map((row) => ({
    ...describeActivity(row, names),
    id: row.id,
    seq: row.seq,
    at: row.createdAt,
    actorId: row.actorId,
    actorName: row.actorName ?? (row.actorId ? (names.get(row.actorId) ?? "A former member") : "Cairn"),
    entityType: row.entityType,
    entityId: row.entityId,
    label: "",
    path: null,
  }));
}
