// One activity entry in words: who, what, on which item, before → after, why and when.
// Server-compatible, shared by the team feed and the history panels. Its link does not
// prefetch: every live refresh would otherwise prefetch each visible entry's page again.
import Link from "next/link";
import type { FeedEntry } from "@/lib/collaboration/activity-feed";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function ActivityItem({ entry, team, showEntity = true }: { entry: FeedEntry; team: string; showEntity?: boolean }) {
  const at = new Date(entry.at);
  // In an item's own history the item goes without saying: "changed the target", not "… of".
  const verb = showEntity ? entry.verb : entry.verb.replace(/ (of|on)$/, "");
  const target = entry.path ? (
    <Link prefetch={false} href={`/t/${team}${entry.path}`} className="font-medium underline-offset-4 hover:underline">
      {entry.label}
    </Link>
  ) : (
    <span className="font-medium">{entry.label}</span>
  );
  return (
    <li className="flex flex-col gap-0.5 border-b py-2 text-sm last:border-b-0" data-testid="activity-entry">
      <p className="break-words">
        <span className="font-semibold">{entry.actorName}</span> {verb}
        {showEntity ? (
          <>
            {" "}
            {entry.noun ? `${entry.noun} ` : ""}
            {target}
          </>
        ) : null}
        {entry.detail ? <span className="text-muted-foreground">: {entry.detail}</span> : null}
      </p>
      {entry.reason ? <p className="text-muted-foreground">Reason: {entry.reason}</p> : null}
      <time dateTime={at.toISOString()} className="text-xs text-muted-foreground">
        {when.format(at)}
      </time>
    </li>
  );
}
