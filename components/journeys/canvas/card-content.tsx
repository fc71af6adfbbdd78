// What a card shows (a touchpoint's channel, description and owner, or a note's text) and the
// frame of a lane's card, shared by the read-only lane and the editable one (lane-cards.tsx).
import { Badge } from "@/components/ui/badge";
import type { CanvasTouchpoint } from "@/lib/journeys/canvas";
import type { LaneKey } from "@/lib/journeys/canvas-ops";
import { CHANNEL_LABELS } from "@/lib/journeys/channels";
import { cn, type ClassName } from "@/lib/cn";
import type { Card } from "./lanes";

export function cardClass(lane: LaneKey, ...extra: ClassName[]): string {
  return cn(
    "rounded-md border bg-card p-2 shadow-xs break-inside-avoid print:p-1",
    lane === "painPoints" && "border-l-4 border-l-status-red-border",
    lane === "opportunities" && "border-l-4 border-l-status-green-border",
    ...extra,
  );
}

export function CardContent({ card }: { card: Card }) {
  return (
    <div className="min-w-0 flex-1 py-1">
      {"channel" in card ? <TouchpointBody card={card} /> : <p className="break-words whitespace-pre-line">{card.text}</p>}
    </div>
  );
}

function TouchpointBody({ card }: { card: CanvasTouchpoint }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1">
        <Badge variant="secondary">{CHANNEL_LABELS[card.channel]}</Badge>
        {card.channelDetail ? <span className="text-xs text-muted-foreground break-words">{card.channelDetail}</span> : null}
      </div>
      <p className="break-words whitespace-pre-line">{card.description}</p>
      {card.ownerName ? <p className="text-xs text-muted-foreground">Owner: {card.ownerName}</p> : null}
    </div>
  );
}
