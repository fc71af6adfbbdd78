// The scorecard pages' data, loaded once per request: the layout (header, score, tabs)
// and the page below it share it through React's cache, and requests share it while the
// team's data version stays the same (editor-data.ts).
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-context";
import type { TeamCalendar } from "@/lib/periods";
import { readScorecardEditor } from "./editor-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const getScorecardPage = cache(async (slug: string, scorecardId: string) => {
  const session = await requireTeamPage(slug);
  // A malformed id is as unknown as another team's: the same 404.
  if (!isUuid(scorecardId)) notFound();
  const calendar: TeamCalendar = { timeZone: session.team.timeZone, fiscalYearStartMonth: session.team.fiscalYearStartMonth };
  const kept = await readScorecardEditor(session.ctx, session.team, scorecardId, calendar);
  if (!kept) notFound();
  return { ...session, ...kept.data, calendar, editorView: kept.view };
});
