"use client";
// The queue of red values waiting for a reason, shared by My updates and the measurements grid:
// add what a save reported, and render the dialog for the first one.
import { useCallback, useState, type ReactNode } from "react";
import type { RedFollowUp } from "@/lib/update-loop/red-reason";
import { RedReasonDialog, type ExplainAction, type Member } from "./red-reason-dialog";

export function useRedFollowUps(options: { team: string; members: Member[]; currentUserId: string | null; explain?: ExplainAction; onMessage?: (message: string) => void }): {
  add: (items: readonly RedFollowUp[] | undefined | null) => void;
  dialog: ReactNode;
} {
  const [queue, setQueue] = useState<RedFollowUp[]>([]);
  const add = useCallback((items: readonly RedFollowUp[] | undefined | null) => {
    if (!items?.length) return;
    setQueue((q) => [...q, ...items.filter((i) => !q.some((x) => x.kpiId === i.kpiId && x.period === i.period))]);
  }, []);
  const first = queue[0];
  const dialog =
    first && options.explain ? (
      <RedReasonDialog
        key={`${first.kpiId}|${first.period}`}
        team={options.team}
        item={first}
        remaining={queue.length - 1}
        members={options.members}
        currentUserId={options.currentUserId}
        explain={options.explain}
        onDone={(_outcome, message) => {
          setQueue((q) => q.slice(1));
          if (message) options.onMessage?.(message);
        }}
      />
    ) : null;
  return { add, dialog };
}
