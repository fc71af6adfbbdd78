"use client";
// The accepted changes of one objective or KPI, newest first, for the history dialog
// (history-button.tsx): loaded when opened and kept live by the team's change stream.
import { useQuery } from "@tanstack/react-query";
import { entityHistoryAction } from "@/app/t/[team]/activity/actions";
import { useLive } from "@/components/realtime/live-provider";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { FeedEntry } from "@/lib/collaboration/activity-feed";
import type { HistoryType } from "@/lib/collaboration/constants";
import { ActivityItem } from "./activity-item";

export function HistoryList({ entityType, entityId }: { entityType: HistoryType; entityId: string }) {
  const { team } = useLive();
  const history = useQuery({
    queryKey: [team, "history", entityType, entityId],
    queryFn: async () => {
      const result = await entityHistoryAction({ team, entityType, entityId });
      if (!result.ok) throw new Error(result.message);
      return result.data as FeedEntry[];
    },
    staleTime: 0,
  });
  if (history.isPending) return <Skeleton className="h-24" />;
  if (history.isError) return <Alert variant="error">The history could not be loaded: {history.error.message}</Alert>;
  if (history.data.length === 0) return <p className="text-sm text-muted-foreground">No change recorded yet.</p>;
  return (
    <ol className="flex flex-col" data-testid="history-list">
      {history.data.map((entry) => (
        <ActivityItem key={entry.id} entry={entry} team={team} showEntity={false} />
      ))}
    </ol>
  );
}
