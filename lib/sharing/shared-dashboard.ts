// Opening a share link: the token names the team, the secret's hash finds a live link in it,
// the view is counted, and the linked dashboard is built with all its KPI cards — all in one
// team-bound transaction. Its KPI chart pages read through the live link without counting a view.
//
// Executives reopen the same links far more often than the team's data changes: openShareLink
// only finds the link and names what its page shows (link, day, period, with the team's data
// version), so the page can be sent as kept (lib/sharing/share-document.ts) with nothing built.
// Views are counted in memory and written in batches (share-views.ts).
import { findLiveShareLink, type ShareLinkRow } from "@/db/queries/share-links";
import { getTeam } from "@/db/queries/teams";
import type { Tx } from "@/db/client";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { buildDashboardIn, loadAllKpiCardsIn, loadKpiChartIn, teamCalendar, type LoadedDashboard } from "@/lib/dashboards/load-dashboard";
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

async function buildShared(tx: Tx, ctx: { teamId: string }, team: Team, link: { id: string; scorecardId: string }, searchParams: SearchParams, now: Date): Promise<SharedDashboard | null> {
  const loaded = await buildDashboardIn(tx, ctx, team, link.scorecardId, searchParams, now);
  return loaded ? { ...loaded, cards: await loadAllKpiCardsIn(tx, ctx, loaded), teamId: team.id, teamName: team.name, linkId: link.id } : null;
}

type SearchParams = Record<string, string | string[] | undefined>;

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
export async function openShareLink(token: string, searchParams: SearchParams, now: Date = clock.now()): Promise<OpenedLink | null> {
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
  return { ...opened, key: [opened.link.id, today, calendar.timeZone, calendar.fiscalYearStartMonth, JSON.stringify(period)].join("|") };
}

/** The dashboard behind an opened link (null when its scorecard is gone), in a transaction of its own. */
export function buildOpenedDashboard(opened: OpenedLink, searchParams: SearchParams, now: Date = clock.now()): Promise<SharedDashboard | null> {
  const ctx = { teamId: opened.team.id };
  return inTeam(ctx.teamId, (tx) => buildShared(tx, ctx, opened.team, opened.link, searchParams, now));
}

/** Reads behind a live link without counting a view (its KPI chart pages). Null for a dead token. */
async function readThroughLiveLink<T>(
  token: string,
  now: Date,
  read: (tx: Tx, ctx: { teamId: string }, team: Team, scorecardId: string) => Promise<T | null>,
): Promise<T | null> {
  const parsed = parseShareToken(token);
  if (!parsed) return null;
  const ctx = { teamId: parsed.teamId };
  return inTeam(ctx.teamId, async (tx) => {
    const link = await findLiveShareLink(tx, ctx, parsed.tokenHash, now);
    if (!link) return null;
    return read(tx, ctx, await getTeam(tx, ctx), link.scorecardId);
  });
}

/** One KPI's chart page behind a share link, for the dashboard period in `searchParams`. Null for a dead token and a KPI that is not on the shared scorecard. */
export function openSharedKpiChart(token: string, kpiId: string, searchParams: Record<string, string | string[] | undefined>, now: Date = clock.now()) {
  return readThroughLiveLink(token, now, (tx, ctx, team, scorecardId) => loadKpiChartIn(tx, ctx, team, scorecardId, kpiId, searchParams, now));
}
