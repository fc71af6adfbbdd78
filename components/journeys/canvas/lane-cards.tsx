"use client";
// One lane of one stage on the editable canvas: its cards (touchpoints, pain points or
// opportunities, drawn by card-content.tsx) with inline editing, native drag and drop, and the
// keyboard alternative (Alt+arrow keys on the card's handle, or the Move items of its menu).
// Drops land where the pointer is; the server decides.
import { GripVertical, MoreHorizontal, Pencil, Plus, Trash2 } from "lucide-react";
import { useState, type DragEvent, type KeyboardEvent } from "react";
import { moveCardAction, removeNoteAction, removeTouchpointAction } from "@/app/t/[team]/journeys/actions";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { CanvasStage } from "@/lib/journeys/canvas";
import type { LaneKey } from "@/lib/journeys/canvas-ops";
import { cn } from "@/lib/cn";
import { CardContent, cardClass } from "./card-content";
import { useCanvas } from "./canvas-context";
import { CardForm, LazyForm } from "./lazy-forms";
import { LANE, type Card } from "./lanes";


const cardLabel = (card: Card) => ("description" in card ? card.description : card.text);
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** Moves a card and keeps the keyboard user's focus on its handle. */
function useMoveCard(lane: LaneKey) {
  const { stages, run } = useCanvas();
  return (card: Card, toStageId: string, position: number) => {
    const target = stages.find((s) => s.id === toStageId);
    const count = target ? target[lane].length : 0;
    const place = toStageId === card.stageId ? `position ${position + 1} of ${count}` : `${target?.name ?? "another stage"}, position ${position + 1} of ${count + 1}`;
    void run({
      action: moveCardAction,
      input: { cardType: LANE[lane].cardType, cardId: card.id, version: card.version, stageId: toStageId, position },
      op: { type: "moveCard", lane, cardId: card.id, toStageId, position },
      success: `${short(cardLabel(card))} moved to ${place}.`,
      focus: `card-handle-${card.id}`,
    });
  };
}

export function LaneCards({ stage, stageIndex, lane }: { stage: CanvasStage; stageIndex: number; lane: LaneKey }) {
  const { drag, setDrag, stages } = useCanvas();
  const move = useMoveCard(lane);
  const [adding, setAdding] = useState(false);
  const [over, setOver] = useState(false);
  const cards = stage[lane] as Card[];
  const accepts = drag?.kind === "card" && drag.lane === lane;

  const findCard = (id: string) => stages.flatMap((s) => s[lane] as Card[]).find((c) => c.id === id);
  const dropAtEnd = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (drag?.kind !== "card" || drag.lane !== lane) return;
    const card = findCard(drag.cardId);
    if (card) move(card, stage.id, drag.stageId === stage.id ? cards.length - 1 : cards.length);
    setDrag(null);
  };

  return (
    <div
      className={cn("flex min-h-16 flex-col gap-2 rounded-md", over && "outline-2 outline-dashed outline-ring")}
      onDragOver={(e) => {
        if (!accepts) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={dropAtEnd}
    >
      {cards.length ? (
        <ul className="flex flex-col gap-2" aria-label={`${stage.name}: ${LANE[lane].many}`}>
          {cards.map((card, index) => (
            <CardItem key={card.id} card={card} index={index} count={cards.length} stage={stage} stageIndex={stageIndex} lane={lane} onDropOn={(dragged) => move(dragged, stage.id, index)} findCard={findCard} />
          ))}
        </ul>
      ) : (
        <p className="text-xs text-muted-foreground">No {LANE[lane].many} yet.</p>
      )}
      {adding ? (
        <LazyForm>
          <CardForm lane={lane} stageId={stage.id} onDone={() => setAdding(false)} />
        </LazyForm>
      ) : (
        <Button variant="ghost" size="xs" align="start" className="text-muted-foreground" onClick={() => setAdding(true)} data-print-hidden>
          <Plus aria-hidden="true" />
          Add {LANE[lane].one}
          <span className="sr-only"> to {stage.name}</span>
        </Button>
      )}
    </div>
  );
}

function CardItem({
  card, index, count, stage, stageIndex, lane, onDropOn, findCard,
}: {
  card: Card;
  index: number;
  count: number;
  stage: CanvasStage;
  stageIndex: number;
  lane: LaneKey;
  onDropOn: (dragged: Card) => void;
  findCard: (id: string) => Card | undefined;
}) {
  const { stages, run, drag, setDrag } = useCanvas();
  const move = useMoveCard(lane);
  const [editing, setEditing] = useState(false);
  const [over, setOver] = useState(false);
  const previous = stages[stageIndex - 1];
  const next = stages[stageIndex + 1];
  const label = cardLabel(card);

  const moves = {
    up: index > 0 ? () => move(card, stage.id, index - 1) : null,
    down: index < count - 1 ? () => move(card, stage.id, index + 1) : null,
    left: previous ? () => move(card, previous.id, Math.min(index, previous[lane].length)) : null,
    right: next ? () => move(card, next.id, Math.min(index, next[lane].length)) : null,
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey) return;
    const action = { ArrowUp: moves.up, ArrowDown: moves.down, ArrowLeft: moves.left, ArrowRight: moves.right }[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action?.();
  };

  const remove = () =>
    void run({
      action: lane === "touchpoints" ? removeTouchpointAction : removeNoteAction,
      input: lane === "touchpoints" ? { touchpointId: card.id, version: card.version } : { noteId: card.id, version: card.version },
      success: `Removed ${short(label)}.`,
    });

  if (editing) {
    return (
      <li className="rounded-md border bg-card p-2 shadow-xs">
        <LazyForm>
          <CardForm lane={lane} stageId={stage.id} card={card} onDone={() => setEditing(false)} />
        </LazyForm>
      </li>
    );
  }

  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", label);
        setDrag({ kind: "card", lane, cardId: card.id, stageId: stage.id });
      }}
      onDragEnd={() => setDrag(null)}
      onDragOver={(e) => {
        if (drag?.kind !== "card" || drag.lane !== lane || drag.cardId === card.id) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (drag?.kind !== "card" || drag.lane !== lane) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const dragged = findCard(drag.cardId);
        if (dragged && dragged.id !== card.id) onDropOn(dragged);
        setDrag(null);
      }}
      data-card-id={card.id}
      className={cardClass(lane, over && "outline-2 outline-ring", "cursor-grab active:cursor-grabbing")}
    >
      <div className="flex items-start gap-1">
        <button
          type="button"
          id={`card-handle-${card.id}`}
          onKeyDown={onKeyDown}
          aria-label={`Move ${short(label)}`}
          aria-describedby="canvas-keyboard-help"
          className="-ml-1 inline-flex size-8 shrink-0 cursor-grab items-center justify-center rounded text-muted-foreground hover:bg-accent"
          data-print-hidden
        >
          <GripVertical aria-hidden="true" className="size-4" />
        </button>
        <CardContent card={card} />
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${short(label)}`} data-print-hidden>
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => setEditing(true)}>
              <Pencil aria-hidden="true" />
              Edit
            </DropdownMenuItem>
            <DropdownMenuItem disabled={!moves.up} onSelect={() => moves.up?.()}>Move up</DropdownMenuItem>
            <DropdownMenuItem disabled={!moves.down} onSelect={() => moves.down?.()}>Move down</DropdownMenuItem>
            <DropdownMenuItem disabled={!moves.left} onSelect={() => moves.left?.()}>Move to {previous ? previous.name : "previous stage"}</DropdownMenuItem>
            <DropdownMenuItem disabled={!moves.right} onSelect={() => moves.right?.()}>Move to {next ? next.name : "next stage"}</DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem destructive onSelect={remove}>
              <Trash2 aria-hidden="true" />
              Remove
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </li>
  );
}
