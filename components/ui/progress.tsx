// Progress: an accessible progressbar (initiative progress, coverage) with a visible percentage.
import { useId, type ComponentProps } from "react";

import { cn } from "@/lib/cn";

export type ProgressProps = Omit<ComponentProps<"div">, "children"> & {
  /** Current value; clamped to [0, max]. Non-finite values count as 0. */
  value: number;
  max?: number;
  /** Accessible name, shown above the bar unless `hideLabel`. */
  label: string;
  /** Keep the label for screen readers only (e.g. in a table row already labelled). */
  hideLabel?: boolean;
};

export function Progress({ value, max = 100, label, hideLabel = false, className, ...props }: ProgressProps) {
  const labelId = useId();
  const safeMax = Number.isFinite(max) && max > 0 ? max : 100;
  const clamped = Number.isFinite(value) ? Math.min(Math.max(value, 0), safeMax) : 0;
  const percent = Math.round((clamped / safeMax) * 100);

  return (
    <div data-slot="progress" className={cn("flex flex-col gap-1.5", className)} {...props}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span id={labelId} className={hideLabel ? "sr-only" : "font-medium"}>
          {label}
        </span>
        {/* Hidden from AT: the progressbar itself announces the value. */}
        <span aria-hidden="true" className="ml-auto text-muted-foreground tabular-nums">
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={clamped}
        aria-valuetext={`${percent}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
