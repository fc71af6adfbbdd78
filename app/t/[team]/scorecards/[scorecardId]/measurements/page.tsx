// GET /t/[team]/scorecards/[scorecardId]/measurements — the measurements grid: values per KPI
// and period, with each KPI's target and latest status and the objective and perspective scores.
import { TableProperties } from "lucide-react";
import Link from "next/link";

import { GridHelp } from "@/components/measurements/grid-help";
import { MeasurementGrid } from "@/components/measurements/measurement-grid";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_PERIODS_SHOWN, MAX_PERIODS_SHOWN } from "@/lib/measurements/grid";
import { loadMeasurementGrid } from "@/lib/measurements/load-grid";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import { deleteMeasurement, measurementHistory, pasteMeasurements, saveMeasurement } from "./actions";
import { explainRedValueAction } from "@/app/t/[team]/my-updates/actions";

export const metadata = { title: "Measurements · Cairn" };

const STEP = 6;

export default async function MeasurementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; scorecardId: string }>;
  searchParams: Promise<{ periods?: string | string[] }>;
}) {
  const { team: slug, scorecardId } = await params;
  // Shared with the scorecard layout (one load per request): the evaluated tree as of today.
  const { ctx, team, evaluated, calendar, asOf: today, members } = await getScorecardPage(slug, scorecardId);
  const requested = Number((await searchParams).periods);
  const shown = Number.isInteger(requested) ? Math.min(MAX_PERIODS_SHOWN, Math.max(1, requested)) : DEFAULT_PERIODS_SHOWN;

  const grid = await loadMeasurementGrid({ scorecardId, team, calendar, today, periodsShown: shown, evaluated });
  const canEdit = can(ctx.role, "measurements.write");
  const base = `/t/${team.slug}/scorecards/${scorecardId}`;
  const periodsLink = (n: number) => `${base}/measurements?periods=${n}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h1 className="text-xl font-semibold">Measurements</h1>
          <p className="text-sm text-muted-foreground">
            {canEdit ? "Actual values per period; statuses and scores update as you save." : "Actual values per period (your role can read them, not change them)."} Showing the
            last {shown} {shown === 1 ? "period" : "periods"} of each frequency, up to today ({today}, {team.timeZone}).
          </p>
        </div>
        {grid.sections.length > 0 ? (
          <div className="flex shrink-0 flex-wrap gap-2" data-print-hidden>
            {shown > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={periodsLink(Math.max(1, shown - STEP))} scroll={false}>
                  Fewer periods
                </Link>
              </Button>
            ) : null}
            {shown < MAX_PERIODS_SHOWN ? (
              <Button asChild variant="outline" size="sm">
                <Link href={periodsLink(Math.min(MAX_PERIODS_SHOWN, shown + STEP))} scroll={false}>
                  Show {STEP} more periods
                </Link>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>

      {grid.sections.length === 0 ? (
        <EmptyState
          icon={<TableProperties />}
          title="No KPIs to measure yet"
          description="Add objectives and KPIs to this scorecard, then come back to enter their values."
          action={
            <Button asChild variant="outline">
              <Link href={base}>Open the scorecard editor</Link>
            </Button>
          }
        />
      ) : (
        <MeasurementGrid
          team={team.slug}
          scorecardId={scorecardId}
          canEdit={canEdit}
          grid={grid}
          actions={{ save: saveMeasurement, paste: pasteMeasurements, remove: deleteMeasurement, history: measurementHistory }}
          help={<GridHelp />}
          redReason={canEdit ? { members, currentUserId: ctx.userId, explain: explainRedValueAction } : undefined}
        />
      )}
    </div>
  );
}
