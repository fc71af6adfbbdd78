// Table primitives: semantic <table> parts inside a horizontally scrolling wrapper for small screens.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// The wrapper and <table> are in scroll-table.tsx, so the client grids that draw their own rows
// (measurements, my updates) import them without the parts below.
export { Table, type TableProps } from "./scroll-table";

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-sm text-muted-foreground", className)} {...props} />;
}

// Rows, heads and cells take their look from the .tbl-* component classes (globals.css): a page
// with a few hundred cells would otherwise carry the same utility list on each, twice (in the HTML
// and in the RSC payload). A caller's utilities still win: they are in a later layer.
export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={className} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={className} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t bg-muted font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("tbl-row", className)} {...props} />;
}

const ALIGN = { left: undefined, center: "text-center", right: "text-right" } as const;

export type TableHeadProps = ComponentProps<"th"> & {
  /** Right for numbers, so the heading sits over its column's digits. */
  align?: keyof typeof ALIGN;
};

/** A header cell; `scope` defaults to "col" (pass "row" for row headers). */
export function TableHead({ className, scope = "col", align = "left", ...props }: TableHeadProps) {
  return (
    <th
      scope={scope}
      className={cn("tbl-head", ALIGN[align], className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("tbl-cell", className)} {...props} />;
}
