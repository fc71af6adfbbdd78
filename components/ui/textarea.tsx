// Textarea: a styled native multi-line input, matching Input.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { inputClasses } from "./input";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(inputClasses, "min-h-24 py-2", className)}
      {...props}
    />
  );
}
