// GET /t/[team]/settings/recycle-bin — what was deleted, by whom, when and with what, for 30 days:
// Restore (editors, admins, owners), Purge one or empty the bin (admins and owners).
import type { Metadata } from "next";
import { ConfirmDelete } from "@/components/scorecards/confirm-delete";
import { RestoreButton } from "@/components/recycle-bin/restore-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listBinItems, type BinKind } from "@/db/queries/recycle-bin";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { clock } from "@/lib/clock";
import { emptyBinAction, purgeBinItemAction, restoreFromBinAction } from "@/lib/recycle-bin/actions";
import { daysLeft, describeContents, KIND_LABELS, RETENTION_DAYS } from "@/lib/recycle-bin/recycle-bin";

export const metadata: Metadata = { title: "Recycle bin" };

/** Where a restored item shows again. */
function backHref(team: string, kind: BinKind, entityId: string, parentId: string | null): string {
  if (kind === "journey") return `/t/${team}/journeys/${entityId}`;
  return parentId ? `/t/${team}/scorecards/${parentId}` : `/t/${team}/scorecards`;
}

export default async function RecycleBinPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "recycle_bin.read");
  const items = await inTeam(ctx.teamId, (tx) => listBinItems(tx, ctx));
  const mayPurge = can(ctx.role, "recycle_bin.purge");
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: team.timeZone });
  const now = clock.now();

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Recycle bin"
        description={`Deleted objectives, KPIs, initiatives, scorecards and journeys stay here for ${RETENTION_DAYS} days with everything that went with them (values, initiatives, links, comments and history), then go for good. Editors restore them; admins and owners may purge them sooner.`}
        actions={
          mayPurge && items.length > 0 ? (
            <ConfirmDelete
              action={emptyBinAction}
              team={team.slug}
              version={0}
              fields={{ confirm: "empty" }}
              title="Empty the recycle bin?"
              description={`All ${items.length} ${items.length === 1 ? "item" : "items"} and everything they carry are deleted for good. This cannot be undone.`}
              label="Empty the recycle bin"
              trigger={<Button variant="outline">Empty the recycle bin</Button>}
            />
          ) : null
        }
      />

      {items.length === 0 ? (
        <EmptyState title="The recycle bin is empty" description="When someone deletes an objective, a KPI, an initiative, a scorecard or a journey, it waits here for 30 days." />
      ) : (
        <Card>
          <CardContent flush>
            <ul className="flex flex-col divide-y" aria-label="Deleted items" data-testid="recycle-bin">
              {items.map((item) => {
                const kind = item.entityType as BinKind;
                const what = `${KIND_LABELS[kind]} “${item.label}”`;
                const name = `${KIND_LABELS[kind] === "KPI" ? "KPI" : KIND_LABELS[kind].toLowerCase()} ${item.label}`;
                const left = daysLeft(item, now);
                const carried = describeContents(kind, item.contents);
                return (
                  <li key={item.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                    <div className="flex min-w-0 flex-col gap-1">
                      <p className="font-medium">
                        {what} <span className="font-normal text-muted-foreground">{carried}</span>
                      </p>
                      <p className="text-sm text-muted-foreground">
                        Deleted by {item.deletedBy ? (item.deletedByName ?? "a former member") : "an API key"} on {when.format(item.deletedAt)} ·{" "}
                        {left === 0 ? "goes within the hour" : `${left} ${left === 1 ? "day" : "days"} left`}
                      </p>
                    </div>
                    <div className="flex items-start gap-2">
                      <RestoreButton action={restoreFromBinAction} team={team.slug} itemId={item.id} name={name} backHref={backHref(team.slug, kind, item.entityId, item.parentId)} />
                      {mayPurge ? (
                        <ConfirmDelete
                          action={purgeBinItemAction}
                          team={team.slug}
                          version={0}
                          fields={{ itemId: item.id }}
                          title={`Purge ${what}?`}
                          description={`It is deleted for good${carried ? `, ${carried}` : ""}. This cannot be undone.`}
                          label="Purge"
                          trigger={
                            <Button size="sm" variant="ghost" aria-label={`Purge ${name}`}>
                              Purge
                            </Button>
                          }
                        />
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
