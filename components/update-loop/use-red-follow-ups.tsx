"use client";
// The queue of red values waiting for a reason, shared by My updates and the measurements grid:
// add what a save reported, and render the dialog for the first one. The dialog's code is fetched
// once the page is idle (editors only), not with the page.
import { Suspense, useCallback, useState, type ReactNode } from "react";
import { lazyWithPreload, usePreloadWhenIdle } from "@/components/ui/lazy-overlay";
import type { RedFollowUp } from "@/lib/update-loop/red-reason";
import type { ExplainAction, Member } from "./red-reason-dialog";

const RedReasonDialog = lazyWithPreload(() => import("./red-reason-dialog").then((m) => ({ default: m.RedReasonDialog })));

export function useRedFollowUps(options: { team: string; members: Member[]; currentUserId: string | null; explain?: ExplainAction; onMessage?: (message: string) => void }): {
  add: (items: readonly RedFollowUp[] | undefined | null) => void;
  dialog: ReactNode;
} {
  const [queue, setQueue] = useState<RedFollowUp[]>([]);
  usePreloadWhenIdle(options.explain ? RedReasonDialog.preload : undefined);
  const add = useCallback((items: readonly RedFollowUp[] | undefined | null) => {
    if (!items?.length) return;
    setQueue((q) => [...q, ...items.filter((i) => !q.some((x) => x.kpiId === i.kpiId && x.period === i.period))]);
  }, []);
  const first = queue[0];
  const dialog =
    first && options.explain ? (
      // The dialog opens itself once its code is in; nothing to show in its place meanwhile.
      <Suspense fallback={null}>
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
      </Suspense>
    ) : null;
  return { add, dialog };
}
