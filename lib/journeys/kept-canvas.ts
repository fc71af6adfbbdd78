// The journey canvas of a request: built from the journey's rows and every objective and KPI
// aligned with its stages (hundreds on an organisation's journey), then kept per journey, team
// day and calendar until the team's data version moves, as the dashboards are.
import { loadJourneyCanvas } from "@/db/queries/journeys";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { teamDataCache } from "@/lib/cache/team-data-cache";
import { clock } from "@/lib/clock";
import { teamToday } from "@/lib/scorecards/evaluate";
import { buildCanvas, type Canvas } from "./canvas";

const canvases = teamDataCache<Canvas | null>(100);

/** The canvas of a journey of the team, or null when the team has no such journey. */
export function loadKeptCanvas(ctx: { teamId: string }, team: Pick<Team, "timeZone" | "fiscalYearStartMonth" | "dataVersion">, journeyId: string, now: Date = clock.now()): Promise<Canvas | null> {
  const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
  const asOf = teamToday(calendar, now);
  return canvases({ id: ctx.teamId, dataVersion: team.dataVersion }, [journeyId, asOf, calendar.timeZone, calendar.fiscalYearStartMonth].join("|"), async () => {
    const data = await inTeam(ctx.teamId, (tx) => loadJourneyCanvas(tx, ctx, journeyId, asOf));
    return data ? buildCanvas(data, asOf, calendar) : null;
  });
}
