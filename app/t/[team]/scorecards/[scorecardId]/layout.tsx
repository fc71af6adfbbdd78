// The frame of every scorecard page: name, score and status, who else is here, and the tabs
// (Editor, Measurements, Strategy map, Alignment). Each page below has its own <h1>.
import Link from "next/link";
import { ChevronLeft, Pencil } from "lucide-react";
import { PresenceAvatars } from "@/components/realtime/presence-avatars";
import { RollupSummary } from "@/components/scorecards/rollup-summary";
import { UpdateLoopFigures } from "@/components/update-loop/update-loop-figures";
import { EditScorecardDialog } from "@/components/scorecards/scorecard-settings-dialog";
import { ScorecardTabs } from "@/components/scorecards/scorecard-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import { scorecardFigures } from "@/lib/update-loop/figures";
import { updateScorecardAction } from "../actions";

export default async function ScorecardLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team, evaluated, journeys, journeyName } = await getScorecardPage(slug, scorecardId);
  const { scorecard } = evaluated;
  const base = `/t/${team.slug}/scorecards/${scorecard.id}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3" data-print-hidden>
        <Link href={`/t/${team.slug}/scorecards`} prefetch={false} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft aria-hidden="true" className="size-4" />
          All scorecards
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex min-w-0 flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight break-words" data-testid="scorecard-name">
              {scorecard.name}
              {scorecard.archivedAt ? <Badge variant="outline">Archived</Badge> : null}
            </p>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground">
              <RollupSummary rollup={evaluated.rollup} of="Scorecard" counted="perspectives" testId="scorecard-score" />
              <UpdateLoopFigures figures={scorecardFigures(evaluated)} compact />
              <span>{journeyName ? <>Journey: {journeyName}</> : "Not tied to a journey"}</span>
            </div>
            {scorecard.description ? <p className="max-w-3xl text-sm text-muted-foreground">{scorecard.description}</p> : null}
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-3">
            <PresenceAvatars scope={`scorecard:${scorecard.id}`} />
            {can(ctx.role, "scorecards.write") ? (
              <EditScorecardDialog
                action={updateScorecardAction}
                team={team.slug}
                scorecard={{ id: scorecard.id, name: scorecard.name, description: scorecard.description, journeyId: scorecard.journeyId, version: scorecard.version }}
                journeys={journeys}
                trigger={
                  <Button variant="outline" size="sm">
                    <Pencil aria-hidden="true" />
                    Settings
                  </Button>
                }
              />
            ) : null}
          </div>
        </div>
        <ScorecardTabs base={base} />
      </div>
      {children}
    </div>
  );
}
