// GET /t/[team]/journeys — the team's journeys, active or archived (?view=archived), with create, import and row actions.
import type { Metadata } from "next";
import Link from "next/link";
import { Map as MapIcon } from "lucide-react";
import { ImportJourneyDialog } from "@/components/journeys/import-journey-dialog";
import { JourneyRowActions } from "@/components/journeys/journey-row-actions";
import { NewJourneyDialog } from "@/components/journeys/new-journey-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listJourneys } from "@/db/queries/journeys";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team: slug } = await params;
  const archived = (await searchParams).view === "archived";
  const { ctx, team } = await requireTeamPage(slug);
  const { active, archive } = await inTeam(ctx.teamId, async (tx) => ({
    active: await listJourneys(tx, ctx, { archived: false }),
    archive: await listJourneys(tx, ctx, { archived: true }),
  }));
  const journeys = archived ? archive : active;
  const canWrite = can(ctx.role, "journeys.write");
  const canDelete = can(ctx.role, "journeys.delete");
  const base = `/t/${team.slug}/journeys`;
  const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: team.timeZone });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Journeys"
        description="What your customers go through, stage by stage, and how the scorecard serves each stage."
        actions={
          canWrite ? (
            <>
              <ImportJourneyDialog team={team.slug} />
              <NewJourneyDialog team={team.slug} />
            </>
          ) : undefined
        }
      />
      <nav aria-label="Journey lists" className="flex gap-1 border-b">
        {[
          { href: base, label: "Active", count: active.length, current: !archived },
          { href: `${base}?view=archived`, label: "Archived", count: archive.length, current: archived },
        ].map((tab) => (
          <Link
            key={tab.label}
            href={tab.href}
            aria-current={tab.current ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-10 items-center gap-2 border-b-2 px-3 text-sm font-medium",
              tab.current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
            <span className="rounded-full bg-muted px-2 text-xs tabular-nums">{tab.count}</span>
          </Link>
        ))}
      </nav>
      {journeys.length === 0 ? (
        <EmptyState
          icon={<MapIcon />}
          title={archived ? "No archived journeys" : "No journeys yet"}
          description={
            archived
              ? "Archived journeys are kept read-only here until someone restores them."
              : "Map what a customer goes through: start from the six-stage lifecycle, the five-stage funnel, or a blank canvas."
          }
          action={!archived && canWrite ? <NewJourneyDialog team={team.slug} /> : undefined}
        />
      ) : (
        <Table scrollLabel="Journeys">
          <TableHeader>
            <TableRow>
              <TableHead>Journey</TableHead>
              <TableHead>Persona</TableHead>
              <TableHead align="right">Stages</TableHead>
              <TableHead>{archived ? "Archived" : "Updated"}</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {journeys.map((j) => (
              <TableRow key={j.id}>
                <TableCell className="font-medium">
                  <Link href={`${base}/${j.id}`} className="text-primary underline-offset-4 hover:underline">
                    {j.name}
                  </Link>
                  {j.goal ? <p className="max-w-md truncate text-xs font-normal text-muted-foreground">{j.goal}</p> : null}
                </TableCell>
                <TableCell>{j.personaName || <span className="text-muted-foreground">—</span>}</TableCell>
                <TableCell className="text-right tabular-nums">{j.stageCount}</TableCell>
                <TableCell className="whitespace-nowrap">{dateFormat.format(archived && j.archivedAt ? j.archivedAt : j.updatedAt)}</TableCell>
                <TableCell>
                  <JourneyRowActions team={team.slug} journey={{ id: j.id, name: j.name, version: j.version, archived: j.archivedAt !== null }} canWrite={canWrite} canDelete={canDelete} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
