"use client";
// Someone else saved first: show what they saved beside what this person sent, and let them
// choose. Nothing is overwritten without that choice.
import { Button } from "@/components/ui/button";
import { ConflictValues, theirsLabel } from "@/components/ui/conflict-values";
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
  if (key === "emotion") return formatEmotion(value === null || value === undefined || value === "" ? null : Number(value));
  if (key === "channel") return CHANNEL_LABELS[value as TouchpointChannel] ?? String(value);
  if (key === "position") return String(Number(value) + 1);
  return String(value ?? "").trim() || "(empty)";
}

export function ConflictDialog({ conflict, onResolve }: { conflict: Conflict | null; onResolve: (choice: "mine" | "theirs") => void }) {
  const current = conflict?.current ?? {};
  const mine = conflict?.retry.input ?? {};
  const values = SHOWN.filter(([key]) => key in current && (current[key] !== "" || key in mine)).map(([key, label]) => ({
    key,
    label,
    theirs: show(key, current[key]),
    mine: key in mine ? show(key, mine[key]) : undefined,
  }));
  return (
    <Dialog open={conflict !== null} onOpenChange={(open) => (open ? undefined : onResolve("theirs"))}>
      <DialogContent title="Changed by someone else" description={conflict?.message} hideClose>
        <ConflictValues values={values} labels={{ theirs: theirsLabel(conflict?.savedBy), mine: "Yours" }} />
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
