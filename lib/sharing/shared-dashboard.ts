// Opening a share link: the token names the team, the secret's hash finds a live link in it,
// the view is counted, and the linked dashboard is built with all its KPI cards — all in one
// team-bound transaction. Its KPI chart pages read through the live link without counting a view.
//
// Executives reopen the same links far more often than the team's data changes: openShareLink
// only finds the link and names what its page shows (link, day, period, with the team's data
// version), so the page can be sent as kept (lib/sharing/share-document.ts) with nothing built.
// Views are counted in memory and written in batches (share-views.ts).
//
// A link that includes the units below (share_links.include_subtree) opens the organisation view
// of its scorecard's subtree, and each unit of it at /share/<token>/units/<id>: never a unit
// above or beside it.
import { loadOrgUnits } from "@/db/queries/org-dashboard";
import { findLiveShareLink, type ShareLinkRow } from "@/db/queries/share-links";
import { getTeam } from "@/db/queries/teams";
import type { Tx } from "@/db/client";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { buildDashboardIn, loadAllKpiCardsIn, loadKpiChartIn, teamCalendar, type LoadedDashboard } from "@/lib/dashboards/load-dashboard";
import { isUuid } from "@/lib/dashboards/ids";
import { buildOrgDashboardIn } from "@/lib/dashboards/load-org-dashboard";
import type { OrgDashboardModel } from "@/lib/dashboards/org-dashboard";
import { resolveDashboardPeriod } from "@/lib/dashboards/period-selection";
import { teamToday } from "@/lib/scorecards/evaluate";
import { countShareView } from "./share-views";
import { parseShareToken } from "./share-token";

export interface SharedDashboard extends LoadedDashboard {
  teamId: string;
  teamName: string;
  linkId: string;
  /** Each perspective's objectives and KPI cards, by perspective id. */
  cards: Record<string, KpiCardsBody>;
}

/**
 * Null for a malformed, unknown, revoked or expired token, and for another team's token with
 * a borrowed team id (the hash is looked up only inside the team the token names): all of them
 * are the same 404 to the visitor.
 */
export async function openSharedDashboard(token: string, searchParams: Record<string, string | string[] | undefined>, now: Date = clock.now()): Promise<SharedDashboard | null> {
  const parsed = parseShareToken(token);
  if (!parsed) return null;
  const ctx = { teamId: parsed.teamId };
  return inTeam(ctx.teamId, async (tx) => {
    const link = await findLiveShareLink(tx, ctx, parsed.tokenHash, now);
    if (!link) return null;
    const shared = await buildShared(tx, ctx, await getTeam(tx, ctx), link, searchParams, now);
    if (shared) countShareView(link, now);
    return shared;
  });
}

async function buildShared(
  tx: Tx,
  ctx: { teamId: string },
  team: Team,
  link: { id: string; scorecardId: string },
  searchParams: SearchParams,
  now: Date,
  scorecardId: string = link.scorecardId,
): Promise<SharedDashboard | null> {
  const loaded = await buildDashboardIn(tx, ctx, team, scorecardId, searchParams, now);
  return loaded ? { ...loaded, cards: await loadAllKpiCardsIn(tx, ctx, loaded), teamId: team.id, teamName: team.name, linkId: link.id } : null;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The scorecard a link shows for `unitId`: its own (no unit asked, or its own asked), or — for a
 * link that includes the units below — a live unit of its subtree. Null for anything else: a
 * unit above or beside it, or any other unit through a link without the option.
 */
export async function sharedUnitId(tx: Tx, ctx: { teamId: string }, link: Pick<ShareLinkRow, "scorecardId" | "includeSubtree">, unitId: string | undefined): Promise<string | null> {
  if (unitId === undefined || unitId === link.scorecardId) return link.scorecardId;
  if (!link.includeSubtree || !isUuid(unitId)) return null;
  const subtree = await loadOrgUnits(tx, ctx, link.scorecardId);
  return subtree?.units.some((u) => u.id === unitId) ? unitId : null;
}

/** A live link opened for its page: the team row (with its data version) and the page's cache key. */
export interface OpenedLink {
  link: ShareLinkRow;
  team: Team;
  /** Link, team day and calendar, and period asked for: with the team's data version, what the page shows. */
  key: string;
}

/**
 * Looks a share link up for its page and counts the view, without building anything: a page kept
 * for `key` at the team's data version can be sent as it is. Null for a dead token.
 */
export async function openShareLink(token: string, searchParams: SearchParams, now: Date = clock.now(), unitId?: string): Promise<OpenedLink | null> {
  const parsed = parseShareToken(token);
  if (!parsed) return null;
  const ctx = { teamId: parsed.teamId };
  const opened = await inTeam(ctx.teamId, async (tx) => {
    const link = await findLiveShareLink(tx, ctx, parsed.tokenHash, now);
    return link ? { link, team: await getTeam(tx, ctx) } : null;
  });
  if (!opened) return null;
  const calendar = teamCalendar(opened.team);
  const today = teamToday(calendar, now);
  const period = resolveDashboardPeriod(searchParams, calendar, today);
  countShareView(opened.link, now);
  return { ...opened, key: [opened.link.id, unitId ?? "", today, calendar.timeZone, calendar.fiscalYearStartMonth, JSON.stringify(period)].join("|") };
}

/**
 * The dashboard behind an opened link (null when its scorecard is gone), in a transaction of its
 * own: the link's scorecard, or the unit `unitId` of its subtree when the link includes the
 * units below (null for any other unit).
 */
export function buildOpenedDashboard(opened: OpenedLink, searchParams: SearchParams, now: Date = clock.now(), unitId?: string): Promise<SharedDashboard | null> {
  const ctx = { teamId: opened.team.id };
  return inTeam(ctx.teamId, async (tx) => {
    const scorecardId = await sharedUnitId(tx, ctx, opened.link, unitId);
    return scorecardId ? buildShared(tx, ctx, opened.team, opened.link, searchParams, now, scorecardId) : null;
  });
}

/** The organisation view of an opened link that includes the units below (null otherwise, or when its scorecard is gone). */
export async function buildOpenedOrganisation(opened: OpenedLink, searchParams: SearchParams, now: Date = clock.now()): Promise<{ model: OrgDashboardModel; teamName: string } | null> {
  if (!opened.link.includeSubtree) return null;
  const ctx = { teamId: opened.team.id };
  const model = await inTeam(ctx.teamId, (tx) => buildOrgDashboardIn(tx, ctx, opened.team, opened.link.scorecardId, searchParams, now));
  return model ? { model, teamName: opened.team.name } : null;
}

/** Reads behind a live link without counting a view (its KPI chart pages). Null for a dead token. */
async function readThroughLiveLink<T>(
  token: string,
  now: Date,
  read: (tx: Tx, ctx: { teamId: string }, team: Team, scorecardId: string, link: ShareLinkRow) => Promise<T | null>,
  unitId?: string,
): Promise<T | null> {
  const parsed = parseShareToken(token);
  if (!parsed) return null;
  const ctx = { teamId: parsed.teamId };
  return inTeam(ctx.teamId, async (tx) => {
    const link = await findLiveShareLink(tx, ctx, parsed.tokenHash, now);
    if (!link) return null;
    const scorecardId = await sharedUnitId(tx, ctx, link, unitId);
    return scorecardId ? read(tx, ctx, await getTeam(tx, ctx), scorecardId, link) : null;
  });
}

/**
 * One KPI's chart page behind a share link, for the dashboard period in `searchParams` (and the
 * unit in its `unit`, for a link that includes the units below). Null for a dead token, a unit
 * the link does not show and a KPI that is not on the shown scorecard. `unitId` is set when the
 * dashboard it belongs to is a unit page of the link (/share/<token>/units/<id>).
 */
export async function openSharedKpiChart(token: string, kpiId: string, searchParams: Record<string, string | string[] | undefined>, now: Date = clock.now()) {
  const unit = searchParams.unit;
  const unitId = Array.isArray(unit) ? unit[0] : unit;
  return readThroughLiveLink(
    token,
    now,
    async (tx, ctx, team, scorecardId, link) => {
      const chart = await loadKpiChartIn(tx, ctx, team, scorecardId, kpiId, searchParams, now);
      return chart ? { ...chart, unitId: link.includeSubtree ? scorecardId : null } : null;
    },
    unitId,
  );
}
