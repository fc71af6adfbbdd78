// Server-side entry points of the dashboards: resolve the period on the team's calendar, read
// through db/queries inside the team-bound transaction, and build the model.
import type { Tx } from "@/db/client";
import { findScorecardKpi, loadDashboardSource, loadKpiMeasurements, loadTeamOverview } from "@/db/queries/dashboards";
import { inTeam } from "@/db/tenant";
import type { Team } from "@/db/schema";
import { teamDataCache } from "@/lib/cache/team-data-cache";
import { clock } from "@/lib/clock";
import { teamToday } from "@/lib/scorecards/evaluate";
import type { TeamCalendar } from "@/lib/periods";
import { buildDashboard, kpiHistories, type DashboardModel, type KpiView } from "./build-dashboard";
import { kpiCards, objectiveRows, type KpiCardsBody } from "./kpi-cards";
import { earliestOverlappingPeriodStart, resolveDashboardPeriod, type DashboardPeriod } from "./period-selection";
import { summarizeTeam } from "./team-overview";

type SearchParams = Record<string, string | string[] | undefined>;

export function teamCalendar(team: Pick<Team, "timeZone" | "fiscalYearStartMonth">): TeamCalendar {
  return { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
}

export interface LoadedDashboard {
  model: DashboardModel;
  calendar: TeamCalendar;
  today: string;
}

/** What the dashboard needs of the team row: its calendar, and the data version it was read at. */
export type DashboardTeam = Pick<Team, "timeZone" | "fiscalYearStartMonth" | "dataVersion">;

// Executives reread dashboards far more often than the team's data changes: a built model is
// kept until the team's data version moves (and the day, the period or the calendar differ).
const dashboards = teamDataCache<LoadedDashboard | null>(200);

/** The dashboard inside an open team transaction (the share page opens its own). */
export function buildDashboardIn(tx: Tx, ctx: { teamId: string }, team: DashboardTeam, scorecardId: string, searchParams: SearchParams, now: Date = clock.now()): Promise<LoadedDashboard | null> {
  return keptDashboard(ctx, team, scorecardId, searchParams, now, (read) => read(tx));
}

/** The members' dashboard page: a kept model needs no transaction at all. */
export function loadDashboard(ctx: { teamId: string }, team: DashboardTeam, scorecardId: string, searchParams: SearchParams, now: Date = clock.now()): Promise<LoadedDashboard | null> {
  return keptDashboard(ctx, team, scorecardId, searchParams, now, (read) => inTeam(ctx.teamId, read));
}

async function keptDashboard(
  ctx: { teamId: string },
  team: DashboardTeam,
  scorecardId: string,
  searchParams: SearchParams,
  now: Date,
  inTx: (read: (tx: Tx) => Promise<LoadedDashboard | null>) => Promise<LoadedDashboard | null>,
): Promise<LoadedDashboard | null> {
  const calendar = teamCalendar(team);
  const today = teamToday(calendar, now);
  const period = resolveDashboardPeriod(searchParams, calendar, today);
  const key = [scorecardId, today, calendar.timeZone, calendar.fiscalYearStartMonth, JSON.stringify(period)].join("|");
  return dashboards({ id: ctx.teamId, dataVersion: team.dataVersion }, key, () =>
    inTx(async (tx) => {
      const source = await loadDashboardSource(tx, ctx, scorecardId, period.asOf, period.previous.asOf);
      return source ? { model: buildDashboard(source, period, calendar, today), calendar, today } : null;
    }),
  );
}

export async function loadKpiCards(ctx: { teamId: string }, team: DashboardTeam, scorecardId: string, perspectiveId: string, searchParams: SearchParams, now?: Date): Promise<KpiCardsBody | null> {
  return inTeam(ctx.teamId, (tx) => loadKpiCardsIn(tx, ctx, team, scorecardId, perspectiveId, searchParams, now));
}

/**
 * One perspective's objectives and KPI cards, with the values of the dashboard's history window:
 * what the browser fetches when that part of the dashboard comes into view. Null when the
 * scorecard is not the team's or the perspective is not on it.
 */
export async function loadKpiCardsIn(
  tx: Tx,
  ctx: { teamId: string },
  team: DashboardTeam,
  scorecardId: string,
  perspectiveId: string,
  searchParams: SearchParams,
  now?: Date,
): Promise<KpiCardsBody | null> {
  const loaded = await buildDashboardIn(tx, ctx, team, scorecardId, searchParams, now);
  const perspective = loaded?.model.perspectives.find((p) => p.id === perspectiveId);
  if (!loaded || !perspective) return null;
  const kpis = perspective.objectives.flatMap((o) => o.kpis);
  const rows = await loadKpiMeasurements(tx, ctx, kpis.map((k) => k.id), loaded.model.period.history);
  return { objectives: objectiveRows(perspective.objectives), kpis: kpiCards(kpis, rows, loaded.calendar) };
}

/**
 * Every perspective's objectives and KPI cards at once, keyed by perspective id, with one read of
 * measurements: for the share page, which renders them all on the server.
 */
export async function loadAllKpiCardsIn(tx: Tx, ctx: { teamId: string }, loaded: LoadedDashboard): Promise<Record<string, KpiCardsBody>> {
  const { perspectives, period } = loaded.model;
  const rows = await loadKpiMeasurements(tx, ctx, perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.id))), period.history);
  return Object.fromEntries(
    perspectives.map((p) => [p.id, { objectives: objectiveRows(p.objectives), kpis: kpiCards(p.objectives.flatMap((o) => o.kpis), rows, loaded.calendar) }]),
  );
}

export type KpiHistoryPoint = ReturnType<typeof kpiHistories>[string][number];

export interface KpiChart {
  kpi: KpiView;
  points: KpiHistoryPoint[];
}

/**
 * One KPI of the dashboard with its values over the dashboard's history window (the period read
 * from `searchParams` as the dashboard reads it): the share page's chart page. Null when the KPI
 * is not on the scorecard.
 */
export async function loadKpiChartIn(
  tx: Tx,
  ctx: { teamId: string },
  team: DashboardTeam,
  scorecardId: string,
  kpiId: string,
  searchParams: SearchParams,
  now?: Date,
): Promise<(KpiChart & { dashboard: DashboardModel }) | null> {
  const loaded = await buildDashboardIn(tx, ctx, team, scorecardId, searchParams, now);
  const kpi = loaded?.model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.id === kpiId);
  if (!loaded || !kpi) return null;
  const rows = await loadKpiMeasurements(tx, ctx, [kpi.id], loaded.model.period.history);
  return { dashboard: loaded.model, kpi, points: kpiHistories([kpi], rows, loaded.calendar)[kpi.id] ?? [] };
}

/**
 * One KPI's values in a history window, labelled by period: the detail chart's data, read only
 * when someone opens the chart. Null when the KPI is not on this scorecard.
 */
export async function loadKpiHistoryIn(
  tx: Tx,
  ctx: { teamId: string },
  team: Pick<Team, "timeZone" | "fiscalYearStartMonth">,
  scorecardId: string,
  kpiId: string,
  window: { from: string; to: string },
): Promise<KpiHistoryPoint[] | null> {
  const kpi = await findScorecardKpi(tx, ctx, scorecardId, kpiId);
  if (!kpi) return null;
  const rows = await loadKpiMeasurements(tx, ctx, [kpi.id], window);
  return kpiHistories([kpi], rows, teamCalendar(team))[kpi.id] ?? [];
}

/** The measurements the CSV export lists: every period that overlaps the selected range. */
export async function loadExportMeasurements(tx: Tx, ctx: { teamId: string }, model: DashboardModel, calendar: TeamCalendar) {
  const kpiIds = model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.id)));
  const period: DashboardPeriod = model.period;
  return loadKpiMeasurements(tx, ctx, kpiIds, { from: earliestOverlappingPeriodStart(period.from, calendar), to: period.to });
}

export type TeamSummary = ReturnType<typeof summarizeTeam> & { period: DashboardPeriod };

// The overview reads every KPI of the team: kept, like the dashboards, until its data version moves.
const summaries = teamDataCache<TeamSummary>(200);

/** The team overview (and the dashboards list) for the current month, compared with the last. */
export async function loadTeamSummary(ctx: { teamId: string }, team: DashboardTeam, now: Date = clock.now()): Promise<TeamSummary> {
  const calendar = teamCalendar(team);
  const today = teamToday(calendar, now);
  const period = resolveDashboardPeriod({}, calendar, today);
  const key = [today, calendar.timeZone, calendar.fiscalYearStartMonth].join("|");
  return summaries({ id: ctx.teamId, dataVersion: team.dataVersion }, key, async () => {
    const rows = await inTeam(ctx.teamId, (tx) => loadTeamOverview(tx, ctx, period.asOf, period.previous.asOf));
    return { ...summarizeTeam(rows, period.asOf, period.previous.asOf, calendar), period };
  });
}
