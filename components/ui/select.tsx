// Select: a styled native <select> — keyboard, screen-reader and mobile pickers come for free.
import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { inputClasses } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper (width, margins); `className` styles the <select> itself. */
  wrapperClassName?: string;
};

export function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div data-slot="select" className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(inputClasses, "h-10 cursor-pointer appearance-none pr-9", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
