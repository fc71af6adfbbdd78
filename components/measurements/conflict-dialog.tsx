"use client";
// ConflictDialog: someone saved this cell after you opened it. Shows both values and lets the
// person choose — nothing is overwritten silently.
import { Button } from "@/components/ui/button";
import { ConflictValues } from "@/components/ui/conflict-values";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { formatWithUnit } from "@/lib/measurements/values";
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
        <ConflictValues
          labels={{ seen: "You had seen", theirs: "Their value", mine: "Your value" }}
          values={[
            {
              key: "value",
              seen: show(conflict.seen.value),
              theirs: (
                <>
                  {show(conflict.theirs?.value)}
                  {conflict.theirs?.note ? <span className="block font-normal text-muted-foreground">Note: {conflict.theirs.note}</span> : null}
                </>
              ),
              mine: conflict.mine.trim() === "" ? "no value (you cleared it)" : conflict.mine.trim(),
            },
          ]}
        />
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
