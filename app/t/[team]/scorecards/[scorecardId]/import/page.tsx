// GET /t/[team]/scorecards/[scorecardId]/import — import measurements from a CSV (editors and up), and export the KPIs with all their values.
import { Download } from "lucide-react";
import type { Metadata } from "next";
import { CsvImport } from "@/components/csv-import/csv-import";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { getScorecardPage } from "@/lib/scorecards/page-data";

export const metadata: Metadata = { title: "Import and export · Cairn" };

export default async function ImportPage({ params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  // Shared with the scorecard layout (one load per request); another team's scorecard is a 404.
  const { ctx, team, evaluated, calendar, asOf } = await getScorecardPage(slug, scorecardId);
  const kpis = evaluated.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map(({ kpi }) => ({ id: kpi.id, name: kpi.name, unit: kpi.unit, frequency: kpi.frequency }))));
  const base = `/t/${team.slug}/scorecards/${scorecardId}`;
  const api = `/t/${team.slug}/api/scorecards/${scorecardId}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Import and export</h1>
        <p className="text-sm text-muted-foreground">Bring KPI values in from a spreadsheet, or take every value out. Other systems can also use the REST API.</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Import values from a CSV file</CardTitle>
          <CardDescription>
            Periods are named by the date they start ({team.timeZone}, fiscal year from month {calendar.fiscalYearStartMonth}): weeks on Monday, months on the 1st.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {kpis.length === 0 ? (
            <p className="text-sm text-muted-foreground">This scorecard has no KPIs yet: add some in the editor first.</p>
          ) : can(ctx.role, "measurements.write") ? (
            <CsvImport context={{ kpis, calendar, today: asOf }} importUrl={`${api}/import`} measurementsHref={`${base}/measurements`} />
          ) : (
            <p className="text-sm text-muted-foreground">Your role can read values, not import them. Ask an editor or admin.</p>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Export KPIs and values</CardTitle>
          <CardDescription>Every KPI of this scorecard with its targets and all its values, one row per value. The file imports back as it is.</CardDescription>
        </CardHeader>
        <CardContent>
          <a
            href={`${api}/export`}
            download
            className="inline-flex h-10 items-center gap-2 rounded-md border border-input bg-background px-4 text-sm font-medium shadow-xs hover:bg-accent"
          >
            <Download aria-hidden="true" className="size-4" />
            Download CSV
          </a>
        </CardContent>
      </Card>
    </div>
  );
}
