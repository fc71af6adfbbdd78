"use client";
// "Comments" next to an objective, a KPI, an initiative or a stage: opens its thread in a
// dialog. The thread loads only when opened, so a page with many of these costs no query, and
// its code (the editor, mentions) is fetched on the trigger's hover, focus or press.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { CommentableType } from "@/lib/collaboration/constants";
import { LazyCommentThread, preloadCommentThread } from "./lazy-comment-thread";

const NOUN: Record<CommentableType, string> = { objective: "objective", kpi: "KPI", initiative: "initiative", stage: "stage" };

export function CommentsButton({ entityType, entityId, label, compact = false }: { entityType: CommentableType; entityId: string; label: string; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild preload={preloadCommentThread}>
        {compact ? (
          <Button variant="ghost" size="icon" aria-label={`Comments on ${NOUN[entityType]} ${label}`} data-print-hidden>
            <SpriteIcon name="message-square" />
          </Button>
        ) : (
          <Button variant="ghost" size="sm" className="text-muted-foreground" data-print-hidden>
            <SpriteIcon name="message-square" />
            Comments<span className="sr-only"> on {NOUN[entityType]} {label}</span>
          </Button>
        )}
      </DialogTrigger>
      <DialogContent title={`Comments on “${label}”`} maxWidth="xl">
        <LazyCommentThread entityType={entityType} entityId={entityId} label={label} />
      </DialogContent>
    </Dialog>
  );
}
