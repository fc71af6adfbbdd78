// Table: a semantic <table> inside a horizontally scrolling wrapper for small screens. Its parts
// (TableHeader, TableRow, TableCell…) are in table.tsx, which re-exports this.
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export type TableProps = ComponentProps<"table"> & {
  /**
   * Name for the scroll container. When given, the wrapper becomes a focusable labelled region so
   * keyboard users can scroll a wide table (axe: scrollable-region-focusable). Pass it for wide tables.
   */
  scrollLabel?: string;
  containerClassName?: string;
};

export function Table({ scrollLabel, containerClassName, className, ...props }: TableProps) {
  return (
    <div
      data-slot="table-container"
      {...(scrollLabel ? { role: "region", "aria-label": scrollLabel, tabIndex: 0 } : {})}
      className={cn("relative w-full overflow-x-auto", containerClassName)}
    >
      <table data-slot="table" className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}
