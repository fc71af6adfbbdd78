// Table primitives: semantic <table> parts inside a horizontally scrolling wrapper for small screens.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// The wrapper and <table> are in scroll-table.tsx, so the client grids that draw their own rows
// (measurements, my updates) import them without the parts below.
export { Table, type TableProps } from "./scroll-table";

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

const ALIGN = { left: "text-left", center: "text-center", right: "text-right" } as const;

export type TableHeadProps = ComponentProps<"th"> & {
  /** Right for numbers, so the heading sits over its column's digits. */
  align?: keyof typeof ALIGN;
};

/** A header cell; `scope` defaults to "col" (pass "row" for row headers). */
export function TableHead({ className, scope = "col", align = "left", ...props }: TableHeadProps) {
  return (
    <th
      scope={scope}
      className={cn("h-10 px-3 align-middle font-medium whitespace-nowrap text-muted-foreground", ALIGN[align], className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2.5 align-middle", className)} {...props} />;
}
