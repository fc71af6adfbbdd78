"use client";
// "History" of one objective or KPI: every accepted change with who, when, before → after
// and the reason, loaded when opened (its code on the trigger's hover, focus or press) and kept
// live by the team's change stream.
import { Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { Skeleton } from "@/components/ui/skeleton";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { HistoryType } from "@/lib/collaboration/constants";

const HistoryList = lazyWithPreload(() => import("./history-list").then((m) => ({ default: m.HistoryList })));

export function HistoryButton({ entityType, entityId, label }: { entityType: HistoryType; entityId: string; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild preload={HistoryList.preload}>
        <Button variant="ghost" size="sm" className="text-muted-foreground" data-print-hidden>
          <SpriteIcon name="history" />
          History<span className="sr-only"> of {entityType === "kpi" ? "KPI" : "objective"} {label}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={`History of “${label}”`} description="Every accepted change, newest first." maxWidth="xl">
        {/* The list's own loading state, so nothing moves when its code is in. */}
        <Suspense fallback={<Skeleton className="h-24" />}>
          <HistoryList entityType={entityType} entityId={entityId} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
