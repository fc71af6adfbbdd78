"use client";
// The inbox's notifications: mentions and assignments, unread first in weight, each opening
// the item it is about (and marking itself read); "Mark all read" for the rest.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationsReadAction } from "@/app/t/[team]/inbox/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { InboxItem } from "@/lib/collaboration/inbox";
import { cn } from "@/lib/cn";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const NOUN: Record<string, string> = { objective: "objective", kpi: "KPI", initiative: "initiative", stage: "stage" };

function sentence(item: InboxItem): string {
  const actor = item.actorName ?? "Someone";
  const noun = NOUN[item.entityType] ?? "item";
  if (item.kind === "mention") return `${actor} mentioned you on the ${noun}`;
  if (item.kind === "assignment") return `${actor} made you the owner of the ${noun}`;
  return `The ${noun} needs a value`;
}

export function InboxList({ team, items }: { team: string; items: InboxItem[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const unread = items.filter((i) => !i.read).length;

  const mark = (ids: string[] | "all") =>
    startTransition(async () => {
      const result = ids === "all" ? await markAllNotificationsReadAction({ team }) : await markNotificationsReadAction({ team, ids });
      setError(result.ok ? null : result.message);
      router.refresh();
    });

  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing here yet. Mentions and new ownerships will show up here.</p>;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="unread-summary">
          {unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        <Button size="sm" variant="outline" disabled={pending || unread === 0} onClick={() => mark("all")}>
          Mark all read
        </Button>
      </div>
      {error ? <Alert variant="error">{error}</Alert> : null}
      <ul className="flex flex-col divide-y rounded-md border">
        {items.map((item) => (
          <li key={item.id} className={cn("flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between", !item.read && "bg-secondary/40")} data-testid="notification" data-read={item.read}>
            <div className="flex min-w-0 flex-col gap-1">
              <p className="text-sm break-words">
                {!item.read ? (
                  <Badge variant="default" className="mr-2">
                    New
                  </Badge>
                ) : null}
                {sentence(item)}{" "}
                {item.path ? (
                  <Link prefetch={false}
                    href={`/t/${team}${item.path}`}
                    className="font-medium underline underline-offset-4"
                    onClick={() => {
                      if (!item.read) void markNotificationsReadAction({ team, ids: [item.id] });
                    }}
                  >
                    {item.label}
                  </Link>
                ) : (
                  <span className="font-medium">{item.label}</span>
                )}
              </p>
              {item.excerpt ? <p className="text-sm break-words text-muted-foreground">“{item.excerpt}”</p> : null}
              <time className="text-xs text-muted-foreground" dateTime={new Date(item.createdAt).toISOString()}>
                {when.format(new Date(item.createdAt))}
              </time>
            </div>
            {!item.read ? (
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => mark([item.id])}>
                Mark read<span className="sr-only">: {sentence(item)} {item.label}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
