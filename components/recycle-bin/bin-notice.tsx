"use client";
// One line at the top of the team's pages after a delete or a restore: what happened and where to
// go next ("Moved to the recycle bin. Open the recycle bin"). It outlives the row that was deleted
// (the dialog that asked is gone with it), so it lives in a tiny store the layout renders.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

export interface BinNotice {
  text: string;
  href: string;
  linkLabel: string;
}

let current: BinNotice | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function announceBinNotice(notice: BinNotice | null): void {
  current = notice;
  emit();
}

/** What a delete's ConfirmDelete calls with the action's answer: a recycle-bin entry, if any. */
export function announceMovedToBin(team: string, data: unknown): void {
  if (!data || typeof data !== "object" || !("recycleBinId" in data)) return;
  announceBinNotice({ text: "Moved to the recycle bin: it can be restored there for 30 days.", href: `/t/${team}/settings/recycle-bin`, linkLabel: "Open the recycle bin" });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function BinNoticeBar() {
  const notice = useSyncExternalStore(subscribe, () => current, () => null);
  return (
    <div role="status" aria-live="polite" data-testid="bin-notice" className="empty:hidden">
      {notice ? (
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
          <span>{notice.text}</span>
          <Link href={notice.href} className="font-medium underline underline-offset-4" onClick={() => announceBinNotice(null)}>
            {notice.linkLabel}
          </Link>
          <Button variant="ghost" size="xs" onClick={() => announceBinNotice(null)} aria-label="Dismiss this message">
            Dismiss
          </Button>
        </div>
      ) : null}
    </div>
  );
}
