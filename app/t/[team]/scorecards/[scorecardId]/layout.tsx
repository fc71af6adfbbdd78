// The frame of every scorecard page: name, score and status, who else is here, and the tabs
// (Editor, Measurements, Strategy map, Alignment, Cascade), and its place in the organisation tree:
// the breadcrumb of the units above and links to those below. Each page below has its own <h1>.
import Link from "next/link";
import { ChevronLeft, ChevronRight, GitFork, Pencil } from "lucide-react";
import { PresenceAvatars } from "@/components/realtime/presence-avatars";
import { RollupSummary } from "@/components/scorecards/rollup-summary";
import { UpdateLoopFigures } from "@/components/update-loop/update-loop-figures";
import { CascadeScorecardDialog } from "@/components/scorecards/cascade-scorecard-dialog";
import { EditScorecardDialog } from "@/components/scorecards/scorecard-settings-dialog";
import { ScorecardTabs } from "@/components/scorecards/scorecard-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { getScorecardPage } from "@/lib/scorecards/page-data";
import { scorecardFigures } from "@/lib/update-loop/figures";
import { cascadeScorecardAction, updateScorecardAction } from "../actions";

export default async function ScorecardLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team, evaluated, journeys, journeyName, place } = await getScorecardPage(slug, scorecardId);
  const { scorecard } = evaluated;
  const base = `/t/${team.slug}/scorecards/${scorecard.id}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3" data-print-hidden>
        <nav aria-label="Place in the organisation" data-testid="scorecard-breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
            <li>
              <Link href={`/t/${team.slug}/scorecards`} prefetch={false} className="inline-flex items-center gap-1 hover:text-foreground">
                <ChevronLeft aria-hidden="true" className="size-4" />
                All scorecards
              </Link>
            </li>
            {place.ancestors.map((a) => (
              <li key={a.id} className="inline-flex items-center gap-1">
                <ChevronRight aria-hidden="true" className="size-3" />
                <Link href={`/t/${team.slug}/scorecards/${a.id}`} prefetch={false} className="break-words hover:text-foreground">
                  {a.name}
                </Link>
              </li>
            ))}
            {place.ancestors.length ? (
              <li className="inline-flex items-center gap-1">
                <ChevronRight aria-hidden="true" className="size-3" />
                <span aria-current="page" className="text-foreground">
                  {scorecard.name}
                </span>
              </li>
            ) : null}
          </ol>
        </nav>
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
            {place.children.length ? (
              <nav aria-label="Units below" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="scorecard-children">
                <span className="text-muted-foreground">Units below:</span>
                {place.children.map((c) => (
                  <Link key={c.id} href={`/t/${team.slug}/scorecards/${c.id}`} prefetch={false} className="underline-offset-4 hover:underline">
                    {c.name}
                  </Link>
                ))}
              </nav>
            ) : null}
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-3">
            <PresenceAvatars scope={`scorecard:${scorecard.id}`} />
            {can(ctx.role, "scorecards.write") ? (
              <CascadeScorecardDialog
                action={cascadeScorecardAction}
                team={team.slug}
                scorecard={{ id: scorecard.id, name: scorecard.name }}
                trigger={
                  <Button variant="outline" size="sm">
                    <GitFork aria-hidden="true" />
                    Cascade
                  </Button>
                }
              />
            ) : null}
            {can(ctx.role, "scorecards.write") ? (
              <EditScorecardDialog
                action={updateScorecardAction}
                team={team.slug}
                scorecard={{ id: scorecard.id, name: scorecard.name, description: scorecard.description, journeyId: scorecard.journeyId, parentId: scorecard.parentId, version: scorecard.version }}
                journeys={journeys}
                parents={place.parentOptions}
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
