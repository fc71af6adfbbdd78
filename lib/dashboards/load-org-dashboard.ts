// Server-side entry of the organisation dashboard: resolve the period as the dashboard does, read
// the subtree through db/queries/org-dashboard in the team-bound transaction, build the model.
import type { Tx } from "@/db/client";
import { loadOrgDashboardSource } from "@/db/queries/org-dashboard";
import { inTeam } from "@/db/tenant";
import { teamDataCache } from "@/lib/cache/team-data-cache";
import { clock } from "@/lib/clock";
import type { TeamCalendar } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";
import type { DashboardTeam } from "./load-dashboard";
import { buildOrgDashboard, type OrgDashboardModel } from "./org-dashboard";
import { resolveDashboardPeriod } from "./period-selection";

type SearchParams = Record<string, string | string[] | undefined>;

// Kept, like the dashboards, until the team's data version moves.
const organisations = teamDataCache<OrgDashboardModel | null>(100);

/** The organisation dashboard of `rootId` inside an open team transaction (the share page opens its own). */
export function buildOrgDashboardIn(tx: Tx, ctx: { teamId: string }, team: DashboardTeam, rootId: string, searchParams: SearchParams, now: Date = clock.now()) {
  return keptOrgDashboard(ctx, team, rootId, searchParams, now, (read) => read(tx));
}

/** The members' organisation page; null when the scorecard is not the team's. */
export function loadOrgDashboard(ctx: { teamId: string }, team: DashboardTeam, rootId: string, searchParams: SearchParams, now: Date = clock.now()) {
  return keptOrgDashboard(ctx, team, rootId, searchParams, now, (read) => inTeam(ctx.teamId, read));
}

function keptOrgDashboard(
  ctx: { teamId: string },
  team: DashboardTeam,
  rootId: string,
  searchParams: SearchParams,
  now: Date,
  inTx: (read: (tx: Tx) => Promise<OrgDashboardModel | null>) => Promise<OrgDashboardModel | null>,
): Promise<OrgDashboardModel | null> {
  const calendar: TeamCalendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
  const today = teamToday(calendar, now);
  const period = resolveDashboardPeriod(searchParams, calendar, today);
  const key = ["org", rootId, today, calendar.timeZone, calendar.fiscalYearStartMonth, JSON.stringify(period)].join("|");
  return organisations({ id: ctx.teamId, dataVersion: team.dataVersion }, key, () =>
    inTx(async (tx) => {
      const source = await loadOrgDashboardSource(tx, ctx, rootId, period.asOf, period.previous.asOf);
      return source ? buildOrgDashboard(source, period, calendar, today) : null;
    }),
  );
}
