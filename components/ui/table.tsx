// Table primitives: semantic <table> parts inside a horizontally scrolling wrapper for small screens.
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

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-sm text-muted-foreground", className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t bg-muted font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/60", className)} {...props} />;
}

/** A header cell; `scope` defaults to "col" (pass "row" for row headers). */
export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("h-10 px-3 text-left align-middle font-medium whitespace-nowrap text-muted-foreground", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2.5 align-middle", className)} {...props} />;
}
