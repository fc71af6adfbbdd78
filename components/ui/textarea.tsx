// Textarea: a styled native multi-line input, matching Input.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { inputClasses } from "./input";

const MIN_HEIGHT = { 16: "min-h-16", 20: "min-h-20", 24: "min-h-24" } as const;

export type TextareaProps = ComponentProps<"textarea"> & {
  /** Monospace, 12px on phones (JSON, CSV); see Input. */
  mono?: boolean;
  /** The floor under `rows`, in Tailwind spacing units: 24 (6rem) by default, less for short notes. */
  minHeight?: keyof typeof MIN_HEIGHT;
};

export function Textarea({ className, rows = 4, mono, minHeight = 24, ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(inputClasses({ mono }), MIN_HEIGHT[minHeight], "py-2", className)}
      {...props}
    />
  );
}
