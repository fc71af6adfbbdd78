// The header's inbox link with the count of unread notifications and KPIs due. A server
// component behind Suspense in the team layout, so the count never holds up the page; every
// live change re-renders it through the router refresh.
import { Bell } from "lucide-react";
import Link from "next/link";
import { inTeam } from "@/db/tenant";
import { requireTeamPage } from "@/lib/auth/team-context";
import { getInboxCounts } from "@/lib/collaboration/inbox";

export async function InboxLink({ slug }: { slug: string }) {
  // Cached per request: the layout has already resolved this session.
  const { ctx, team, user } = await requireTeamPage(slug);
  const calendar = { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
  const { unread, due } = await inTeam(ctx.teamId, (tx) => getInboxCounts(tx, ctx, user.id, calendar));
  const total = unread + due;
  const parts = [unread ? `${unread} unread` : null, due ? `${due} KPI${due === 1 ? "" : "s"} due` : null].filter(Boolean);
  return <InboxLinkView team={team.slug} total={total} label={parts.length ? `Inbox: ${parts.join(", ")}` : "Inbox"} />;
}

export function InboxLinkView({ team, total, label = "Inbox" }: { team: string; total: number; label?: string }) {
  return (
    // No prefetch: every live refresh would prefetch the inbox again on every open screen.
    <Link
      href={`/t/${team}/inbox`}
      prefetch={false}
      aria-label={label}
      title={label}
      className="relative inline-flex size-10 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
      data-testid="inbox-link"
    >
      <Bell aria-hidden="true" className="size-5" />
      {total > 0 ? (
        <span aria-hidden="true" className="absolute top-1 right-1 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] leading-4 font-semibold text-primary-foreground" data-testid="inbox-count">
          {total > 99 ? "99+" : total}
        </span>
      ) : null}
    </Link>
  );
}
