"use client";
// ConflictDialog: someone saved this cell after you opened it. Shows both values and lets the
// person choose — nothing is overwritten silently.
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { formatWithUnit } from "@/lib/measurements/grid";
import type { CellRef, CellState } from "./measurement-grid";

export interface Conflict {
  ref: CellRef;
  label: string;
  /** What this person typed ("" means they cleared the cell). */
  mine: string;
  /** What they had seen when they started typing. */
  seen: CellState;
  /** The value saved now, or null when someone removed it. */
  theirs: CellState | null;
}

export function ConflictDialog({
  conflict,
  onKeepMine,
  onTakeTheirs,
  onClose,
}: {
  conflict: Conflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
}) {
  const { kpi } = conflict.ref;
  const show = (value: number | null | undefined) => (value === null || value === undefined ? "no value" : formatWithUnit(value, kpi.unit, kpi.currency));
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title="Someone else changed this value"
        description={`${conflict.label} was saved by someone else after you opened the page. Choose which value to keep.`}
        onCloseAutoFocus={(e) => e.preventDefault()}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="conflict-values">
          <dt className="text-muted-foreground">You had seen</dt>
          <dd className="tabular-nums">{show(conflict.seen.value)}</dd>
          <dt className="text-muted-foreground">Their value</dt>
          <dd className="font-medium tabular-nums">
            {show(conflict.theirs?.value)}
            {conflict.theirs?.note ? <span className="block font-normal text-muted-foreground">Note: {conflict.theirs.note}</span> : null}
          </dd>
          <dt className="text-muted-foreground">Your value</dt>
          <dd className="font-medium tabular-nums">{conflict.mine.trim() === "" ? "no value (you cleared it)" : conflict.mine.trim()}</dd>
        </dl>
        <DialogFooter>
          <Button variant="outline" onClick={onTakeTheirs}>
            Take theirs
          </Button>
          <Button onClick={onKeepMine}>Keep mine</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
