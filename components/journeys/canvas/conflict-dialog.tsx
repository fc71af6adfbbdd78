"use client";
// Someone else saved first: show what they saved and let the person choose. Nothing is
// overwritten without that choice.
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { CHANNEL_LABELS, type TouchpointChannel } from "@/lib/journeys/channels";
import { formatEmotion } from "@/lib/journeys/emotion";
import type { Conflict } from "./canvas-context";

const SHOWN: Array<[key: string, label: string]> = [
  ["name", "Name"],
  ["text", "Text"],
  ["channel", "Channel"],
  ["description", "Description"],
  ["customerGoal", "Customer goal"],
  ["emotion", "Emotion"],
  ["position", "Position"],
];

function show(key: string, value: unknown): string {
  if (key === "emotion") return formatEmotion((value as number | null) ?? null);
  if (key === "channel") return CHANNEL_LABELS[value as TouchpointChannel] ?? String(value);
  if (key === "position") return String(Number(value) + 1);
  return String(value ?? "");
}

export function ConflictDialog({ conflict, onResolve }: { conflict: Conflict | null; onResolve: (choice: "mine" | "theirs") => void }) {
  const current = conflict?.current ?? {};
  return (
    <Dialog open={conflict !== null} onOpenChange={(open) => (open ? undefined : onResolve("theirs"))}>
      <DialogContent title="Changed by someone else" description={conflict?.message} hideClose>
        <div className="flex flex-col gap-1 text-sm">
          <p className="font-medium">Their version now reads:</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {SHOWN.filter(([key]) => key in current && current[key] !== "").map(([key, label]) => (
              <div key={key} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="break-words">{show(key, current[key])}</dd>
              </div>
            ))}
          </dl>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onResolve("theirs")}>
            Take theirs
          </Button>
          <Button onClick={() => onResolve("mine")}>Keep mine</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
