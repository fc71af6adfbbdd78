// GET /t/[team]/journeys/[journeyId] — the journey canvas: stages × lanes, emotion curve, stage health and the adoption panel.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Download } from "lucide-react";
import { PrintButton } from "@/components/dashboard/print-button";
import { AdoptionPanel } from "@/components/journeys/adoption-panel";
import { EditableJourneyCanvas } from "@/components/journeys/canvas/lazy-journey-canvas";
import { ReadOnlyCanvas } from "@/components/journeys/canvas/read-only-canvas";
import { JourneyDetailsDialog } from "@/components/journeys/journey-details-dialog";
import { RestoreJourneyButton } from "@/components/journeys/restore-journey-button";
import { PresenceAvatars } from "@/components/realtime/presence-avatars";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { canvasForPage } from "@/lib/journeys/canvas";
import { loadKeptCanvas } from "@/lib/journeys/kept-canvas";

type Params = Promise<{ team: string; journeyId: string }>;

/** One load per request, shared by the metadata and the page; another team's or an unknown id is a 404. */
const loadCanvas = cache(async (slug: string, journeyId: string) => {
  const session = await requireTeamPage(slug);
  if (!z.uuid().safeParse(journeyId).success) notFound();
  const canvas = await loadKeptCanvas(session.ctx, session.team, journeyId);
  if (!canvas) notFound();
  return { session, canvas };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { team, journeyId } = await params;
  const { canvas } = await loadCanvas(team, journeyId);
  return { title: canvas.journey.name };
}

export default async function JourneyPage({ params }: { params: Params }) {
  const { team: slug, journeyId } = await params;
  const { session, canvas } = await loadCanvas(slug, journeyId);
  const { ctx, team } = session;
  const { journey } = canvas;
  // Each stage's worst few KPIs; "Show all" fetches the rest (…/stages/<id>/kpis).
  const { stages, adoption } = canvasForPage(canvas);
  const source = { team: team.slug, journeyId: journey.id };
  const canWrite = can(ctx.role, "journeys.write");
  const canEdit = canWrite && !journey.archived;
  const base = `/t/${team.slug}/journeys`;

  return (
    <div className="flex flex-col gap-6 print:gap-3">
      <nav aria-label="Breadcrumb" className="text-sm" data-print-hidden>
        <Link href={base} className="text-primary underline underline-offset-4">
          Journeys
        </Link>
        <span aria-hidden="true" className="px-2 text-muted-foreground">
          /
        </span>
        <span aria-current="page">{journey.name}</span>
      </nav>
      <PageHeader
        title={journey.name}
        description={journey.personaName ? `Persona: ${journey.personaName}` : undefined}
        flush
        actions={
          <>
            <PresenceAvatars scope={`journey:${journey.id}`} />
            {canEdit ? <JourneyDetailsDialog team={team.slug} journey={journey} /> : null}
            <Button variant="outline" asChild>
              <a href={`${base}/${journey.id}/export`} download>
                <Download aria-hidden="true" />
                Export JSON
              </a>
            </Button>
            <PrintButton />
          </>
        }
      >
        {journey.personaDescription ? <p className="max-w-3xl text-sm">{journey.personaDescription}</p> : null}
        {journey.goal ? (
          <p className="max-w-3xl text-sm">
            <span className="font-medium">Goal: </span>
            {journey.goal}
          </p>
        ) : null}
        {journey.description ? <p className="max-w-3xl text-sm text-muted-foreground">{journey.description}</p> : null}
      </PageHeader>
      {journey.archived ? (
        <Alert variant="warning" title="This journey is archived" data-print-hidden>
          <div className="flex flex-col gap-2">
            <span>It is read-only until someone restores it.</span>
            {canWrite ? <RestoreJourneyButton team={team.slug} journeyId={journey.id} version={journey.version} /> : null}
          </div>
        </Alert>
      ) : null}
      {canEdit ? (
        <EditableJourneyCanvas team={team.slug} journeyId={journey.id} journeyName={journey.name} stages={stages} members={canvas.members} />
      ) : (
        <ReadOnlyCanvas team={team.slug} journeyId={journey.id} journeyName={journey.name} stages={stages} />
      )}
      <AdoptionPanel adoption={adoption} source={source} />
    </div>
  );
}
