// Select: a styled native <select> — keyboard, screen-reader and mobile pickers come for free.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { inputClasses } from "./input";
import { SpriteIcon } from "./sprite-icon";

export type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper (width, margins); `className` styles the <select> itself. */
  wrapperClassName?: string;
  /** 36px tall instead of 40px, for dense grids (the journey canvas). */
  compact?: boolean;
};

export function Select({ className, wrapperClassName, compact = false, children, ...props }: SelectProps) {
  return (
    <div data-slot="select" className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(inputClasses(), compact ? "h-9" : "h-10", "cursor-pointer appearance-none pr-9", className)}
        {...props}
      >
        {children}
      </select>
      <SpriteIcon name="chevron-down" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
