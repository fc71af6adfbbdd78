// GET /t/[team]/dashboards/[scorecardId]/sharing — create, list and revoke read-only links to one dashboard (editors and up).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Link2 } from "lucide-react";
import { RevokeShareLinkButton } from "@/components/dashboard/revoke-share-link-button";
import { ShareLinkForm } from "@/components/dashboard/share-link-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { findDashboardScorecard } from "@/db/queries/dashboards";
import { listShareLinks } from "@/db/queries/share-links";
import { inTeam } from "@/db/tenant";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { clock } from "@/lib/clock";
import { isUuid } from "@/lib/dashboards/ids";
import { shareLinkState, type ShareLinkState } from "@/lib/sharing/share-token";
import { flushShareViews } from "@/lib/sharing/share-views";
import { createShareLink, revokeShareLink } from "../../actions";

export const metadata: Metadata = { title: "Share dashboard" };

const STATE_LABEL: Record<ShareLinkState, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

export default async function SharingPage({ params }: { params: Promise<{ team: string; scorecardId: string }> }) {
  const { team: slug, scorecardId } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "share_links.manage");
  if (!isUuid(scorecardId)) notFound();
  // This instance's views not yet written (share-views.ts batches them) count in the list too.
  await flushShareViews();
  const data = await inTeam(ctx.teamId, async (tx) => {
    const scorecard = await findDashboardScorecard(tx, ctx, scorecardId);
    return scorecard ? { scorecard, links: await listShareLinks(tx, ctx, scorecardId) } : null;
  });
  if (!data) notFound();

  const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: team.timeZone });
  const when = (d: Date | null, none: string) => (d ? dateTime.format(d) : none);
  const now = clock.now();
  const dashboardPath = `/t/${team.slug}/dashboards/${scorecardId}`;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={dashboardPath} className="inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          Back to the dashboard
        </Link>
      </div>
      <PageHeader
        title={`Share “${data.scorecard.name}”`}
        description="A share link opens a read-only copy of this dashboard without signing in: no edit controls, no e-mail addresses. Only a hash of the link is stored."
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">New link</CardTitle>
          <CardDescription>The link is shown once. Give it a label so you know whom to ask before revoking it.</CardDescription>
        </CardHeader>
        <CardContent>
          <ShareLinkForm action={createShareLink} team={team.slug} scorecardId={scorecardId} />
        </CardContent>
      </Card>
      <section aria-labelledby="links-heading" className="flex flex-col gap-3">
        <h2 id="links-heading" className="text-lg font-semibold">
          Links
        </h2>
        {data.links.length === 0 ? (
          <EmptyState icon={<Link2 />} titleAs="h3" title="No share links yet" description="Create one above to give an executive or a board member a read-only view." />
        ) : (
          <Table scrollLabel="Share links">
            <TableHeader>
              <TableRow>
                <TableHead>Label</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead align="right">Views</TableHead>
                <TableHead>Last viewed</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.links.map((link) => {
                const state = shareLinkState(link, now);
                return (
                  <TableRow key={link.id} data-testid="share-link-row">
                    <TableCell className="font-medium">
                      {link.label || <span className="text-muted-foreground">No label</span>}
                      {link.includeSubtree ? <span className="block text-xs font-normal text-muted-foreground">With the units below</span> : null}
                    </TableCell>
                    <TableCell>
                      <Badge variant={state === "active" ? "secondary" : "outline"}>{STATE_LABEL[state]}</Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {when(link.createdAt, "—")}
                      {link.createdByName ? <span className="block text-xs text-muted-foreground">by {link.createdByName}</span> : null}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{link.revokedAt ? `Revoked ${when(link.revokedAt, "")}` : when(link.expiresAt, "Never")}</TableCell>
                    <TableCell className="text-right tabular-nums">{link.viewCount}</TableCell>
                    <TableCell className="whitespace-nowrap">{when(link.lastViewedAt, "Not opened yet")}</TableCell>
                    <TableCell className="text-right">
                      {state === "revoked" ? null : <RevokeShareLinkButton action={revokeShareLink} team={team.slug} shareLinkId={link.id} label={link.label} />}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
