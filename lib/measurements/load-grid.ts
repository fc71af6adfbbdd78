// The measurements grid's read model, kept per team data version: people reopen and refresh the
// grid (every save refreshes it for everyone looking, through the live stream) far more often than
// one request's values differ from the last one's at the same version.
import { listGridMeasurements } from "@/db/queries/measurements";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { teamDataCache } from "@/lib/cache/team-data-cache";
import { FREQUENCIES, type TeamCalendar } from "@/lib/periods";
import type { EvaluatedScorecard } from "@/lib/scorecards/evaluate";
import { buildMeasurementGrid, firstShownPeriods } from "./grid";
import type { GridModel } from "./grid-model";

const grids = teamDataCache<GridModel>(200);

export interface GridRequest {
  scorecardId: string;
  /** The team row read before `evaluated` was: its data version keys the kept model. */
  team: Pick<Team, "id" | "dataVersion">;
  calendar: TeamCalendar;
  today: string;
  periodsShown: number;
  /** The scorecard evaluated as of `today` (the page has it from the scorecard layout's load). */
  evaluated: EvaluatedScorecard;
}

/** The grid's model: kept while the team's data version stands, else one read of the shown values. */
export function loadMeasurementGrid({ scorecardId, team, calendar, today, periodsShown, evaluated }: GridRequest): Promise<GridModel> {
  const key = [scorecardId, today, calendar.timeZone, calendar.fiscalYearStartMonth, periodsShown].join("|");
  return grids(team, key, async () => {
    const from = firstShownPeriods(today, periodsShown, calendar);
    const kpis = evaluated.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.kpi)));
    const groups = FREQUENCIES.map((f) => ({ kpiIds: kpis.filter((k) => k.frequency === f).map((k) => k.id), from: from[f] }));
    const values = await inTeam(team.id, (tx) => listGridMeasurements(tx, { teamId: team.id }, groups, today));
    return buildMeasurementGrid(evaluated, values, calendar, today, periodsShown);
  });
}
