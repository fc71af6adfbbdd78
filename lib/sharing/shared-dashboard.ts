// Opening a share link: the token names the team, the secret's hash finds a live link in it,
// the view is counted, and the linked dashboard is built with all its KPI cards — all in one
// team-bound transaction. Its KPI chart pages read through the live link without counting a view.
import { findLiveShareLink, recordShareLinkView } from "@/db/queries/share-links";
import { getTeam } from "@/db/queries/teams";
import type { Tx } from "@/db/client";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { buildDashboardIn, loadAllKpiCardsIn, loadKpiChartIn, type LoadedDashboard } from "@/lib/dashboards/load-dashboard";
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
    const link = await recordShareLinkView(tx, ctx, parsed.tokenHash, now);
    if (!link) return null;
    const team = await getTeam(tx, ctx);
    const loaded = await buildDashboardIn(tx, ctx, team, link.scorecardId, searchParams, now);
    return loaded ? { ...loaded, cards: await loadAllKpiCardsIn(tx, ctx, loaded), teamId: team.id, teamName: team.name, linkId: link.id } : null;
  });
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
