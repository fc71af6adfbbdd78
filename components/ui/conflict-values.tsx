// ConflictValues: the two sides of a stale write, field by field — what is saved now (and who
// saved it) and what this person has — shared by every conflict dialog, so the choice
// (keep mine / take theirs / edit) is always made with both values in sight.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { SavedBy } from "@/lib/errors";

export interface ConflictValue {
  key: string;
  /** The field's name; left out when the dialog is about a single value. */
  label?: ReactNode;
  /** What the person had seen before either change, when the caller knows it. */
  seen?: ReactNode;
  theirs: ReactNode;
  /** Left out when the person's side is not a value of this field. */
  mine?: ReactNode;
}

export interface ConflictValueLabels {
  seen?: ReactNode;
  theirs?: ReactNode;
  mine?: ReactNode;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "Theirs (saved by Dana Whitfield, 4 May 2026, 09:12)", or without the parts not known. */
export function theirsLabel(savedBy: SavedBy | null | undefined): string {
  if (!savedBy) return "Theirs";
  const at = new Date(savedBy.at);
  const time = Number.isNaN(at.getTime()) ? null : when.format(at);
  const by = savedBy.name ? `saved by ${savedBy.name}` : "saved by someone else";
  return `Theirs (${[by, time].filter(Boolean).join(", ")})`;
}

export function ConflictValues({
  values,
  labels = {},
  className,
}: {
  values: readonly ConflictValue[];
  labels?: ConflictValueLabels;
  className?: string;
}) {
  const { seen = "You had seen", theirs = "Theirs", mine = "Yours" } = labels;
  return (
    <div data-testid="conflict-values" className={cn("flex flex-col gap-3 text-sm", className)}>
      {values.map((value) => (
        <div key={value.key} data-testid="conflict-value" data-field={value.key} className="flex flex-col gap-1">
          {value.label ? <p className="font-medium">{value.label}</p> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {value.seen !== undefined ? (
              <div className="contents">
                <dt className="text-muted-foreground">{seen}</dt>
                <dd className="tabular-nums break-words">{value.seen}</dd>
              </div>
            ) : null}
            <div className="contents">
              <dt className="text-muted-foreground">{theirs}</dt>
              <dd className="font-medium tabular-nums break-words">{value.theirs}</dd>
            </div>
            {value.mine !== undefined ? (
              <div className="contents">
                <dt className="text-muted-foreground">{mine}</dt>
                <dd className="font-medium tabular-nums break-words">{value.mine}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      ))}
    </div>
  );
}
