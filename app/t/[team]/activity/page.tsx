// GET /t/[team]/activity — the team's activity feed: every accepted change, newest first,
// filtered by kind of item, person and dates (the team's calendar), 50 at a time by seq.
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityItem } from "@/components/activity/activity-item";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { inTeam } from "@/db/tenant";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { ENTITY_NOUNS } from "@/lib/collaboration/activity-format";
import { loadActivityFeed } from "@/lib/collaboration/activity-feed";
import { FEED_TYPES } from "@/lib/collaboration/constants";
import { feedFilterSchema, type FeedFilter } from "@/lib/collaboration/validation";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function query(filter: FeedFilter, before?: number): string {
  const params = new URLSearchParams();
  if (filter.type) params.set("type", filter.type);
  if (filter.person) params.set("person", filter.person);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (before) params.set("before", String(before));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: SearchParams }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "activity.read");
  const parsed = feedFilterSchema.safeParse(await searchParams);
  const filter: FeedFilter = parsed.success ? parsed.data : { type: undefined, person: undefined, from: undefined, to: undefined, before: undefined };
  const { entries, members, nextBefore } = await inTeam(ctx.teamId, (tx) => loadActivityFeed(tx, ctx, filter, { timeZone: team.timeZone }));
  const base = `/t/${team.slug}/activity`;
  const filtered = Boolean(filter.type || filter.person || filter.from || filter.to);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Activity" description={`Every accepted change in ${team.name}, newest first. Dates follow the team's time zone (${team.timeZone}).`} flush />

      <form method="get" action={base} className="grid gap-3 rounded-md border p-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end" aria-label="Filter the activity">
        <FormField id="activity-type" label="Kind of item">
          <Select name="type" defaultValue={filter.type ?? ""}>
            <option value="">Everything</option>
            {FEED_TYPES.map((type) => (
              <option key={type} value={type}>
                {ENTITY_NOUNS[type] ?? type}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="activity-person" label="Person">
          <Select name="person" defaultValue={filter.person ?? ""}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="activity-from" label="From">
          <Input type="date" name="from" defaultValue={filter.from ?? ""} />
        </FormField>
        <FormField id="activity-to" label="To">
          <Input type="date" name="to" defaultValue={filter.to ?? ""} />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Apply</Button>
          {filtered ? (
            <Button variant="outline" asChild>
              <Link prefetch={false} href={base}>Clear</Link>
            </Button>
          ) : null}
        </div>
      </form>

      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">{filtered ? "No change matches these filters." : "No change recorded yet."}</p>
      ) : (
        <ol className="flex flex-col" aria-label="Changes, newest first" data-testid="activity-feed">
          {entries.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} team={team.slug} />
          ))}
        </ol>
      )}

      <nav aria-label="Pages of the activity" className="flex gap-3 text-sm">
        {filter.before ? (
          <Link prefetch={false} href={`${base}${query(filter)}`} className="text-primary underline underline-offset-4">
            Newest changes
          </Link>
        ) : null}
        {nextBefore ? (
          <Link prefetch={false} href={`${base}${query(filter, nextBefore)}`} className="text-primary underline underline-offset-4" rel="next">
            Older changes
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
