// The per-team recycle bin: every delete of an objective, KPI, initiative, journey or scorecard
// puts the item and what cascaded from it here for RETENTION_DAYS; editors restore, admins purge,
// the hourly housekeeping purges what is older. Each step is logged as activity (which also
// raises the team's data version, so kept read models are rebuilt) and heard live by the team.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { loadOrgTree } from "@/db/queries/org-tree";
import { findInTeam } from "@/db/queries/versioned";
import {
  bumpRestoredRoot, deleteAllBinItems, deleteBinItem, deleteExpiredBinItems, findBinItemByEntity, insertBinItem, lockBinItem, lockBinTree,
  listTeamIdsForBinPurge, retieScorecards, detachMissingParent, ROOT, untieMissingJourney, writeBackSnapshot, type BinKind,
} from "@/db/queries/recycle-bin";
import { initiatives, journeys, kpis, objectives, perspectives, scorecards, type RecycleBinItem, type Team } from "@/db/schema";
import { inTeam, type TeamContext } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { assertScorecardSlot } from "@/lib/scorecards/guards";
import { dropOffTreeContributions } from "@/lib/scorecards/org-units";

export const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

type Ctx = Pick<TeamContext, "teamId" | "userId">;

export const KIND_LABELS: Record<BinKind, string> = { objective: "Objective", kpi: "KPI", initiative: "Initiative", scorecard: "Scorecard", journey: "Journey" };

export const DELETE_REASON = "Moved to the recycle bin";

export function recycleBinPath(teamSlug: string): string {
  return `/t/${teamSlug}/settings/recycle-bin`;
}

/**
 * Puts the item and everything that will cascade from its delete into the bin. Call it in the
 * deleting transaction just before the (version-conditional) delete; returns undefined when the
 * row is missing or not at `version`, and the caller's delete then explains the miss.
 */
export async function moveToRecycleBin(
  tx: Tx,
  ctx: Ctx,
  input: { kind: BinKind; id: string; version: number; detached?: { scorecardIds?: string[] } },
): Promise<RecycleBinItem | undefined> {
  const root = await lockBinTree(tx, ctx, input.kind, input.id);
  if (!root || root.version !== input.version) return undefined;
  const now = clock.now();
  return insertBinItem(tx, ctx, {
    kind: input.kind,
    entityId: input.id,
    label: root.label,
    parentId: input.kind === "scorecard" ? input.id : root.parentId,
    deletedBy: ctx.userId,
    deletedAt: now,
    purgeAfter: new Date(now.getTime() + RETENTION_DAYS * DAY_MS),
    detached: input.detached,
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "with 3 KPIs, 14 measurements and 1 initiative": what the entry carried besides its root. */
export function describeContents(kind: BinKind, contents: Record<string, number>): string {
  const parts: string[] = [];
  const add = (table: string, one: string, many?: string) => {
    const n = contents[table] ?? 0;
    if (n > 0) parts.push(plural(n, one, many));
  };
  if (kind !== "objective" && kind !== "scorecard") {
    if (kind === "kpi") add("measurements", "measurement");
    if (kind === "kpi") add("kpi_explanations", "reason");
  } else {
    if (kind === "scorecard") add("objectives", "objective");
    add("kpis", "KPI");
    add("measurements", "measurement");
    add("initiatives", "initiative");
    add("objective_links", "strategy-map link");
    add("objective_contributions", "cascade contribution");
  }
  if (kind === "journey") {
    add("stages", "stage");
    add("touchpoints", "touchpoint");
    add("stage_notes", "pain point or opportunity", "pain points and opportunities");
  }
  if (parts.length === 0) return "";
  return `with ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`}`;
}

export function daysLeft(item: Pick<RecycleBinItem, "purgeAfter">, now = clock.now()): number {
  return Math.max(0, Math.ceil((item.purgeAfter.getTime() - now.getTime()) / DAY_MS));
}

async function getItemOrThrow(tx: Tx, ctx: Ctx, binId: string): Promise<RecycleBinItem> {
  const item = await lockBinItem(tx, ctx, binId);
  if (!item) throw new AppError("not_found", "This item is no longer in the recycle bin: it was restored or purged.");
  return item;
}

/** The parent an item needs, when it is gone: named, and whether it waits in the bin itself. */
async function missingParent(tx: Tx, ctx: Ctx, what: string, id: string | undefined, table: typeof objectives | typeof scorecards | typeof perspectives): Promise<string | undefined> {
  if (!id || (await findInTeam(tx, table, ctx, id))) return undefined;
  const binned = await findBinItemByEntity(tx, ctx, id);
  if (binned) return `Its ${what} “${binned.label}” is in the recycle bin too: restore the ${what} first.`;
  return `Its ${what} no longer exists, so it has nowhere to go back to.`;
}

async function assertCanGoBack(tx: Tx, ctx: Ctx & { teamSlug: string }, team: Pick<Team, "plan" | "subscriptionStatus">, item: RecycleBinItem): Promise<void> {
  const root = (item.snapshot[rootTable(item.entityType as BinKind)]?.[0] ?? {}) as Record<string, string | null | undefined>;
  let problem: string | undefined;
  if (item.entityType === "kpi" || item.entityType === "initiative") {
    problem = await missingParent(tx, ctx, "objective", root.objective_id ?? undefined, objectives);
    if (problem && item.parentId) problem = (await missingParent(tx, ctx, "scorecard", item.parentId, scorecards)) ?? problem;
  } else if (item.entityType === "objective") {
    problem =
      (await missingParent(tx, ctx, "scorecard", root.scorecard_id ?? undefined, scorecards)) ??
      (await missingParent(tx, ctx, "perspective", root.perspective_id ?? undefined, perspectives));
  } else if (item.entityType === "scorecard" && !root.archived_at) {
    await assertScorecardSlot(tx, ctx, team);
  }
  if (problem) throw new AppError("conflict", `“${item.label}” cannot be restored yet. ${problem}`);
}

function rootTable(kind: BinKind): string {
  return { objective: "objectives", kpi: "kpis", initiative: "initiatives", scorecard: "scorecards", journey: "journeys" }[kind];
}

export interface RestoreResult {
  kind: BinKind;
  id: string;
  label: string;
  version: number | undefined;
  parentId: string | null;
  /** What could not come back because what it pointed at is gone (e.g. { objective_links: 1 }). */
  skipped: Record<string, number>;
}

/** Puts everything of one entry back as it was, with its history; the entry leaves the bin. */
export async function restoreFromBin(
  tx: Tx,
  ctx: Ctx & { teamSlug: string },
  team: Pick<Team, "plan" | "subscriptionStatus">,
  input: { itemId: string },
): Promise<RestoreResult> {
  const item = await getItemOrThrow(tx, ctx, input.itemId);
  const kind = item.entityType as BinKind;
  await assertCanGoBack(tx, ctx, team, item);
  if (await findInTeam(tx, { objective: objectives, kpi: kpis, initiative: initiatives, scorecard: scorecards, journey: journeys }[kind], ctx, item.entityId)) {
    throw new AppError("conflict", `“${item.label}” is already there.`);
  }
  const untied = kind === "scorecard" ? await untieMissingJourney(tx, ctx, item.id) : false;
  const detached = kind === "scorecard" ? await detachMissingParent(tx, ctx, item.id) : false;
  let skipped: Record<string, number>;
  try {
    skipped = await writeBackSnapshot(tx, ctx, item.id);
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === "23503" || code === "23505") {
      throw new AppError("conflict", `“${item.label}” cannot be restored: something it refers to has changed or gone since it was deleted.`);
    }
    throw error;
  }
  if (untied) skipped.journey = 1;
  if (detached) skipped.parent = 1;
  if (kind === "scorecard" || kind === "objective") {
    // Contributions come back only where their target is still above (the tree may have changed since).
    // Both ends count: it may have received contributions from units moved elsewhere since, so the whole tree is checked.
    const tree = await loadOrgTree(tx, ctx);
    const dropped = await dropOffTreeContributions(tx, ctx, tree, [...tree.byId.keys()], `“${item.label}” was restored where a contribution no longer goes to a scorecard above`);
    if (dropped.length) skipped.objective_contributions = (skipped.objective_contributions ?? 0) + dropped.length;
  }
  const now = clock.now();
  const version = await bumpRestoredRoot(tx, ctx, kind, item.entityId, now);
  const retied = kind === "journey" ? await retieScorecards(tx, ctx, item.entityId, item.detached.scorecardIds ?? [], now) : [];
  await deleteBinItem(tx, ctx, item.id);
  await recordChange(
    tx,
    ctx,
    [
      { actorId: ctx.userId, entityType: kind, entityId: item.entityId, action: "restore", after: { [ROOT[kind].label]: item.label, recycleBinId: item.id } },
      ...retied.map((s) => ({
        actorId: ctx.userId,
        entityType: "scorecard" as const,
        entityId: s.id,
        action: "update" as const,
        field: "journeyId",
        before: null,
        after: item.entityId,
        reason: `Journey "${item.label}" was restored`,
      })),
    ],
    { version, parentId: item.parentId ?? undefined },
  );
  return { kind, id: item.entityId, label: item.label, version, parentId: item.parentId, skipped };
}

/** Removes one entry for good (admins). */
export async function purgeBinItem(tx: Tx, ctx: Ctx, input: { itemId: string }) {
  await getItemOrThrow(tx, ctx, input.itemId);
  const gone = (await deleteBinItem(tx, ctx, input.itemId))!;
  await recordChange(tx, ctx, { actorId: ctx.userId, entityType: gone.entityType, entityId: gone.entityId, action: "purge", before: { label: gone.label } });
  return { id: gone.id, label: gone.label };
}

/** Empties the bin (admins): one activity row per entry. */
export async function emptyBin(tx: Tx, ctx: Ctx): Promise<{ purged: number }> {
  const items = await deleteAllBinItems(tx, ctx);
  await recordChange(
    tx,
    ctx,
    items.map((i) => ({ actorId: ctx.userId, entityType: i.entityType, entityId: i.entityId, action: "purge" as const, before: { label: i.label }, reason: "The recycle bin was emptied" })),
  );
  return { purged: items.length };
}

/** The housekeeping's part: entries past their RETENTION_DAYS go for good. */
export async function purgeExpiredFromBin(tx: Tx, ctx: { teamId: string }, now: Date): Promise<number> {
  const items = await deleteExpiredBinItems(tx, ctx, now);
  await recordChange(
    tx,
    ctx,
    items.map((i) => ({ actorId: null, entityType: i.entityType, entityId: i.entityId, action: "purge" as const, before: { label: i.label }, reason: `Kept ${RETENTION_DAYS} days in the recycle bin` })),
  );
  return items.length;
}

/** Run by the hourly housekeeping (lib/jobs/maintenance.ts): each team's expired entries. */
export async function purgeExpiredRecycleBins(now: Date): Promise<number> {
  let purged = 0;
  for (const teamId of await listTeamIdsForBinPurge()) {
    purged += await inTeam(teamId, (tx) => purgeExpiredFromBin(tx, { teamId }, now));
  }
  return purged;
}

/** The entry a delete just wrote (the API answers with it). */
export async function getBinEntryOrThrow(tx: Tx, ctx: Ctx, binId: string): Promise<RecycleBinItem> {
  return getItemOrThrow(tx, ctx, binId);
}

/** The API's representation of a recycle-bin entry (RecycleBinEntrySchema). */
export function recycleBinEntryJson(item: RecycleBinItem) {
  return {
    id: item.id,
    entityType: item.entityType as "objective" | "kpi",
    entityId: item.entityId,
    label: item.label,
    deletedAt: item.deletedAt.toISOString(),
    purgeAfter: item.purgeAfter.toISOString(),
  };
}
