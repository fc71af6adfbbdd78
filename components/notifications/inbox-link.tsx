"use client";
// The header's inbox link with the count of unread notifications and KPIs due. The count is
// fetched by the browser (GET /t/[team]/inbox/count), so no page waits for it or pays its
// statement; it is fetched again whenever the server renders the layout anew (a live change's
// refresh, an action that marks notifications read) and when the LiveProvider invalidates it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { InboxCounts } from "@/app/t/[team]/inbox/count/route";
import { SpriteIcon } from "@/components/ui/sprite-icon";

async function fetchInboxCounts(team: string, signal: AbortSignal): Promise<InboxCounts> {
  const response = await fetch(`/t/${team}/inbox/count`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`inbox count: HTTP ${response.status}`);
  return (await response.json()) as InboxCounts;
}

/** `renderedAt` changes with each server render of the layout: a new render, a fresh count. */
export function InboxLink({ team, renderedAt }: { team: string; renderedAt: number }) {
  const { data } = useQuery({
    queryKey: [team, "inbox-count", renderedAt],
    queryFn: ({ signal }) => fetchInboxCounts(team, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const unread = data?.unread ?? 0;
  const due = data?.due ?? 0;
  const total = unread + due;
  const parts = [unread ? `${unread} unread` : null, due ? `${due} KPI${due === 1 ? "" : "s"} due` : null].filter(Boolean);
  const label = parts.length ? `Inbox: ${parts.join(", ")}` : "Inbox";
  return (
    // No prefetch: every live refresh would prefetch the inbox again on every open screen.
    <Link
      href={`/t/${team}/inbox`}
      prefetch={false}
      aria-label={label}
      title={label}
      className="relative inline-flex size-10 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
      data-testid="inbox-link"
      data-state={data ? "loaded" : "loading"}
    >
      <SpriteIcon name="bell" className="size-5" />
      {total > 0 ? (
        <span aria-hidden="true" className="absolute top-1 right-1 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] leading-4 font-semibold text-primary-foreground" data-testid="inbox-count">
          {total > 99 ? "99+" : total}
        </span>
      ) : null}
    </Link>
  );
}
